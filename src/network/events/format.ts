import { formatDate, msg } from '../../platform/i18n/index.ts';
import { osloWallTime } from '../../platform/oslo-time.ts';

/** "3. mars 2026 kl. 09.00–15.00", or both ends written out when the event spans days (Norwegian time). */
export function whenText(startsAt: Date | string, endsAt: Date | string): string {
  const start = osloWallTime(new Date(startsAt));
  const end = osloWallTime(new Date(endsAt));
  const m = msg.networkEvents.when;
  if (start.date === end.date) return m.sameDay(formatDate(start.date), start.time, end.time);
  return m.span(formatDate(start.date), start.time, formatDate(end.date), end.time);
}
