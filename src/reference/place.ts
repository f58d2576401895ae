import type { Db } from '../platform/db/index.ts';
import { findMunicipalitiesByName, findMunicipality, findPostalCode, suggestMunicipalities } from './queries.ts';

/**
 * What a distance is measured from, which the page states: a postal code's own point, a
 * municipality's population centre (also for a postal code without a point of its own), or a
 * position given as coordinates.
 */
export type PlaceOrigin = 'postal_code_point' | 'municipality_centre' | 'position'
  /** a postal place (poststed) named in the finder: the mean of its postal codes' points (directory/finder/place.ts) */
  | 'postal_place_points';

/** A place someone searches from, with the point distances are measured from. */
export interface Place {
  kind: 'municipality' | 'postal_code' | 'coordinates';
  label: string;
  lat: number;
  lon: number;
  origin: PlaceOrigin;
  municipalityNumber: string | null;
  municipalityName: string | null;
}

export type PlaceProblem =
  | { reason: 'unknown_postal_code' }
  | { reason: 'outside_municipalities'; area: string }
  | { reason: 'unknown_municipality'; suggestions: { number: string; name: string }[] }
  | { reason: 'ambiguous'; candidates: { number: string; name: string; county_name: string }[] }
  | { reason: 'bad_coordinates' };

export type PlaceResult = { ok: true; place: Place } | ({ ok: false } & PlaceProblem);

const COORDINATES = /^(-?\d{1,2}(?:[.]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.]\d+)?)$/;

/**
 * Understands what a person types as "where": a postal code (4 digits), a municipality name,
 * or coordinates "lat, lon". A postal code is measured from its own point, a municipality from
 * its population centre (not the interior point, which can lie far from where people live);
 * `origin` says which, and the page states it.
 */
export function resolvePlace(db: Db, input: string): Promise<PlaceResult> {
  const text = input.trim().replace(/\s+/g, ' ');
  let cache = answers.get(db);
  if (!cache) answers.set(db, (cache = new Map()));
  let answer = cache.get(text);
  if (!answer) {
    answer = lookUp(db, text);
    answer.catch(() => cache.delete(text));
    if (cache.size >= CACHED_ANSWERS) cache.delete(cache.keys().next().value!);
    cache.set(text, answer);
  }
  return answer;
}

/**
 * Answers per database handle and typed text. Reference data is loaded before the app serves
 * anything and never changes while it runs, so an answer stays right; every search from a place
 * saves a database round trip. Bounded: there are about 5,000 postal codes and 357 municipalities,
 * and typos beyond that push the oldest answers out.
 */
const CACHED_ANSWERS = 20_000;
const answers = new WeakMap<Db, Map<string, Promise<PlaceResult>>>();

async function lookUp(db: Db, text: string): Promise<PlaceResult> {
  if (/^\d{4}$/.test(text)) {
    const postal = await findPostalCode(db, text);
    if (!postal) return { ok: false, reason: 'unknown_postal_code' };
    if (postal.municipality_number === null || postal.lat === null || postal.lon === null) {
      return { ok: false, reason: 'outside_municipalities', area: postal.area_name ?? postal.place };
    }
    return {
      ok: true,
      place: {
        kind: 'postal_code',
        label: `${postal.code} ${titleCase(postal.place)} (${postal.municipality_name})`,
        lat: postal.lat,
        lon: postal.lon,
        origin: postal.point_is_own ? 'postal_code_point' : 'municipality_centre',
        municipalityNumber: postal.municipality_number,
        municipalityName: postal.municipality_name,
      },
    };
  }
  const coordinates = COORDINATES.exec(text);
  if (coordinates) {
    const lat = Number(coordinates[1]);
    const lon = Number(coordinates[2]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { ok: false, reason: 'bad_coordinates' };
    return { ok: true, place: coordinatesPlace(lat, lon) };
  }
  const matches = await findMunicipalitiesByName(db, text);
  if (matches.length === 1) return { ok: true, place: municipalityPlace(matches[0]!) };
  if (matches.length > 1) return { ok: false, reason: 'ambiguous', candidates: matches };
  return { ok: false, reason: 'unknown_municipality', suggestions: await suggestMunicipalities(db, text) };
}

/** A municipality chosen by number (from a link or a list), or undefined when there is none. */
export async function municipalityByNumber(db: Db, number: string): Promise<Place | undefined> {
  const found = await findMunicipality(db, number);
  return found ? municipalityPlace(found) : undefined;
}

function municipalityPlace(m: { number: string; name: string; centre_lat: number; centre_lon: number }): Place {
  return {
    kind: 'municipality', label: `${m.name} kommune`, lat: m.centre_lat, lon: m.centre_lon, origin: 'municipality_centre',
    municipalityNumber: m.number, municipalityName: m.name,
  };
}

/** A position given as coordinates (typed, or the browser's location sent as lat and lon). */
export function coordinatesPlace(lat: number, lon: number): Place {
  return { kind: 'coordinates', label: `${lat}, ${lon}`, lat, lon, origin: 'position', municipalityNumber: null, municipalityName: null };
}

/** A place name from the postal register (written in capitals there) as people write it: «BØ I TELEMARK» → «Bø I Telemark». */
export function titleCase(place: string): string {
  return place.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}
