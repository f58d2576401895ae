import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import type { Place } from '../reference/index.ts';
import { FACETS, LANGUAGE_FACET } from './taxonomy.ts';

export type SortOrder = 'relevance' | 'distance' | 'name';

export interface SearchQuery {
  text: string;
  place: Place | null;
  /** only offers within this many km of the place (digital offers always included) */
  radiusKm: number | null;
  /** selected taxonomy keys per facet id, e.g. { niva: ['niva:lavterskel'] }: OR within, AND across */
  filters: Record<string, string[]>;
  age: number | null;
  sort: SortOrder;
  page: number;
  perPage: number;
}

export interface SearchHit {
  id: string;
  name: string;
  organizationName: string;
  status: string;
  terms: string[];
  municipalityNumbers: string[];
  isDigital: boolean;
  isDemo: boolean;
  assuredDate: string | null;
  /** the point the hit is drawn at (for a confidential location: its municipality's point) */
  lat: number | null;
  lon: number | null;
  /** great-circle km from the searched place; null without a place or for digital-only offers */
  distanceKm: number | null;
  /** the hit lies in the searched place's municipality */
  inPlaceMunicipality: boolean;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** per facet id: how many hits each option would give with the other facets' filters applied */
  facetCounts: Record<string, Record<string, number>>;
  /** query words that matched only through typo tolerance, with what they matched */
  fuzzyMatches: { word: string; matched: string[] }[];
}

const EARTH_RADIUS_KM = 6371.0088;
const FACET_IDS = [...FACETS.map((f) => f.id), LANGUAGE_FACET];

