import { sql } from 'kysely';
import { sha256 } from './crypto.ts';
import type { AccountsTx } from './tables.ts';

export interface Limit {
  bucket: string;
  max: number;
  windowMinutes: number;
}

/** Limits kept in the database, so every instance counts the same attempts. */
export const limits = {
  loginIp: (ip: string): Limit => ({ bucket: `login:ip:${ip}`, max: 30, windowMinutes: 15 }),
  // keyed by the hash of whatever was typed, so an unknown address is limited exactly like a known one
  loginAccount: (email: string): Limit => ({ bucket: `login:account:${sha256(email.trim().toLowerCase())}`, max: 5, windowMinutes: 15 }),
  resetIp: (ip: string): Limit => ({ bucket: `reset:ip:${ip}`, max: 10, windowMinutes: 60 }),
  resetAccount: (email: string): Limit => ({ bucket: `reset:account:${sha256(email.trim().toLowerCase())}`, max: 3, windowMinutes: 60 }),
  registerIp: (ip: string): Limit => ({ bucket: `register:ip:${ip}`, max: 10, windowMinutes: 60 }),
  reportIp: (ip: string): Limit => ({ bucket: `report:ip:${ip}`, max: 5, windowMinutes: 60 }),
};

/** True when any of the limits has already been reached within its window. */
export async function isLimited(db: AccountsTx, checks: Limit[]): Promise<boolean> {
  for (const limit of checks) {
    const row = await db.selectFrom('rate_limit_hit').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bucket', '=', limit.bucket)
      .where('hit_at', '>', sql<Date>`now() - make_interval(mins => ${limit.windowMinutes})`)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= limit.max) return true;
  }
  return false;
}

export async function countAttempt(db: AccountsTx, checks: Limit[]): Promise<void> {
  await db.insertInto('rate_limit_hit').values(checks.map((c) => ({ bucket: c.bucket }))).execute();
}

export async function forgetAttempts(db: AccountsTx, limit: Limit): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('bucket', '=', limit.bucket).execute();
}

/** Old hits are no longer counted: the nightly job removes them. */
export async function pruneAttempts(db: AccountsTx): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('hit_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
