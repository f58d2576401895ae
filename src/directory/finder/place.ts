// Where a search is from, for the finder page, GET /api/v1/services and the CSV alike: coordinates,
// a municipality number, or what was typed as "sted" (postal code, place name, "lat, lon").
import type { Db } from '../../platform/db/index.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { coordinatesPlace, municipalityByNumber, resolvePlace, type Place, type PlaceResult } from '../../reference/index.ts';
import type { FinderQuery } from './params.ts';

export type PlaceOutcome = {
  place: Place | null;
  problem: { field: 'sted' | 'kommune' | 'lat' | 'innen' | 'sortering'; result: Exclude<PlaceResult, { ok: true }> | null; message: string } | null;
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
  if (query.innen !== undefined) return { place: null, problem: { field: 'innen', result: null, message: nb.finder.needsPlace.radius } };
  if (query.sortering === 'avstand') return { place: null, problem: { field: 'sortering', result: null, message: nb.finder.needsPlace.sort } };
  return { place: null, problem: null };
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
