/**
 * The time the application acts on: when a link expires, when a limit's window ends. Code that
 * decides by time asks the clock in the config instead of Date.now(), so a test can move it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// made once: building a DateTimeFormat costs far more than using it, and search asks per request
const OSLO_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Norway at `at`, 'YYYY-MM-DD': how due dates, confirmations and the freshness rule are meant. */
export const osloDate = (at: Date = new Date()): string => OSLO_DAY.format(at);
