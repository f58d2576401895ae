// The survey's rate limit: per client address, kept in this process's memory only (never the
// rate_limit_hit table, never on disk), so no address of anyone who answered is ever stored. Each
// instance counts on its own; the daily cap per offer (in the database) bounds the total.
import { clientKey } from '../../platform/rate-limit.ts';

export const ANSWERS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60_000;

export class AnswerThrottle {
  private readonly seen = new Map<string, number[]>();

  /** Whether this address may answer now; counts the answer when it may. */
  allow(ip: string, now: Date): boolean {
    const key = clientKey(ip);
    const since = now.getTime() - WINDOW_MS;
    const recent = (this.seen.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= ANSWERS_PER_HOUR) {
      this.seen.set(key, recent);
      return false;
    }
    recent.push(now.getTime());
    this.seen.set(key, recent);
    if (this.seen.size > 10_000) this.prune(since);
    return true;
  }

  /** Forgets addresses with nothing in the window, so memory holds at most an hour of addresses. */
  prune(since: number): void {
    for (const [key, times] of this.seen) if (!times.some((t) => t > since)) this.seen.delete(key);
  }
}
