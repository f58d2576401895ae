import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import { confirmedOn, freshnessSettings, publiclyVisible } from './freshness.ts';

/**
 * How consumers that sync learn that a service left the public set (issue #16, item 2): for
 * DEPARTURE_DAYS after it left, HSDS lists it among the changes (modified_after) with status
 * "inactive" and last_modified the time it left; FHIR answers 410 Gone for a deleted one (by id a
 * hidden one is 404 in both, since a confirmation brings it back). A service leaves when it is deleted (a trigger keeps a row in
 * service_departure, migration 0027) or when nobody has confirmed it for the hidden threshold
 * (its departure is the first day it was hidden, computed from its confirmation date). A
 * status change (inactive, defunct) is not a departure: the service stays in every output with
 * its status and a new last_modified.
 */
export const DEPARTURE_DAYS = 90;

export interface Departure {
  id: string;
  organization_id: string;
  name: string;
  left_at: Date;
  /** deleted, or hidden for want of confirmation (it comes back once confirmed) */
  reason: 'deleted' | 'hidden';
}

/**
 * SQL: every departure of the last DEPARTURE_DAYS days, as rows (id, organization_id, name,
 * left_at). A deleted service whose id was used again is back, not departed; one hidden for age
 * whose organisation awaits approval was never public.
 */
export function departedServices(): RawBuilder<Departure> {
  const { hiddenMonths } = freshnessSettings();
  return sql<Departure>`(select * from (
    select d.service_id as id, d.organization_id, d.name, d.left_at, 'deleted' as reason from service_departure d
      where not exists (select 1 from service again where again.id = d.service_id)
    union all
    select h.id, h.organization_id, h.name,
      least(now(), ((${confirmedOn('h')} + make_interval(months => ${hiddenMonths}) + interval '1 day')::timestamp at time zone 'Europe/Oslo')),
      'hidden'
      from service h join organization o on o.id = h.organization_id
      where not o.awaiting_approval and not ${publiclyVisible('h')}
  ) departed where left_at >= now() - make_interval(days => ${DEPARTURE_DAYS}))`;
}

/** The departures among these ids (a service by id that left within DEPARTURE_DAYS). */
export async function findDepartures(db: Db, ids: string[]): Promise<Departure[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<Departure>`select * from ${departedServices()} d where d.id = any(${ids}::uuid[])`.execute(db);
  return rows;
}
