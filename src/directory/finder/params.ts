import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FACETS, LANGUAGE_FACET, LANGUAGES, TERMS } from '../taxonomy.ts';
import type { SearchQuery, SortOrder } from './search.ts';
import { MunicipalityNumber, type Place } from '../../reference/index.ts';
import { OneOf } from '../../platform/http/one-of.ts';
import { taxonomy } from '../../platform/i18n/en/taxonomy.ts';

/** Distances the finder offers, in km. */
export const RADII = [10, 25, 50, 100, 200] as const;
export const SORTS = { relevans: 'relevance', avstand: 'distance', navn: 'name' } as const satisfies Record<string, SortOrder>;


const facetParam = (codes: string[], description: string): TSchema =>
  Type.Optional(Type.Array(OneOf(codes), { description, maxItems: codes.length }));

const facetProperties: Record<string, TSchema> = Object.fromEntries([
  // the API's documentation is in English: the facets' English labels, the bokmål name beside them
  ...FACETS.map((facet) => {
    const english = taxonomy.facets[facet.id as keyof typeof taxonomy.facets];
    const label = english ? `${english.name} (${facet.name}): ${english.description}` : `${facet.name}: ${facet.description}`;
    return [facet.id, facetParam(TERMS.filter((t) => t.facet === facet).map((t) => t.code), `${label}. Repeat for OR.`)];
  }),
  [LANGUAGE_FACET, facetParam(Object.keys(LANGUAGES), 'Language (ISO 639-1). Repeat for OR.')],
]);

/** Query parameters of the finder page and GET /api/v1/services alike. */
export const FinderQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Free text; Norwegian stemming and typo tolerance' })),
    sted: Type.Optional(Type.String({ maxLength: 100, description: 'Place: postal code, municipality name or "lat, lon"' })),
    kommune: Type.Optional(MunicipalityNumber({ description: 'Municipality number (2024 division) to search from' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Latitude to search from (with lon)' })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Longitude to search from (with lat)' })),
    innen: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, description: 'Only offers within this many km of the place (a place is required: without one this is a 400); digital offers always included' })),
    alder: Type.Optional(Type.Integer({ minimum: 0, maximum: 120, description: 'Age of the person the offer is for' })),
    sortering: Type.Optional(OneOf(Object.keys(SORTS), { description: 'relevans (default without a place), avstand (default with a place; without one this is a 400) or navn' })),
    side: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1, description: 'Page number from 1' })),
    antall: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Hits per page' })),
    ...facetProperties,
  },
  { additionalProperties: false },
);
/** The page ignores parameters it does not know (tracking tags, old links) instead of failing. */
export const FinderPageQuerySchema = Type.Object(FinderQuerySchema.properties, { additionalProperties: true });

export type FinderQuery = Static<typeof FinderQuerySchema> & Record<string, unknown>;

export const FACET_PARAMS = [...FACETS.map((f) => f.id), LANGUAGE_FACET];

/** The selected filters as taxonomy keys per facet: ?arena=spesialist:dps → { arena: ['arena:spesialist:dps'] }. */
export function selectedFilters(query: FinderQuery): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const id of FACET_PARAMS) {
    const values = query[id];
    if (Array.isArray(values) && values.length > 0) filters[id] = [...new Set(values as string[])].map((code) => `${id}:${code}`);
  }
  return filters;
}

/** The search a query asks for, from where placeFrom found (its text without the words that named a place). */
export function toSearchQuery(query: FinderQuery, located: { place: Place | null; inText?: { text: string } | null }): SearchQuery {
  const place = located.place;
  const sort = SORTS[(query.sortering ?? (place ? 'avstand' : 'relevans')) as keyof typeof SORTS];
  return {
    text: (located.inText ? located.inText.text : query.q)?.trim() ?? '',
    place,
    radiusKm: place ? (query.innen ?? null) : null,
    filters: selectedFilters(query),
    age: query.alder ?? null,
    sort: sort === 'distance' && !place ? 'relevance' : sort,
    page: query.side ?? 1,
    perPage: query.antall ?? 20,
  };
}
