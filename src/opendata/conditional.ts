import { sql } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.ts';
import { osloDate } from '../platform/clock.ts';
import { etagMatches } from '../platform/http/compress.ts';

/**
 * Conditional requests on the open-data endpoints (HSDS, FHIR, CSV): ETag and Last-Modified from
 * the directory's data version, so asking "has anything changed?" costs one one-row query.
 *
 * Everything these endpoints serve is derived from the directory tables (whose triggers bump
 * directory_version and its changed_at, migrations 0008 and 0029), the reference data (fixed while
 * the app runs) and the day: the public audience leaves out entries by their age (the finder's
 * freshness rule), so the set can change at midnight in Oslo with no write at all. The validators
 * therefore name the version and the Oslo day, and Last-Modified is never before that midnight.
 */

export interface Validators {
  /** the directory's data version */
  version: number;
  /** the Oslo day the public set was judged by */
  day: string;
  /** strong ETag; compression makes it weak on the way out (platform/http/compress.ts) */
  etag: string;
  lastModified: Date;
}

/** How long a shared cache or client may reuse an answer before asking again (cheaply, with a 304). */
export const OPEN_DATA_CACHE_CONTROL = 'public, max-age=60';

/** Midnight in Oslo at the start of the given Oslo day (YYYY-MM-DD): 23:00 or 22:00 UTC the day before. */
export function osloMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (osloDate(candidate) === day && OSLO_HOUR.format(candidate) === '00') return candidate;
  }
  return new Date(utcMidnight - 3_600_000);
}
const OSLO_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' });

/** The validators of everything the open-data endpoints serve now. */
export async function currentValidators(db: Db, now: Date = new Date()): Promise<Validators> {
  const { rows } = await sql<{ version: string; changed_at: Date }>`select version::text as version, changed_at from directory_version`.execute(db);
  const version = rows[0]?.version ?? '0';
  const day = osloDate(now);
  const changedAt = rows[0] ? new Date(rows[0].changed_at) : new Date(0);
  const midnight = osloMidnight(day);
  return { version: Number(version), day, etag: `"${version}-${day}"`, lastModified: changedAt > midnight ? changedAt : midnight };
}

/** HTTP dates count whole seconds: compared at that resolution. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Whether the client already holds this representation (RFC 9110 section 13.2.2): If-None-Match
 * decides when sent (weakly compared, as a GET may); otherwise If-Modified-Since.
 */
export function clientHolds(request: FastifyRequest, validators: Validators): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, validators.etag);
  const since = request.headers['if-modified-since'];
  if (typeof since !== 'string') return false;
  const date = Date.parse(since);
  return !Number.isNaN(date) && seconds(validators.lastModified) <= Math.floor(date / 1000);
}

/** Puts the validators and the cache policy on the reply. */
export function stateValidators(reply: FastifyReply, validators: Validators) {
  reply.header('etag', validators.etag).header('last-modified', validators.lastModified.toUTCString()).header('cache-control', OPEN_DATA_CACHE_CONTROL);
}

/**
 * Sends the validators, and answers 304 Not Modified when the client holds the current
 * representation. Returns true when it has answered; the caller then returns the reply.
 * Call it once the request is known to be valid (a bad request gets its 400 whatever it holds).
 */
export async function answeredNotModified(request: FastifyRequest, reply: FastifyReply, db: Db): Promise<boolean> {
  return (await validatorsUnlessAnswered(request, reply, db)) === null;
}

/**
 * As answeredNotModified, but gives the validators it read (what the answer cache keys on,
 * answer-cache.ts), or null when it has answered 304.
 */
export async function validatorsUnlessAnswered(request: FastifyRequest, reply: FastifyReply, db: Db): Promise<Validators | null> {
  const validators = await currentValidators(db);
  stateValidators(reply, validators);
  if (!clientHolds(request, validators)) return validators;
  reply.code(304).send();
  return null;
}

/** Validators belong to a representation: an error answer carries none (an onSend hook for the open-data routes). */
export function dropValidatorsFromErrors(reply: FastifyReply) {
  if (reply.statusCode < 400) return;
  reply.removeHeader('etag');
  reply.removeHeader('last-modified');
  reply.header('cache-control', 'no-cache');
}
