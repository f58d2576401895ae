import { observeQueries } from '../metrics.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely, PostgresAdapter, PostgresDriver, PostgresIntrospector, PostgresQueryCompiler, sql,
  type DatabaseConnection, type Driver, type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from './schema/index.ts';
import type { Db } from './index.ts';

/**
 * Public reads from a streaming replica (DATABASE_READ_URL), and read-your-writes for the person
 * who just saved something.
 *
 * - `readerOf(db)` is one handle for the read paths (finder, offer pages, open data, the atlas's
 *   inputs). Each query on it goes to the replica, unless the request it runs for must read the
 *   primary, or the replica is unreachable (then everything reads the primary).
 * - After any state-changing request (POST, PUT, PATCH, DELETE) the response carries a cookie with
 *   the primary's WAL position at that moment (pg_current_wal_insert_lsn(), after the request's
 *   own commit). While the replica has not replayed that far (pg_last_wal_replay_lsn()), the
 *   browser's reads go to the primary; once it has, the cookie is cleared. So a person always sees
 *   what they just saved, and everyone else reads the replica. The cookie is not signed: changing
 *   it can only send one's own reads to the primary, or show oneself older data.
 * Without a replica, readerOf(db) is db itself and nothing here runs.
 */

export const WROTE_COOKIE = 'samklang_wrote';
/** the cookie outlives any sane replication delay; past it, reads go to the replica again */
const WROTE_COOKIE_SECONDS = 3600;
const PROBE_EVERY_MS = 1000;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** A WAL position 'X/Y' as one number, to compare. */
export function lsnValue(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Routing {
  /** this request reads the primary (its own write has not reached the replica yet) */
  primary: boolean;
}
const current = new AsyncLocalStorage<Routing>();

export interface ReadRouter {
  /** the handle whose queries go to the replica (or, when it is down or behind the caller, the primary) */
  reader: Db;
  /** the replica answered its last probe */
  readonly healthy: boolean;
  /** how far the replica has replayed, as of its last probe (null: not known) */
  readonly replayed: bigint | null;
  /** asks the replica now how far it has replayed */
  probe(): Promise<bigint | null>;
  close(): Promise<void>;
}

/** Hands each connection to the replica's pool or the primary's, whichever the query should read. */
class RoutingDriver implements Driver {
  private readonly owners = new WeakMap<DatabaseConnection, Driver>();
  constructor(private readonly primary: Driver, private readonly replica: Driver, private readonly useReplica: () => boolean) {}
  async init() {
    await this.primary.init();
    await this.replica.init();
  }
  async acquireConnection() {
    const driver = this.useReplica() ? this.replica : this.primary;
    const connection = await driver.acquireConnection();
    this.owners.set(connection, driver);
    return connection;
  }
  private owner(connection: DatabaseConnection): Driver {
    return this.owners.get(connection)!;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) { return this.owner(connection).beginTransaction(connection, settings); }
  commitTransaction(connection: DatabaseConnection) { return this.owner(connection).commitTransaction(connection); }
  rollbackTransaction(connection: DatabaseConnection) { return this.owner(connection).rollbackTransaction(connection); }
  releaseConnection(connection: DatabaseConnection) { return this.owner(connection).releaseConnection(connection); }
  // the primary's pool belongs to the primary's own handle, which ends it
  destroy() { return this.replica.destroy(); }
}

/** This request's reads must go to the primary (its own write has not reached the replica yet). */
export function readsOwnWrites(): boolean {
  return current.getStore()?.primary === true;
}

const routers = new WeakMap<Db, ReadRouter>();

/** Starts routing reads of `primary` to the replica behind `replicaPool`; the probe runs every second. */
export function createReadRouter(primary: Db, primaryPool: pg.Pool, replicaPool: pg.Pool): ReadRouter {
  let healthy = false;
  let replayed: bigint | null = null;
  const replicaDb = new Kysely<Database>({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new PostgresDriver({ pool: replicaPool }), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() } });
  const useReplica = () => healthy && current.getStore()?.primary !== true;
  const reader = new Kysely<Database>({
    log: observeQueries('postgres'),
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RoutingDriver(new PostgresDriver({ pool: primaryPool }), new PostgresDriver({ pool: replicaPool }), useReplica),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const probe = async (): Promise<bigint | null> => {
    try {
      const { rows } = await sql<{ standby: boolean; lsn: string | null }>`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn`.execute(replicaDb);
      const row = rows[0]!;
      // not a standby (promoted, or the primary itself): it has everything there is
      replayed = row.standby ? (row.lsn ? lsnValue(row.lsn) : null) : 1n << 64n;
      healthy = replayed !== null;
    } catch {
      healthy = false;
    }
    return healthy ? replayed : null;
  };
  let probing = probe();
  const timer = setInterval(() => { probing = probe(); }, PROBE_EVERY_MS);
  timer.unref();
  const router: ReadRouter = {
    reader,
    get healthy() { return healthy; },
    get replayed() { return replayed; },
    probe,
    close: async () => {
      clearInterval(timer);
      await probing;
      await reader.destroy(); // ends the replica's pool
    },
  };
  routers.set(primary, router);
  routers.set(reader, router);
  return router;
}

/** The handle public read paths use: the replica when one is configured, else `db` itself. */
export function readerOf(db: Db): Db {
  return routers.get(db)?.reader ?? db;
}

/** The primary's WAL position now (after the caller's own commits). */
async function writePosition(db: Db): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
  return rows[0]!.lsn;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The hooks that decide, per request, whether its reads may go to the replica, and that mark a
 * browser after its writes. Registered at the root before any route or other hook, so every later
 * hook and handler runs inside the decision.
 */
export function registerReadRouting(app: FastifyInstance, db: Db, cookie: { secure: boolean }): void {
  const router = routers.get(db);
  if (!router) return;
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookie.secure };

  const decide = async (request: FastifyRequest, reply: FastifyReply): Promise<Routing> => {
    if (!SAFE.has(request.method)) return { primary: true };
    const wrote = request.cookies[WROTE_COOKIE];
    if (!wrote || !LSN.test(wrote)) return { primary: false };
    const needed = lsnValue(wrote);
    const replayed = router.replayed !== null && router.replayed >= needed ? router.replayed : await router.probe();
    if (replayed !== null && replayed >= needed) {
      reply.clearCookie(WROTE_COOKIE, options);
      return { primary: false };
    }
    return { primary: true };
  };
  app.addHook('onRequest', (request, reply, done) => {
    decide(request, reply).then(
      (routing) => current.run(routing, done),
      () => current.run({ primary: true }, done),
    );
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE.has(request.method) || reply.statusCode >= 500) return payload;
    try {
      reply.setCookie(WROTE_COOKIE, await writePosition(db), { ...options, maxAge: WROTE_COOKIE_SECONDS });
    } catch {
      // the primary is unreachable: the request failed anyway
    }
    return payload;
  });
}
