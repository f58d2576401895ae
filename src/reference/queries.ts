import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';

export interface MunicipalityRow {
  number: string;
  name: string;
  county_number: string;
  county_name: string;
  health_region_code: string;
  health_region_name: string;
  lat: number;
  lon: number;
  population: number | null;
  population_date: string | null;
}

/** A municipality with the point the finder measures its distances from (its population centre). */
export type MunicipalityWithCentre = MunicipalityRow & { centre_lat: number; centre_lon: number };

/**
 * Every municipality with its county, health region and newest population figure (null when
 * missing). lat/lon is the interior point (the coverage atlas's); centre_lat/centre_lon the population centre.
 */
export function listMunicipalities(db: Db): Promise<MunicipalityWithCentre[]> {
  return db
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .innerJoin('health_region as h', 'h.code', 'm.health_region_code')
    .leftJoinLateral(
      (eb) => eb.selectFrom('population as p').select(['p.persons', 'p.date'])
        .whereRef('p.municipality_number', '=', 'm.number').orderBy('p.date', 'desc').limit(1).as('p'),
      (join) => join.onTrue(),
    )
    .select([
      'm.number', 'm.name', 'm.county_number', 'c.name as county_name', 'm.health_region_code',
      'h.name as health_region_name', 'm.lat', 'm.lon', 'm.centre_lat', 'm.centre_lon', 'p.persons as population', 'p.date as population_date',
    ])
    .orderBy('m.number')
    .execute();
}

/** A municipality by number, with its population centre (centre_lat, centre_lon): the point its distances start from. */
export function findMunicipality(db: Db, number: string) {
  return db.selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select(['m.number', 'm.name', 'm.centre_lat', 'm.centre_lon', 'c.name as county_name'])
    .where('m.number', '=', number).executeTakeFirst();
}

/**
 * Municipalities whose name is the given text (case-insensitive), also matching one language
 * form of a multilingual name ("Tråante" finds "Trondheim - Tråante"). Names are not unique.
 */
export function findMunicipalitiesByName(db: Db, name: string) {
  const wanted = name.trim().toLowerCase();
  return db.selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select(['m.number', 'm.name', 'm.centre_lat', 'm.centre_lon', 'c.name as county_name'])
    .where((eb) => eb.or([
      eb(sql`lower(m.name)`, '=', wanted),
      eb(sql<string>`${wanted}`, '=', eb.fn.any(sql<string[]>`string_to_array(lower(m.name), ' - ')`)),
    ]))
    .orderBy('m.number').execute();
}

/** Closest names by trigram similarity, for "did you mean" help on a misspelt place. */
export function suggestMunicipalities(db: Db, name: string, limit = 3) {
  return db.selectFrom('municipality')
    .select(['number', 'name'])
    .where(sql<boolean>`similarity(lower(name), ${name.trim().toLowerCase()}) > 0.3`)
    .orderBy(sql`similarity(lower(name), ${name.trim().toLowerCase()})`, 'desc')
    .limit(limit).execute();
}

/**
 * A postal code with its (primary) municipality and the point its distances start from: its own
 * point, or for a code without one its municipality's population centre (point_is_own says which).
 */
export function findPostalCode(db: Db, code: string) {
  return db.selectFrom('postal_code as p')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .select((eb) => [
      'p.code', 'p.place', 'p.municipality_number', 'p.area_name', 'm.name as municipality_name',
      eb.fn.coalesce('p.lat', 'm.centre_lat').as('lat'),
      eb.fn.coalesce('p.lon', 'm.centre_lon').as('lon'),
      eb('p.lat', 'is not', null).as('point_is_own'),
    ])
    .where('p.code', '=', code).executeTakeFirst();
}
