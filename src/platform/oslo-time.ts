// Norwegian wall time: what a date and a time typed in a form or shown on a page mean (Europe/Oslo,
// whatever the server's zone), and the instants (timestamptz) they are stored as. Events, course
// runs and form dates all read and write time through here.

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

export interface WallTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  /** 'HHMMSS' */
  compact: string;
}

/** The date and time in Norway at an instant. */
export function osloWallTime(at: Date): WallTime {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, compact: `${p.hour}${p.minute}${p.second}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

/** A calendar date that exists ('2026-02-30' does not). */
export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** '2026-03-04' or '4.3.2026' (as Norwegians write it) → '2026-03-04', not yet checked for existence (isRealDate); null when it is neither. */
export function dateShape(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const written = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : written ? [written[3], written[2], written[1]] : [];
  return year && month && day ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : null;
}

/** '9:05', '09:05' or '09.05' → '09:05'; null when it is no time of day. */
export function normaliseTime(value: string): string | null {
  const match = TIME.exec(value.trim().padStart(5, '0'));
  return match ? `${match[1]}:${match[2]}` : null;
}

/**
 * The instant at a wall time in Norway, or null when the date does not exist or the time is skipped
 * by the change to summer time (02:00–03:00 on the last Sunday of March).
 */
export function fromOsloWallTime(date: string, time: string): Date | null {
  const hhmm = normaliseTime(time);
  if (!isRealDate(date) || !hhmm) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Norway is UTC+1 or UTC+2: try both offsets and keep the first that reads back as the wall time (in the hour that repeats in October: the earlier one)
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = osloWallTime(candidate);
    if (back.date === date && back.time === hhmm) return candidate;
  }
  return null;
}
