// Where a search is from, for the finder page, GET /api/v1/services and the CSV alike: coordinates,
// a municipality number, or what was typed as "sted" (postal code, place name, "lat, lon").
import type { Db } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { coordinatesPlace, listMunicipalities, municipalityByNumber, resolvePlace, titleCase, type Place, type PlaceResult } from '../../reference/index.ts';
import { EARTH_RADIUS_KM } from '../../platform/geo.ts';
import { vocabulary } from '../synonyms.ts';
import type { FinderQuery } from './params.ts';

/** A place found inside the free text: the words that named it, and the text searched without them. */
export interface PlaceInText {
  /** the words taken out of the text («i Tromsø») */
  words: string;
  /** the place as it would be typed in the place field («Tromsø») */
  name: string;
  /** the text searched without them */
  text: string;
}

export type PlaceOutcome = {
  place: Place | null;
  problem: { field: 'sted' | 'kommune' | 'lat' | 'innen' | 'sortering'; result: Exclude<PlaceResult, { ok: true }> | null; message: string } | null;
  /** set when the place was taken from the free text («rus ungdom Tromsø», «9008») */
  inText?: PlaceInText | null;
};

/**
 * Where the search is from: coordinates, a municipality number, or what was typed as "sted". A
 * distance limit (innen) or "nearest first" (sortering=avstand) without any place is a problem of
 * that parameter, never silently ignored.
 */
export async function placeFrom(db: Db, query: FinderQuery): Promise<PlaceOutcome> {
  if (query.lat !== undefined || query.lon !== undefined) {
    if (query.lat === undefined || query.lon === undefined) {
      return { place: null, problem: { field: 'lat', result: null, message: 'lat and lon must be given together' } };
    }
    return { place: coordinatesPlace(query.lat, query.lon), problem: null };
  }
  if (query.kommune) {
    const place = await municipalityByNumber(db, query.kommune);
    return place ? { place, problem: null } : { place: null, problem: { field: 'kommune', result: null, message: msg.place.unknown_municipality_number(query.kommune) } };
  }
  if (query.sted?.trim()) {
    const result = await resolvePlace(db, query.sted);
    if (result.ok) return { place: result.place, problem: null };
    // a postal place («Hommelvik»): what the page puts in the field when the text named one
    const postal = result.reason === 'unknown_municipality' ? await postalPlace(db, query.sted) : null;
    if (postal) return { place: postal, problem: null };
    return { place: null, problem: { field: 'sted', result, message: placeMessage(result, query.sted.trim()) } };
  }
  if (query.q?.trim()) {
    const found = await placeInText(db, query.q);
    if (found) return { place: found.place, problem: null, inText: { words: found.words, name: found.name, text: found.text } };
  }
  if (query.innen !== undefined) return { place: null, problem: { field: 'innen', result: null, message: msg.finder.needsPlace.radius } };
  if (query.sortering === 'avstand') return { place: null, problem: { field: 'sortering', result: null, message: msg.finder.needsPlace.sort } };
  return { place: null, problem: null };
}

/** Words before a place that go with it («i Bergen», «nær 9008»). */
const PLACE_PREPOSITIONS = new Set(['i', 'på', 'nær', 'ved', 'rundt', 'utenfor']);
const LONGEST_NAME_WORDS = 4;

/** Every municipality name and each language form of a multilingual one, lower-cased, with how many municipalities bear it. */
const nameCounts = new WeakMap<Db, Promise<Map<string, number>>>();
function municipalityNames(db: Db): Promise<Map<string, number>> {
  let names = nameCounts.get(db);
  if (!names) {
    names = listMunicipalities(db).then((rows) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const forms = new Set([row.name, ...row.name.split(' - ')].map((n) => n.trim().toLowerCase()));
        for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
      }
      return counts;
    });
    names.catch(() => nameCounts.delete(db));
    nameCounts.set(db, names);
  }
  return names;
}

/**
 * A postal place (poststed) of the postal register, e.g. HOMMELVIK or STRAUMSBYGDA, as a place: its
 * point is the mean of its postal codes' own points, and it lies in the municipality most of its
 * codes are in. A name whose codes lie far apart (more than MAX_SPREAD_KM from that mean) names
 * more than one place and is left out, as are codes outside any municipality.
 */
interface PostalPlace { name: string; lat: number; lon: number; municipalityNumber: string; municipalityName: string }
const MAX_SPREAD_KM = 30;
const postalPlaceMaps = new WeakMap<Db, Promise<Map<string, PostalPlace>>>();
function postalPlaces(db: Db): Promise<Map<string, PostalPlace>> {
  let places = postalPlaceMaps.get(db);
  if (!places) {
    places = db.selectFrom('postal_code as p')
      .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
      .select(['p.place', 'p.code', 'p.lat', 'p.lon', 'm.number', 'm.name'])
      .where('p.lat', 'is not', null).where('p.lon', 'is not', null)
      .orderBy('p.place').orderBy('p.code').execute()
      .then((rows) => {
        const byName = new Map<string, typeof rows>();
        for (const row of rows) byName.set(row.place, [...(byName.get(row.place) ?? []), row]);
        const found = new Map<string, PostalPlace>();
        for (const [name, codes] of byName) {
          const lat = codes.reduce((sum, c) => sum + c.lat!, 0) / codes.length;
          const lon = codes.reduce((sum, c) => sum + c.lon!, 0) / codes.length;
          if (codes.some((c) => kmBetween(lat, lon, c.lat!, c.lon!) > MAX_SPREAD_KM)) continue;
          const perMunicipality = new Map<string, number>();
          for (const c of codes) perMunicipality.set(c.number, (perMunicipality.get(c.number) ?? 0) + 1);
          const [number] = [...perMunicipality].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!;
          // «MO I RANA» is written «Mo i Rana»
          found.set(name, { name: titleCase(name).replace(/ I /g, ' i '), lat, lon, municipalityNumber: number, municipalityName: codes.find((c) => c.number === number)!.name });
        }
        return found;
      });
    places.catch(() => postalPlaceMaps.delete(db));
    postalPlaceMaps.set(db, places);
  }
  return places;
}

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

