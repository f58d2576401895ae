import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema/index.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockDataDir } from './lock.ts';
import { observePool, observeQueries } from '../metrics.ts';
import { createReadRouter } from './read-routing.ts';

/** The one database handle, knowing every table (./schema/). */
export type Db = Kysely<Database>;
/** A handle or an open transaction: what a function takes that may run inside its caller's transaction. */
export type Tx = Db | Transaction<Database>;
export type * from './schema/index.ts';
export { DataDirLockedError, EXIT_DATA_DIR_LOCKED } from './lock.ts';
export { readerOf, readsOwnWrites } from './read-routing.ts';
/** An opened database: the handle, which driver, and how to close it. */
export interface OpenedDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tar, to copy a prepared database (tests). */
  dump?: () => Promise<Blob>;
}

// Both drivers return the same JavaScript types: counts and numerics as numbers, dates as
// 'YYYY-MM-DD' strings (never shifted by the server's time zone), timestamptz as Date.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const toNumber = (value: string) => Number(value);
const asText = (value: string) => value;

/**
 * PGlite in memory, or on disk in `dataDir`: then this process takes the folder's lock first and
 * keeps it until close() or exit (throws DataDirLockedError when another process has it).
 */
export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<OpenedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lock = options.dataDir ? lockDataDir(options.dataDir) : null;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: asText },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log: observeQueries('pglite') });
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      lock?.release();
    }
  };
  return { db, kind: 'pglite', close, dump: () => pglite.dumpDataDir('none') };
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8 || oid === OID.numeric) return toNumber;
    if (oid === OID.date) return asText;
    return pg.types.getTypeParser(oid, format);
  },
};

function newPool(connectionString: string, max: number, name: 'primary' | 'replica', extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, types, ...extra });
  // A pool error (e.g. the server restarting) must not crash the process; queries report it.
  pool.on('error', () => {});
  observePool(pool, name);
  return pool;
}

/**
 * PostgreSQL; with `readUrl` also a streaming replica that readerOf(db) sends public reads to
 * (read-routing.ts). A replica that does not answer within two seconds is treated as down.
 */
export async function openPostgres(connectionString: string, maxConnections = 10, readUrl?: string): Promise<OpenedDatabase> {
  const pool = newPool(connectionString, maxConnections, 'primary');
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: observeQueries('postgres') });
  if (!readUrl) return { db, kind: 'postgres', close: () => db.destroy() };
  const router = createReadRouter(db, pool, newPool(readUrl, maxConnections, 'replica', { connectionTimeoutMillis: 2000 }));
  return {
    db, kind: 'postgres',
    close: async () => {
      await router.close();
      await db.destroy();
    },
  };
}

/** The database named by the configuration: PostgreSQL when a URL is given, else PGlite on disk. */
export function openDatabase(config: { databaseUrl: string | undefined; databaseReadUrl?: string | undefined; dataDir: string }): Promise<OpenedDatabase> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, 10, config.databaseReadUrl) : openPGlite({ dataDir: join(config.dataDir, 'db') });
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
