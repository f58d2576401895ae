// Course runs are planned in Norwegian local time: a date and a time typed in a form mean
// Europe/Oslo, whatever the server's zone, and are stored as UTC instants.

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The wall-clock date and time in Norway at `at`: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function osloParts(at: Date): { date: string; time: string } {
  const part = Object.fromEntries(OSLO_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/** Minutes Norway is ahead of UTC at the instant `ms`. */
function osloOffsetMinutes(ms: number): number {
  const { date, time } = osloParts(new Date(ms));
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, mi) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** A calendar date that exists, 'YYYY-MM-DD' (2027-02-30 does not), as [year, month, day]; null otherwise. */
export function parseDate(text: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return [y, m, d];
}

/** 'HH:MM' on a 24-hour clock as [hours, minutes]; null otherwise. */
export function parseTime(text: string): [number, number] | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h <= 23 && m <= 59 ? [h, m] : null;
}

/** The instant a Norwegian wall-clock date and time name (the later one where a clock change repeats an hour). */
export function osloInstant(date: [number, number, number], time: [number, number]): Date {
  const wall = Date.UTC(date[0], date[1] - 1, date[2], time[0], time[1]);
  let guess = wall - osloOffsetMinutes(wall) * 60_000;
  guess = wall - osloOffsetMinutes(guess) * 60_000;
  return new Date(guess);
}
