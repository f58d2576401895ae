// Rate limits of Erfaringer kept in this process's memory only (never the rate_limit_hit table,
// never on disk), so no address of anyone who answered a survey or typed a receipt code is ever
// stored. Each instance counts on its own; for surveys the daily cap per offer (in the database)
// bounds the total, and receipt codes are 80 random bits, so the limit only slows guessing further.
import { clientKey } from '../../platform/rate-limit.ts';

export const ANSWERS_PER_HOUR = 10;
const HOUR_MS = 60 * 60_000;

/** At most `max` counted attempts per client address within a sliding window. */
export class MemoryThrottle {
  private readonly seen = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    const recent = (this.seen.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.seen.delete(key);
    else this.seen.set(key, recent);
    return recent;
  }

  /** Whether this address has used up its attempts for now. */
  blocked(ip: string, now: Date): boolean {
    return this.recent(clientKey(ip), now).length >= this.max;
  }

  /** Counts one attempt of this address. */
  count(ip: string, now: Date): void {
    const key = clientKey(ip);
    this.seen.set(key, [...this.recent(key, now), now.getTime()]);
    if (this.seen.size > 10_000) this.prune(now.getTime() - this.windowMs);
  }

  /** Whether this address may try now; counts the attempt when it may. */
  allow(ip: string, now: Date): boolean {
    if (this.blocked(ip, now)) return false;
    this.count(ip, now);
    return true;
  }

  /** Forgets addresses with nothing in the window, so memory holds at most one window of addresses. */
  prune(since: number): void {
    for (const [key, times] of this.seen) if (!times.some((t) => t > since)) this.seen.delete(key);
  }
}

/** The survey's limit: ten answers an hour per address. */
export class AnswerThrottle extends MemoryThrottle {
  constructor() {
    super(ANSWERS_PER_HOUR, HOUR_MS);
  }
}
