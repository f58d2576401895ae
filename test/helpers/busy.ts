import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/index.ts';

/**
 * Holds an exclusive lock on the finder's table until released (on PGlite that holds its one
 * connection, so every query waits): a search that reads the table stays in flight meanwhile.
 */
export async function holdFinderTable(db: Db): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  let locked!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const lockedNow = new Promise<void>((resolve) => { locked = resolve; });
  const done = db.transaction().execute(async (trx) => {
    await sql`lock table service_search in access exclusive mode`.execute(trx);
    locked();
    await held;
  });
  await lockedNow;
  return { release: async () => { release(); await done; } };
}

/** Waits (up to 5 s) until the app works on exactly `n` requests. */
export async function untilInFlight(app: FastifyInstance, n: number): Promise<void> {
  for (let i = 0; i < 500 && app.requestsInFlight.count() !== n; i++) await sleep(10);
  assert.equal(app.requestsInFlight.count(), n, 'requests in flight');
}
