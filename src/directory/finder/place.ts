// Where a search is from, for the finder page, GET /api/v1/services and the CSV alike: coordinates,
// a municipality number, or what was typed as "sted" (postal code, place name, "lat, lon").
import type { Db } from '../../platform/db/index.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { coordinatesPlace, listMunicipalities, municipalityByNumber, resolvePlace, type Place, type PlaceResult } from '../../reference/index.ts';
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
    return place ? { place, problem: null } : { place: null, problem: { field: 'kommune', result: null, message: nb.place.unknown_municipality_number(query.kommune) } };
  }
  if (query.sted?.trim()) {
    const result = await resolvePlace(db, query.sted);
    if (result.ok) return { place: result.place, problem: null };
    return { place: null, problem: { field: 'sted', result, message: placeMessage(result, query.sted.trim()) } };
  }
  if (query.q?.trim()) {
    const found = await placeInText(db, query.q);
    if (found) return { place: found.place, problem: null, inText: { words: found.words, name: found.name, text: found.text } };
  }
  if (query.innen !== undefined) return { place: null, problem: { field: 'innen', result: null, message: nb.finder.needsPlace.radius } };
  if (query.sortering === 'avstand') return { place: null, problem: { field: 'sortering', result: null, message: nb.finder.needsPlace.sort } };
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
 * A place named inside free text: a postal code (4 digits) or the name of exactly one
 * municipality, the longest name first and the last one in the text when there are several. The
 * place's words (and a preposition before them) leave the text. Names that several municipalities
 * bear stay text: the place field asks which one is meant.
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
      if (!postalCode && names.get(candidate.toLowerCase()) !== 1) continue;
      const result = await resolvePlace(db, candidate);
      if (!result.ok) continue;
      const from = start > 0 && PLACE_PREPOSITIONS.has(bare[start - 1]!.toLowerCase()) ? start - 1 : start;
      return {
        place: result.place,
        words: tokens.slice(from, end).join(' '),
        name: candidate,
        text: [...tokens.slice(0, from), ...tokens.slice(end)].join(' '),
      };
    }
  }
  return null;
}

function placeMessage(result: Exclude<PlaceResult, { ok: true }>, typed: string): string {
  switch (result.reason) {
    case 'unknown_postal_code': return nb.place.unknown_postal_code(typed);
    case 'outside_municipalities': return nb.place.outside_municipalities(result.area);
    case 'bad_coordinates': return nb.place.bad_coordinates;
    case 'ambiguous': return nb.place.ambiguous(typed);
    case 'unknown_municipality':
      return [nb.place.unknown_municipality(typed), result.suggestions.length ? nb.place.suggestions(result.suggestions.map((s) => s.name)) : ''].filter(Boolean).join(' ');
  }
}
