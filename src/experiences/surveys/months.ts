// Time as surveys keep it: the month (Europe/Oslo), never the day or the time of an answer.

const MONTH = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Oslo' });
const DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Oslo' });

/** 'YYYY-MM' of a moment in Europe/Oslo */
export const yearMonth = (now: Date): string => MONTH.format(now).slice(0, 7);
/** 'YYYY-MM-DD' of a moment in Europe/Oslo (only for the daily cap's counter) */
export const osloDay = (now: Date): string => DAY.format(now);

/** The month `count - 1` months before `month` ('YYYY-MM'), so [monthsBefore(m, 12), m] spans 12 months. */
export function firstMonthOf(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
