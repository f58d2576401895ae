import type { MessagePort, Worker } from 'node:worker_threads';
import {
  CompiledQuery, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type QueryResult,
} from 'kysely';
import { SqlTransactions } from '../../../../platform/db/sql-transactions.ts';
import type { Database, Db } from '../../../../platform/db/index.ts';

/**
 * A database handle for a worker thread whose queries run on the main thread's database.
 *
 * The import's heavy parts (parsing, validating, comparing 100,000 rows) run in a worker so they
 * never hold the event loop; its queries still go to the one database the app has (PGlite lives in
 * the app's process and cannot be opened twice). Each query crosses as SQL and parameters and its
 * rows come back, so the same Kysely code runs on either side. Connections are real: a worker's
 * transaction holds one connection from begin to commit, as it would in the main thread.
 */

type Request =
  | { type: 'db'; id: number; op: 'acquire' }
  | { type: 'db'; id: number; op: 'release'; connection: number }
  | { type: 'db'; id: number; op: 'query'; connection: number; sql: string; parameters: readonly unknown[] };
type Response = { type: 'db'; id: number; result?: unknown; error?: { message: string; code?: string; detail?: string } };

/** Main thread: answers a worker's queries on `db` until the worker ends; rolls back what it left open. */
export function serveDatabase(db: Db, worker: Worker): void {
  const held = new Map<number, { conn: Db; release: () => void }>();
  let next = 1;
  const answer = (message: Response) => worker.postMessage(message);
  const fail = (id: number, error: unknown) => {
    const { message, code, detail } = error as { message?: unknown; code?: unknown; detail?: unknown };
    answer({ type: 'db', id, error: { message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}), ...(typeof detail === 'string' ? { detail } : {}) } });
  };

  worker.on('message', (message: Request) => {
    if (message?.type !== 'db') return;
    const { id } = message;
    if (message.op === 'acquire') {
      const connection = next++;
      let acquired = false;
      db.connection().execute((conn) => new Promise<void>((release) => {
        held.set(connection, { conn, release });
        acquired = true;
        answer({ type: 'db', id, result: connection });
      })).catch((error: unknown) => { if (!acquired) fail(id, error); });
      return;
    }
    const entry = held.get(message.connection);
    if (!entry) return fail(id, new Error('no such connection'));
    if (message.op === 'release') {
      held.delete(message.connection);
      entry.release();
      answer({ type: 'db', id });
      return;
    }
    entry.conn.executeQuery(CompiledQuery.raw(message.sql, [...message.parameters]))
      .then((result) => answer({ type: 'db', id, result: { rows: result.rows, numAffectedRows: result.numAffectedRows } }), (error) => fail(id, error));
  });

  worker.once('exit', () => {
    for (const [connection, { conn, release }] of held) {
      held.delete(connection);
      // a worker that died inside a transaction must not leave it open
      conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => {}).finally(release);
    }
  });
}

/** An error the database raised, with its SQLSTATE code, as the worker sees it. */
export class RemoteDatabaseError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly detail: string | undefined) {
    super(message);
  }
}

class RemoteClient {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (message: Response) => {
      if (message?.type !== 'db') return;
      const call = this.waiting.get(message.id);
      if (!call) return;
      this.waiting.delete(message.id);
      if (message.error) call.reject(new RemoteDatabaseError(message.error.message, message.error.code, message.error.detail));
      else call.resolve(message.result);
    });
  }

  call<T>(request: Omit<Extract<Request, { op: string }>, 'id' | 'type'> & { op: Request['op'] }): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.postMessage({ type: 'db', id, ...request });
    });
  }
}

class RemoteConnection implements DatabaseConnection {
  constructor(private readonly client: RemoteClient, readonly id: number) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.client.call<QueryResult<R>>({ op: 'query', connection: this.id, sql: query.sql, parameters: query.parameters } as never);
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported through a worker; page through results instead');
  }
}

class RemoteDriver extends SqlTransactions implements Driver {
  constructor(private readonly client: RemoteClient) {
    super();
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RemoteConnection(this.client, await this.client.call<number>({ op: 'acquire' } as never));
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.client.call({ op: 'release', connection: (connection as RemoteConnection).id } as never);
  }
  async destroy() {}
}

/** Worker thread: a Db whose queries the main thread runs (see serveDatabase). */
export function remoteDb(port: MessagePort): Db {
  const client = new RemoteClient(port);
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new RemoteDriver(client),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
