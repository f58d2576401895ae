/**
 * The time the application acts on: when a link expires, when a limit's window ends. Code that
 * decides by time asks the clock in the config instead of Date.now(), so a test can move it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
