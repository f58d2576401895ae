import { sql } from 'kysely';
import type { OpenedDatabase } from './index.ts';

/**
 * One key for "preparing the database at start": migrations, reference data, content sync and
 * demo data. Several instances starting at once on one PostgreSQL server take turns: the first
 * migrates and seeds, the others wait, then find everything in place and insert nothing twice.
 * (Kysely's migrator holds its own advisory lock around the migrations alone; the seeding after
 * them checks "is it there?" before inserting, which only holds when one process does it at a time.)
 */
const STARTUP_LOCK = 7_310_100;

/**
 * Runs `work` while holding a session-level advisory lock on a connection of its own (so `work`
 * uses the pool as usual). PGlite serves one process, which its data-dir lock already ensures.
 */
export async function withStartupLock<T>(database: OpenedDatabase, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });
}
