import { sql } from 'kysely';
import type { Tx } from './db/index.ts';

export interface Limit {
  bucket: string;
  max: number;
  windowMinutes: number;
}

/**
 * The client address as limits count it. One IPv6 subscriber usually holds a whole /64 and can
 * change address at will within it, so IPv6 counts per /64; IPv4 (also written as ::ffff:a.b.c.d)
 * per address.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (g.replace(/^0+/, '') || '0')).join(':')}::/64`;
}

/** A limit on one kind of attempt from one client address (clientKey), e.g. perClient('report', ip, 5, 60). */
export const perClient = (kind: string, ip: string, max: number, windowMinutes: number): Limit => ({ bucket: `${kind}:ip:${clientKey(ip)}`, max, windowMinutes });

/**
 * Limits are kept in the database, so every instance counts the same attempts. Times come from the
 * caller (the app's clock), so a test can move past a window instead of faking old rows. Each domain
 * names its own limits (accounts/throttle.ts, the error-report form).
 */
export const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** True when any of the limits has already been reached within its window. */
export async function isLimited(db: Tx, checks: Limit[], now: Date): Promise<boolean> {
  for (const limit of checks) {
    const row = await db.selectFrom('rate_limit_hit').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bucket', '=', limit.bucket)
      .where('hit_at', '>', minutesBefore(now, limit.windowMinutes))
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= limit.max) return true;
  }
  return false;
}

export async function countAttempt(db: Tx, checks: Pick<Limit, 'bucket'>[], now: Date): Promise<void> {
  await db.insertInto('rate_limit_hit').values(checks.map((c) => ({ bucket: c.bucket, hit_at: now }))).execute();
}

export async function forgetAttempts(db: Tx, limit: Pick<Limit, 'bucket'>): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('bucket', '=', limit.bucket).execute();
}

/** Old hits are no longer counted: the nightly job removes them. */
export async function pruneAttempts(db: Tx): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('hit_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