/** A postal place by name (any case), as a place to search from; null when the register has no such place. */
export async function postalPlace(db: Db, typed: string): Promise<Place | null> {
  const found = (await postalPlaces(db)).get(typed.trim().replace(/\s+/g, ' ').toUpperCase());
  if (!found) return null;
  return {
    kind: 'postal_code', label: msg.finder.postalPlaceLabel(found.name, found.municipalityName),
    lat: found.lat, lon: found.lon, origin: 'postal_place_points',
    municipalityNumber: found.municipalityNumber, municipalityName: found.municipalityName,
  };
}

/** Words of the search's own vocabulary (the synonym list and the taxonomy): such a postal place name is read as the word. */
const VOCABULARY = new Set(vocabulary()
  .flatMap((phrase) => [phrase, ...phrase.split(/\s+/)]).map((w) => w.toLowerCase()));
/** Names this short are too often words («tro», «fall», «ski», «sand») to be read as places without a capital. */
const SHORTEST_LOWER_CASE_NAME = 5;

/**
 * Whether a postal place name found in free text is meant as the place. Many postal places are also
 * words («Tro», «Fall», «Hell», «Sand», «Ski»), so a name is read as the place only when
 * - it is the whole query («hommelvik», «sand»);
 * - it is written with a capital letter anywhere but first («band Hommelvik», «kor i Sand»);
 * - it is the first word with a capital (a phone writes one there whatever the word) or comes in
 *   lower case after a place preposition («rus i hommelvik»), and it is at least five letters
 *   long and no word of the search's vocabulary (the synonym list and the taxonomy).
 * Otherwise it stays a word of the text: «band hommelvik» searches both words.
 */
function meantAsPostalPlace(bare: string[], start: number, end: number): boolean {
  if (start === 0 && end === bare.length) return true;
  const words = bare.slice(start, end);
  const capital = /^\p{Lu}/u.test(words[0]!);
  if (start > 0 && capital) return true;
  const afterPreposition = start > 0 && PLACE_PREPOSITIONS.has(bare[start - 1]!.toLowerCase());
  if (!(start === 0 && capital) && !afterPreposition) return false;
  const name = words.join(' ').toLowerCase();
  return name.replace(/\s/g, '').length >= SHORTEST_LOWER_CASE_NAME && !VOCABULARY.has(name) && !words.some((w) => VOCABULARY.has(w.toLowerCase()));
}

/**
 * A place named inside free text: a postal code (4 digits), the name of exactly one municipality,
 * or a postal place (see meantAsPostalPlace), the longest name first and the last one in the text
 * when there are several. The place's words (and a preposition before them) leave the text. Names
 * that several municipalities bear stay text: the place field asks which one is meant.
 */
export async function placeInText(db: Db, text: string): Promise<(PlaceInText & { place: Place }) | null> {
  const tokens = text.trim().split(/\s+/);
  const bare = tokens.map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const names = await municipalityNames(db);
  for (let end = tokens.length; end > 0; end--) {
    for (let length = Math.min(LONGEST_NAME_WORDS, end); length > 0; length--) {
      const start = end - length;
      const candidate = bare.slice(start, end).join(' ');
      if (candidate === '') continue;
      const postalCode = length === 1 && /^\d{4}$/.test(candidate);
      let found: { place: Place; name: string } | null = null;
      if (postalCode || names.get(candidate.toLowerCase()) === 1) {
        const result = await resolvePlace(db, candidate);
        if (result.ok) found = { place: result.place, name: candidate };
      } else if (!names.has(candidate.toLowerCase()) && meantAsPostalPlace(bare, start, end)) {
        const place = await postalPlace(db, candidate);
        if (place) found = { place, name: place.label.slice(0, place.label.lastIndexOf(' (')) };
      }
      if (!found) continue;
      const from = start > 0 && PLACE_PREPOSITIONS.has(bare[start - 1]!.toLowerCase()) ? start - 1 : start;
      return {
        place: found.place,
        words: tokens.slice(from, end).join(' '),
        name: found.name,
        text: [...tokens.slice(0, from), ...tokens.slice(end)].join(' '),
      };
    }
  }
  return null;
}

function placeMessage(result: Exclude<PlaceResult, { ok: true }>, typed: string): string {
  switch (result.reason) {
    case 'unknown_postal_code': return msg.place.unknown_postal_code(typed);
    case 'outside_municipalities': return msg.place.outside_municipalities(result.area);
    case 'bad_coordinates': return msg.place.bad_coordinates;
    case 'ambiguous': return msg.place.ambiguous(typed);
    case 'unknown_municipality':
      return [msg.place.unknown_municipality(typed), result.suggestions.length ? msg.place.suggestions(result.suggestions.map((s) => s.name)) : ''].filter(Boolean).join(' ');
  }
}
