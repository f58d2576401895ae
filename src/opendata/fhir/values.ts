/**
 * Values of FHIR R4 search parameters that need more than a schema: dates with a prefix
 * (_lastUpdated) and the special `near` (Location.position). Each parser throws SearchError with
 * what is wrong, so a known parameter with a bad value is a 400 OperationOutcome.
 */
export class SearchError extends Error {
  constructor(readonly param: string, message: string) {
    super(message);
  }
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

/** A date search value as the range of time its precision names: [start, end). */
export interface DateRange {
  prefix: DatePrefix;
  start: Date;
  end: Date;
}

const DATE = /^(eq|ne|gt|lt|ge|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * A date search value (FHIR R4 3.1.1.4.2): yyyy, yyyy-mm, yyyy-mm-dd or a date-time, with an
 * optional prefix (eq when none). The value is the range its precision covers: 2024-03 is all of
 * March. A time without an offset is taken as UTC. An impossible date (2024-02-30) is an error.
 */
export function parseDateSearch(param: string, value: string): DateRange {
  const match = DATE.exec(value);
  if (!match) throw new SearchError(param, `"${value}" is not a date search value: [ge|gt|le|lt|eq|ne]yyyy[-mm[-dd[Thh:mm[:ss][Z|+hh:mm]]]]`);
  const [, prefix = 'eq', year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = month === undefined ? 1 : Number(month);
  const d = day === undefined ? 1 : Number(day);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) {
    throw new SearchError(param, `"${value}" is not a real date or time`);
  }
  const offsetMinutes = !zone || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const startUtc = Date.UTC(y, mo - 1, d, Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), ms) - offsetMinutes * 60_000;
  const start = new Date(startUtc);
  const end = new Date(startUtc);
  if (month === undefined) end.setUTCFullYear(y + 1);
  else if (day === undefined) end.setUTCMonth(mo);
  else if (hour === undefined) end.setUTCDate(d + 1);
  else if (second === undefined) end.setUTCMinutes(end.getUTCMinutes() + 1);
  else if (fraction === undefined) end.setUTCSeconds(end.getUTCSeconds() + 1);
  else end.setUTCMilliseconds(end.getUTCMilliseconds() + 1);
  return { prefix: prefix as DatePrefix, start, end };
}

/** Where `near` searches from and how far, in km. */
export interface Near {
  lat: number;
  lon: number;
  km: number;
}

/** When near names no distance: the spec leaves it to the server. */
export const DEFAULT_NEAR_KM = 50;
const MAX_NEAR_KM = 2000;
/** The UCUM units a distance may be given in, as km. */
const UNITS: Record<string, number> = { km: 1, m: 0.001, '[mi_i]': 1.609344, mi: 1.609344 };

/**
 * `near=latitude|longitude|distance|units` (FHIR R4 Location search parameter "near"): decimal
 * degrees (WGS84), a distance (50 when none), units as UCUM codes (km when none; also m and [mi_i]).
 */
export function parseNear(param: string, value: string): Near {
  const [lat, lon, distance, unit, ...rest] = value.split('|');
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (rest.length > 0 || !lat?.trim() || !lon?.trim() || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new SearchError(param, `"${value}" is not latitude|longitude|distance|units (decimal degrees, e.g. 59.91|10.75|10|km)`);
  }
  const unitCode = unit?.trim() || 'km';
  const factor = UNITS[unitCode];
  if (factor === undefined) throw new SearchError(param, `unknown distance unit "${unitCode}": use km, m or [mi_i]`);
  const amount = distance?.trim() ? Number(distance) : DEFAULT_NEAR_KM / factor;
  if (!Number.isFinite(amount) || amount <= 0) throw new SearchError(param, `"${distance}" is not a positive distance`);
  const km = amount * factor;
  if (km > MAX_NEAR_KM) throw new SearchError(param, `at most ${MAX_NEAR_KM} km`);
  return { lat: latitude, lon: longitude, km };
}
