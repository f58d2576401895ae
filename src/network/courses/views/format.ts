// Dates, times and sizes of the courses part on screen, in Norway's time.
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { osloWallTime } from '../../../platform/oslo-time.ts';

const time = (at: Date) => osloWallTime(at).time;

/** "15. mars 2027, 09:00–16:00", or "15. mars 2027 09:00 – 16. mars 2027 15:00" over several days. */
export function runDates(start: Date, end: Date): string {
  const sameDay = osloWallTime(start).date === osloWallTime(end).date;
  return sameDay ? `${formatDate(start)}, ${time(start)}–${time(end)}` : `${formatDate(start)} ${time(start)} – ${formatDate(end)} ${time(end)}`;
}

export function fileSize(bytes: number): string {
  const u = msg.networkCourses.units;
  if (bytes < 1024) return `${bytes} ${u.bytes}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${u.kilobytes}`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} ${u.megabytes}`;
}
