// The limits of the account pages: sign-in, password reset and registration per client address,
// reset mails per account, and the growing wait after wrong passwords. The counting itself is
// platform's (src/platform/rate-limit.ts).
import type { Tx } from '../platform/db/index.ts';
import { sha256 } from '../platform/crypto.ts';
import { clientKey, minutesBefore, perClient, type Limit } from '../platform/rate-limit.ts';
import { normaliseEmail } from '../platform/text.ts';

export const limits = {
  loginIp: (ip: string): Limit => perClient('login', ip, 30, 15),
  resetIp: (ip: string): Limit => perClient('reset', ip, 10, 60),
  resetAccount: (email: string): Limit => ({ bucket: `reset:account:${sha256(normaliseEmail(email))}`, max: 3, windowMinutes: 60 }),
  registerIp: (ip: string): Limit => perClient('register', ip, 10, 60),
};

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

