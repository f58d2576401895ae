import { sql } from 'kysely';
import { sha256 } from './crypto.ts';
import type { Tx } from './db/index.ts';
import { normaliseEmail } from './text.ts';

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

/**
 * Limits kept in the database, so every instance counts the same attempts. Times come from the
 * caller (the app's clock), so a test can move past a window instead of faking old rows.
 */
export const limits = {
  loginIp: (ip: string): Limit => ({ bucket: `login:ip:${clientKey(ip)}`, max: 30, windowMinutes: 15 }),
  resetIp: (ip: string): Limit => ({ bucket: `reset:ip:${clientKey(ip)}`, max: 10, windowMinutes: 60 }),
  resetAccount: (email: string): Limit => ({ bucket: `reset:account:${sha256(normaliseEmail(email))}`, max: 3, windowMinutes: 60 }),
  registerIp: (ip: string): Limit => ({ bucket: `register:ip:${clientKey(ip)}`, max: 10, windowMinutes: 60 }),
  reportIp: (ip: string): Limit => ({ bucket: `report:ip:${clientKey(ip)}`, max: 5, windowMinutes: 60 }),
};

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

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

/**
 * Wrong passwords for one account from one client address. The first few are free; after that
 * each further try must wait, and the wait doubles with every failure (1, 2, 4 … minutes, at most
 * an hour). Keyed by the pair, so a stranger who guesses from elsewhere slows only themselves and
 * never locks the owner out; keyed by what was typed, so an unknown address behaves like a known one.
 */
export const LOGIN_THROTTLE = { freeFailures: 5, firstWaitSeconds: 60, maxWaitSeconds: 3600, memoryMinutes: 24 * 60 } as const;

export const loginPair = (email: string, ip: string): Pick<Limit, 'bucket'> => ({ bucket: `login:pair:${sha256(`${normaliseEmail(email)}\n${clientKey(ip)}`)}` });

/** Seconds this account and address must still wait before the next try; 0 when it may try now. */
export async function loginWait(db: Tx, email: string, ip: string, now: Date): Promise<number> {
  const row = await db.selectFrom('rate_limit_hit')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('hit_at').as('last')])
    .where('bucket', '=', loginPair(email, ip).bucket)
    .where('hit_at', '>', minutesBefore(now, LOGIN_THROTTLE.memoryMinutes))
    .executeTakeFirstOrThrow();
  const failures = Number(row.n);
  if (failures < LOGIN_THROTTLE.freeFailures || !row.last) return 0;
  const wait = Math.min(LOGIN_THROTTLE.firstWaitSeconds * 2 ** (failures - LOGIN_THROTTLE.freeFailures), LOGIN_THROTTLE.maxWaitSeconds);
  const until = new Date(row.last).getTime() + wait * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Old hits are no longer counted: the nightly job removes them. */
export async function pruneAttempts(db: Tx): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('hit_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