/** Great-circle distance (haversine) from a fixed point to the row's lat/lon, in SQL. */
function distanceSql(place: Place): RawBuilder<number> {
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(sqrt(
    power(sin(radians(lat - ${place.lat}::float8) / 2), 2)
    + cos(radians(${place.lat}::float8)) * cos(radians(lat)) * power(sin(radians(lon - ${place.lon}::float8) / 2), 2))))`;
}

/**
 * Turns free text into a tsquery: each word is stemmed with the Norwegian snowball stemmer and
 * widened with indexed words that are trigram-similar (typos, inflections the stemmer misses);
 * words are ANDed. Returns null when the text has no searchable words.
 */
async function textQuery(db: Db, text: string) {
  if (text.trim() === '') return null;
  const { rows } = await sql<{ lexeme: string; similar: string[] }>`
    select l.lexeme, array(
      select w.word from search_word w
      where w.word % l.lexeme and similarity(w.word, l.lexeme) >= 0.45 and w.word <> l.lexeme
      order by similarity(w.word, l.lexeme) desc limit 4) as similar
    from unnest(to_tsvector('norwegian', ${text})) l`.execute(db);
  const safe = (word: string) => /^[\p{L}\p{N}]+$/u.test(word);
  const groups = rows.filter((r) => safe(r.lexeme)).map((r) => ({ lexeme: r.lexeme, similar: r.similar.filter(safe) }));
  if (groups.length === 0) return null;
  const quote = (word: string) => `'${word}'`;
  return {
    exact: groups.map((g) => quote(g.lexeme)).join(' & '),
    widened: groups.map((g) => `(${[g.lexeme, ...g.similar].map(quote).join(' | ')})`).join(' & '),
    fuzzy: groups.filter((g) => g.similar.length > 0).map((g) => ({ word: g.lexeme, matched: g.similar })),
  };
}

function conditions(query: SearchQuery, tsquery: string | null, exceptFacet?: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (tsquery) where.push(sql`document @@ to_tsquery('simple', ${tsquery})`);
  for (const [facet, keys] of Object.entries(query.filters)) {
    if (facet !== exceptFacet && keys.length > 0) where.push(sql`terms && ${keys}::text[]`);
  }
  if (query.age !== null) {
    where.push(sql`(minimum_age is null or minimum_age <= ${query.age}) and (maximum_age is null or maximum_age >= ${query.age})`);
  }
  if (query.place && query.radiusKm !== null) {
    // a bounding box first, so the index-free distance is computed for nearby rows only
    const dLat = query.radiusKm / 111.0;
    const dLon = query.radiusKm / (111.0 * Math.max(0.05, Math.cos((query.place.lat * Math.PI) / 180)));
    where.push(sql`(is_digital or (lat between ${query.place.lat - dLat} and ${query.place.lat + dLat}
      and lon between ${query.place.lon - dLon} and ${query.place.lon + dLon}
      and ${distanceSql(query.place)} <= ${query.radiusKm}))`);
  }
  return where;
}

async function countTerms(db: Db, where: RawBuilder<unknown>[]): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`
    select key, count(*) as n from service_search, unnest(terms) as key
    where ${sql.join(where, sql` and `)} group by key`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

export async function searchServices(db: Db, query: SearchQuery): Promise<SearchResult> {
  const text = await textQuery(db, query.text);
  const where = conditions(query, text?.widened ?? null);
  const place = query.place;
  const distance = place ? sql<number | null>`case when lat is null then null else ${distanceSql(place)} end` : sql<null>`null::float8`;
  const inMunicipality = place?.municipalityNumber ? sql<boolean>`${place.municipalityNumber} = any(municipality_numbers)` : sql<boolean>`false`;
  const rank = text
    ? sql`ts_rank(document, to_tsquery('simple', ${text.widened})) + ts_rank(document, to_tsquery('simple', ${text.exact})) desc,`
    : sql``;
  const order =
    query.sort === 'distance' && place
      ? sql`(lat is null), (not ${inMunicipality}), distance_km, name, service_id`
      : query.sort === 'name'
        ? sql`name, service_id`
        : sql`${rank} ${place ? sql`(lat is null), distance_km,` : sql``} name, service_id`;

  const hitsQuery = sql<{
    service_id: string; name: string; organization_name: string; status: string; terms: string[];
    municipality_numbers: string[]; is_digital: boolean; is_demo: boolean; assured_date: string | null;
    lat: number | null; lon: number | null; distance_km: number | null; in_municipality: boolean; total: number;
  }>`
    select service_id, name, organization_name, status, terms, municipality_numbers, is_digital, is_demo,
      assured_date, lat, lon, ${distance} as distance_km, ${inMunicipality} as in_municipality, count(*) over () as total
    from service_search
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`;

  const facetsWithSelection = FACET_IDS.filter((id) => (query.filters[id]?.length ?? 0) > 0);
  const [hits, allCounts, ...perFacet] = await Promise.all([
    hitsQuery.execute(db),
    countTerms(db, where),
    ...facetsWithSelection.map((id) => countTerms(db, conditions(query, text?.widened ?? null, id))),
  ]);

  const facetCounts: Record<string, Record<string, number>> = {};
  for (const id of FACET_IDS) {
    const source = facetsWithSelection.includes(id) ? perFacet[facetsWithSelection.indexOf(id)]! : allCounts;
    facetCounts[id] = Object.fromEntries(Object.entries(source).filter(([key]) => key.startsWith(`${id}:`)));
  }
  let total = hits.rows[0]?.total ?? 0;
  if (hits.rows.length === 0 && query.page > 1) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from service_search where ${sql.join(where, sql` and `)}`.execute(db);
    total = rows[0]?.n ?? 0;
  }
  return {
    total,
    hits: hits.rows.map((r) => ({
      id: r.service_id, name: r.name, organizationName: r.organization_name, status: r.status, terms: r.terms,
      municipalityNumbers: r.municipality_numbers, isDigital: r.is_digital, isDemo: r.is_demo, assuredDate: r.assured_date,
      lat: r.lat, lon: r.lon, distanceKm: r.distance_km, inPlaceMunicipality: r.in_municipality,
    })),
    facetCounts,
    fuzzyMatches: text?.fuzzy ?? [],
  };
}
