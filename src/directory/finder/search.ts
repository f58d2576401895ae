import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { EARTH_RADIUS_KM } from '../../platform/geo.ts';
import type { Place } from '../../reference/index.ts';
import { FACETS, LANGUAGE_FACET } from '../taxonomy.ts';
import { freshnessCutoffs, shownInFinder } from '../freshness.ts';
import { cached, dataVersion } from './search-cache.ts';
import { WORD_GROUPS } from '../synonyms.ts';

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
  /** freshness cut-off dates (YYYY-MM-DD); default: from the configured thresholds and today */
  freshness?: { stale: string; hidden: string };
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
  /** not confirmed within the stale threshold: marked, and ranked lower by relevance */
  stale: boolean;
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
  /** query words that found nothing as typed and matched through typo tolerance: the stem, the word as typed, what it matched */
  fuzzyMatches: FuzzyMatch[];
  /** query words that found nothing at all and were left out of the search */
  ignoredWords: string[];
}

const FACET_IDS = [...FACETS.map((f) => f.id), LANGUAGE_FACET];

type Point = { lat: number; lon: number };

/** Great-circle distance (haversine) from a fixed point to the row's lat/lon, in SQL. */
function distanceSql(place: Point): RawBuilder<number> {
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(sqrt(
    power(sin(radians(lat - ${place.lat}::float8) / 2), 2)
    + cos(radians(${place.lat}::float8)) * cos(radians(lat)) * power(sin(radians(lon - ${place.lon}::float8) / 2), 2))))`;
}

const SAFE_LEXEME = /^[\p{L}\p{N}]+$/u;
const quote = (word: string) => `'${word}'`;

/**
 * Per stemmed word, what it also matches through WORD_GROUPS: each alternative is a tsquery of
 * lexemes (ANDed when a synonym is several words). Stemmed once per database handle: the
 * stemmer never changes while the app runs.
 */
const synonymMaps = new WeakMap<Db, Promise<Map<string, string[]>>>();
function synonymsOf(db: Db): Promise<Map<string, string[]>> {
  let map = synonymMaps.get(db);
  if (!map) {
    const words = [...new Set(WORD_GROUPS.flat())];
    map = sql<{ word: string; lexemes: string[] }>`
      select w as word, array(select lexeme from unnest(to_tsvector('norwegian', w))) as lexemes from unnest(${words}::text[]) w`.execute(db)
      .then(({ rows }) => {
        const stems = new Map(rows.map((r) => [r.word, r.lexemes.filter((l) => SAFE_LEXEME.test(l))]));
        const alternatives = new Map<string, Set<string>>();
        for (const group of WORD_GROUPS) {
          const queries = group.map((w) => stems.get(w) ?? []).filter((l) => l.length > 0).map((l) => (l.length === 1 ? quote(l[0]!) : `(${l.map(quote).join(' & ')})`));
          for (const w of group) {
            const lexemes = stems.get(w) ?? [];
            if (lexemes.length !== 1) continue; // a phrase is matched, never expanded from
            const set = alternatives.get(lexemes[0]!) ?? new Set<string>();
            for (const q of queries) if (q !== quote(lexemes[0]!)) set.add(q);
            alternatives.set(lexemes[0]!, set);
          }
        }
        return new Map([...alternatives].map(([lexeme, set]) => [lexeme, [...set]]));
      });
    map.catch(() => synonymMaps.delete(db));
    synonymMaps.set(db, map);
  }
  return map;
}

export interface FuzzyMatch {
  /** the stem of the word as typed */
  word: string;
  /** the word as typed */
  typed: string;
  /** indexed stems it matched through typo tolerance */
  matched: string[];
  /** per matched stem, a word of the offers' own text with that stem (for «Mente du …?»), or the stem */
  shown: string[];
}

export interface TextQuery {
  /** the words as typed (with their synonyms), ANDed */
  exact: string;
  /** the same, with typo alternatives for words that found nothing as typed */
  widened: string;
  /** words that found nothing as typed, with the indexed words they matched instead */
  fuzzy: FuzzyMatch[];
  /** words that found nothing, not even with typo tolerance, left out of a search that other words match */
  ignored: string[];
}

/**
 * Turns free text into a tsquery: each word is stemmed with the Norwegian snowball stemmer and
 * widened with its synonyms (WORD_GROUPS); a word that finds nothing so is widened with indexed
 * words that are trigram-similar (typos, inflections the stemmer misses). Words are ANDed; a word
 * that finds nothing even then is left out, unless no word finds anything. Returns null when the
 * text has no searchable words.
 */
async function textQuery(db: Db, text: string): Promise<TextQuery | null> {
  if (text.trim() === '') return null;
  const typed = await sql<{ lexeme: string; word: string }>`
    select t.lexemes[1] as lexeme, t.token as word from ts_debug('norwegian', ${text}) t where array_length(t.lexemes, 1) > 0`.execute(db);
  const seen = new Map<string, string>();
  for (const r of typed.rows) if (SAFE_LEXEME.test(r.lexeme) && !seen.has(r.lexeme)) seen.set(r.lexeme, r.word);
  if (seen.size === 0) return null;
  const synonyms = await synonymsOf(db);
  const words = [...seen].map(([lexeme, word]) => ({ lexeme, word, exact: [quote(lexeme), ...(synonyms.get(lexeme) ?? [])].join(' | ') }));
  // As typed first: only a word that finds nothing is widened by typo tolerance. Each word's test
  // is its own subquery with its tsquery as a value the planner sees, so it can tell a common word
  // from a rare one by the column's statistics: a word in most offers is found on the first page
  // read in table order, a rare one through the index. (A tsquery read from an array left the
  // planner guessing; it built the whole index bitmap, 100,000 entries for «musikkterapi», and
  // evaluated each test twice.)
  const found = sql.join(words.map((w, i) => sql`select ${i}::int as i, ${w.lexeme}::text as lexeme,
    exists (select 1 from service_search where document @@ to_tsquery('simple', ${w.exact})) as found`), sql` union all `);
  const { rows } = await sql<{ lexeme: string; found: boolean; similar: string[] }>`
    with g as materialized (${found})
    select g.lexeme, g.found, case when g.found then '{}'::text[] else array(
      select w.word from search_word w
      where w.word % g.lexeme and similarity(w.word, g.lexeme) >= 0.45 and w.word <> g.lexeme
        and exists (select 1 from service_search where document @@ to_tsquery('simple', quote_literal(w.word)))
      order by similarity(w.word, g.lexeme) desc, w.word limit 4) end as similar
    from g order by g.i`.execute(db);
  const byLexeme = new Map(rows.map((r) => [r.lexeme, { found: r.found, similar: r.similar.filter((w) => SAFE_LEXEME.test(w)) }]));
  const groups = words.map((w) => ({ ...w, ...byLexeme.get(w.lexeme)! }));
  const matching = groups.filter((g) => g.found || g.similar.length > 0);
  const used = matching.length > 0 ? matching : groups;
  const fuzzy = used.filter((g) => g.similar.length > 0);
  const shown = await wordsOf(db, fuzzy.flatMap((g) => g.similar));
  return {
    exact: used.map((g) => `(${g.exact})`).join(' & '),
    widened: used.map((g) => `(${[g.exact, ...g.similar.flatMap((w) => [quote(w), ...(synonyms.get(w) ?? [])])].join(' | ')})`).join(' & '),
    fuzzy: fuzzy.map((g) => ({ word: g.lexeme, typed: g.word, matched: g.similar, shown: g.similar.map((l) => shown.get(l) ?? l) })),
    ignored: matching.length > 0 ? groups.filter((g) => !matching.includes(g)).map((g) => g.word) : [],
  };
}

/**
 * A word as written in the offers' own text for each stem (the shortest found in up to 20 offers
 * that have it), so «Mente du …?» offers «gruppe», not the stem «grupp».
 */
async function wordsOf(db: Db, lexemes: string[]): Promise<Map<string, string>> {
  if (lexemes.length === 0) return new Map();
  const { rows } = await sql<{ lexeme: string; word: string | null }>`
    select l as lexeme, (
      select w from (
        select s.name || ' ' || o.name || ' ' || s.description as text
        from service_search ss join service s on s.id = ss.service_id join organization o on o.id = s.organization_id
        where ss.document @@ to_tsquery('simple', quote_literal(l)) limit 20) docs,
        regexp_split_to_table(lower(docs.text), '[^[:alnum:]-]+') w
      where to_tsvector('norwegian', w) @@ to_tsquery('simple', quote_literal(l))
      order by length(w), w limit 1) as word
    from unnest(${lexemes}::text[]) l`.execute(db);
  return new Map(rows.filter((r) => r.word).map((r) => [r.lexeme, r.word!]));
}

/**
 * What a hit must match, as plain values: the SQL conditions are made from these alone, so they
 * are also the key of what is cached (no SQL is built for a cache hit).
 */
interface Criteria {
  tsquery: string | null;
  /** the selected facets (in FACET_IDS order) with their keys: OR within, AND across */
  facets: [string, string[]][];
  age: number | null;
  radius: { lat: number; lon: number; km: number } | null;
  /** entries confirmed before this date (YYYY-MM-DD) are hidden */
  hiddenBefore: string;
}

function criteriaOf(query: SearchQuery, tsquery: string | null, hiddenBefore: string): Criteria {
  const place = query.place;
  return {
    tsquery,
    facets: FACET_IDS.filter((id) => (query.filters[id]?.length ?? 0) > 0).map((id) => [id, query.filters[id]!]),
    age: query.age,
    radius: place && query.radiusKm !== null ? { lat: place.lat, lon: place.lon, km: query.radiusKm } : null,
    hiddenBefore,
  };
}

type Condition = RawBuilder<unknown>;
const and = (conditions: Condition[]): Condition => (conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : sql`true`);
const or = (conditions: Condition[]): Condition => (conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`);

/**
 * Everything a hit must match. `indexed` writes the facet and radius tests as index operators;
 * otherwise they are written to be checked row by row, for queries that a place or municipality
 * index drives: there the planner overrates the terms index (common terms have long posting lists)
 * and, having no statistics for a GiST box, takes the box for nearly empty.
 *
 * `indexed` also has the words found through the documents' index (see textCondition).
 */
function matching(criteria: Criteria, indexed: boolean): Condition[] {
  return [...baseConditions(criteria, indexed), ...criteria.facets.map(([, keys]) => facetCondition(keys, indexed))];
}

/**
 * The words' test. A search document is about 2 kB and stored out of line (TOAST): testing a row
 * opens it, about 3 µs, which the planner does not count. Given the tsquery as a constant it
 * reads the word's share from the column's statistics, and for a common word («musikkterapi»)
 * tests every row near the place, or every row of the table (100,000 documents opened: about
 * 300 ms). `indexed` hands the tsquery over as the value of a subquery instead: the planner then
 * takes the default share of a text match (0.5 %) and finds the rows through the GIN index, whose
 * answer is exact for these queries (no weights, no phrases), so no document is opened unless a
 * column of the query reads it (the rank). Building the index's list costs about 8 ms for a word in
 * all 100,000 offers. Row-by-row reads (nearest first) keep the constant: they test few rows.
 */
const textCondition = (tsquery: string, indexed: boolean): Condition =>
  indexed ? sql`document @@ (select to_tsquery('simple', ${tsquery}))` : sql`document @@ to_tsquery('simple', ${tsquery})`;

/** Everything a hit must match apart from the facet filters. */
function baseConditions(criteria: Criteria, indexed: boolean): Condition[] {
  // entries nobody has confirmed for too long leave the finder until they are confirmed
  const where: Condition[] = [shownInFinder(criteria.hiddenBefore)];
  if (criteria.tsquery) where.push(textCondition(criteria.tsquery, indexed));
  if (criteria.age !== null) {
    where.push(sql`(minimum_age is null or minimum_age <= ${criteria.age}) and (maximum_age is null or maximum_age >= ${criteria.age})`);
  }
  const radius = criteria.radius;
  if (radius) {
    // the bounding box first, so the exact distance is computed for nearby rows only
    where.push(sql`(is_digital or (${withinBox(radius, sql`${radius.km}::float8`, indexed)} and ${distanceSql(radius)} <= ${radius.km}))`);
  }
  return where;
}

/** A box around the point holding every point within km (its east-west reach taken at the latitude nearest a pole). */
function withinBox(point: Point, km: RawBuilder<number>, indexed: boolean): Condition {
  const dLat = sql`(${km} / 111.0)`;
  const dLon = sql`(${km} / (111.0 * cos(radians(least(89.9, abs(${point.lat}::float8) + ${dLat})))))`;
  const [west, east] = [sql`${point.lon}::float8 - ${dLon}`, sql`${point.lon}::float8 + ${dLon}`];
  const [south, north] = [sql`${point.lat}::float8 - ${dLat}`, sql`${point.lat}::float8 + ${dLat}`];
  return indexed
    ? sql`point(lon, lat) <@ box(point(${west}, ${south}), point(${east}, ${north}))`
    : sql`lat between ${south} and ${north} and lon between ${west} and ${east}`;
}

// arrayoverlap is the function behind &&: the same test, which no index takes
const facetCondition = (keys: string[], indexed: boolean): Condition =>
  indexed ? sql`terms && ${keys}::text[]` : sql`arrayoverlap(terms, ${keys}::text[])`;
const inPlaceSql = (place: Place | null): Condition =>
  place?.municipalityNumber ? sql`municipality_numbers @> array[${place.municipalityNumber}]::text[]` : sql`false`;

interface Counts {
  total: number;
  /** hits without a point (digital offers): the last part of "nearest first" */
  withoutPoint: number;
  facetCounts: Record<string, Record<string, number>>;
}

/**
 * The terms of each set the counts met, by terms_key (migration 0035), as numbers standing for the
 * term keys (`names`), so the sums are added up in an array rather than by string in a map. A
 * set's key never names other terms, so what was read once is kept for the process's life, across
 * data versions: new sets are read when a count first meets them. 19,292 sets at 100,000 demo
 * services, about 4 MB.
 */
interface TermSets { sets: Map<string, number[]>; names: string[]; numbers: Map<string, number> }
const termSetMaps = new WeakMap<Db, TermSets>();
const TERM_SETS_KEPT = 200_000;

async function termSetsOf(db: Db, keys: string[]): Promise<TermSets> {
  let known = termSetMaps.get(db);
  if (!known || known.sets.size > TERM_SETS_KEPT) termSetMaps.set(db, (known = { sets: new Map(), names: [], numbers: new Map() }));
  const { sets, names, numbers } = known;
  const missing = [...new Set(keys.filter((key) => !sets.has(key)))];
  if (missing.length > 0) {
    const { rows } = await sql<{ key: string; terms: string[] }>`
      select distinct on (terms_key) terms_key as key, to_json(terms) as terms from service_search where terms_key = any(${missing}::uuid[])`.execute(db);
    for (const row of rows) {
      sets.set(row.key, row.terms.map((term) => {
        let number = numbers.get(term);
        if (number === undefined) numbers.set(term, (number = names.push(term) - 1));
        return number;
      }));
    }
  }
  return known;
}

/**
 * The total and every facet's counts in one pass: rows matching all selected facets but at most
 * one are read once and counted together per set of terms (and which selected facets they match),
 * and each set's terms are added up here. At 100,000 demo services search (a)'s 22,862 rows have
 * 9,378 sets, (b)'s 9,211 rows 4,120: unnesting every row's terms into keys and grouping those in
 * the database took 60–90 ms of (a)'s 120 (b: 15 of 48), the same sums in JavaScript about 2 ms.
 * The rows are grouped by the sets' keys (terms_key), not by the arrays: hashing, comparing and
 * sending the arrays made (a)'s count 126–154 ms in the app, the keys 47–55 (2026-12-01, docs/search.md).
 */
async function countRows(db: Db, criteria: Criteria): Promise<RowCounts> {
  const selected = criteria.facets;
  const others = (skip: number) => selected.map((_, i) => i).filter((i) => i !== skip);
  // rows some count needs: those matching every selected facet but at most one
  const needed = selected.length < 2 ? [] : [or(selected.map((_, skip) => and(others(skip).map((i) => facetCondition(selected[i]![1], true)))))];
  // bit i set: the row matches the i-th selected facet
  const mask = selected.length === 0 ? sql`0` : sql.join(selected.map(([, keys], i) => sql`(case when ${facetCondition(keys, true)} then ${1 << i} else 0 end)`), sql` + `);
  // the groups as one JSON value: thousands of rows each parsed into an object by the driver took
  // about 10 ms of a cold (b) in the app, and their garbage about as much again
  const group = async () => (await sql<{ groups: [key: string, withoutPoint: boolean, mask: number, n: number][] }>`
    select coalesce(json_agg(json_build_array(terms_key, without_point, mask, n)), '[]') as groups
    from (select terms_key, without_point, mask, count(*)::int as n
      from (select terms_key, lat is null as without_point, ${mask} as mask from service_search
        where ${and([...baseConditions(criteria, true), ...needed])}) matching
      group by terms_key, without_point, mask) g`.execute(db)).rows[0]!.groups;
  let groups = await group();
  let known = await termSetsOf(db, groups.map(([key]) => key));
  // a set that left the table between the two reads (its rows rewritten by a write): count again
  for (let again = 0; again < 3 && groups.some(([key]) => !known.sets.has(key)); again++) {
    groups = await group();
    known = await termSetsOf(db, groups.map(([key]) => key));
  }
  const all = (1 << selected.length) - 1;
  // per term number: [n, n0, n1, …] (see RowCounts), one row of `width` after another
  const width = 1 + selected.length;
  const sums = new Float64Array(known.names.length * width);
  const counted = new Float64Array(width);
  let total = 0;
  let withoutPoint = 0;
  for (const [setKey, noPoint, rowMask, n] of groups) {
    // [rows matching every selected facet, then per selected facet those matching every other]
    counted[0] = rowMask === all ? n : 0;
    for (let i = 0; i < selected.length; i++) counted[1 + i] = (rowMask | (1 << i)) === all ? n : 0;
    total += counted[0];
    if (rowMask === all && noPoint) withoutPoint += n;
    for (const number of known.sets.get(setKey) ?? []) {
      for (let i = 0; i < width; i++) sums[number * width + i]! += counted[i]!;
    }
  }
  const keys: [string, ...number[]][] = [];
  known.names.forEach((name, number) => {
    const row = Array.from(sums.subarray(number * width, (number + 1) * width));
    if (row.some((sum) => sum > 0)) keys.push([name, ...row]);
  });
  return { total, without_point: withoutPoint, keys };
}

/** Per term key: [key, n, n0, n1, …]: n for a facet without a selection, else its own count (n0 for the first selected facet …). */
interface RowCounts { total: number; without_point: number; keys: [string, ...number[]][] }

/**
 * The counts of a search with no words, filters, age or radius from search_facet_count (migration
 * 0032), which the writes keep: per term key and freshness date, so only the hidden cut-off is
 * applied here. `precomputedCounts.use` off counts from the rows instead (tests and the benchmark
 * compare the two).
 */
export const precomputedCounts = { use: true };

const unfiltered = (criteria: Criteria) =>
  criteria.tsquery === null && criteria.facets.length === 0 && criteria.age === null && criteria.radius === null;

async function keptCounts(db: Db, criteria: Criteria): Promise<RowCounts> {
  const { rows } = await sql<{ key: string; without_point: boolean; n: number }>`
    select key, without_point, sum(n)::int as n from search_facet_count
    where confirmed_on >= ${criteria.hiddenBefore}::date group by key, without_point`.execute(db);
  const byKey = new Map<string, number>();
  for (const row of rows) byKey.set(row.key, (byKey.get(row.key) ?? 0) + row.n);
  const withoutPoint = rows.find((row) => row.key === '' && row.without_point)?.n ?? 0;
  return { total: byKey.get('') ?? 0, without_point: withoutPoint, keys: [...byKey].filter(([key]) => key !== '') };
}

function countMatches(db: Db, version: bigint, criteria: Criteria): Promise<Counts> {
  return cached(db, version, `counts\u0000${JSON.stringify(criteria)}`, async () => {
    const row = precomputedCounts.use && unfiltered(criteria) ? await keptCounts(db, criteria) : await countRows(db, criteria);
    const selected = criteria.facets.map(([id]) => id);
    const facetCounts: Record<string, Record<string, number>> = {};
    for (const id of FACET_IDS) {
      // each entry is [key, n, n0, n1, …]: n for a facet without a selection, else its own count
      const at = 1 + selected.indexOf(id) + 1;
      facetCounts[id] = Object.fromEntries(row.keys
        .filter((entry) => entry[0].startsWith(`${id}:`) && (entry[at] as number) > 0)
        .map((entry) => [entry[0], entry[at] as number]));
    }
    return { total: row.total, withoutPoint: row.without_point, facetCounts };
  });
}

interface HitRow {
  service_id: string; name: string; organization_name: string; status: string; terms: string[];
  municipality_numbers: string[]; is_digital: boolean; is_demo: boolean; assured_date: string | null; stale: boolean;
  lat: number | null; lon: number | null; distance_km: number | null; in_municipality: boolean;
}

function hitColumns(place: Place | null, staleBefore: string) {
  const distance = place ? sql<number | null>`case when lat is null then null else ${distanceSql(place)} end` : sql<null>`null::float8`;
  const inMunicipality = place?.municipalityNumber ? sql<boolean>`${place.municipalityNumber} = any(municipality_numbers)` : sql<boolean>`false`;
  const stale = sql<boolean>`coalesce(confirmed_on < ${staleBefore}::date, false)`;
  // arrays as JSON: the driver's JSON.parse is several times cheaper than its text-array parser
  const columns = sql`service_id, name, organization_name, status, to_json(terms) as terms, to_json(municipality_numbers) as municipality_numbers,
    is_digital, is_demo, assured_date, ${stale} as stale, lat, lon, ${distance} as distance_km, ${inMunicipality} as in_municipality`;
  return { columns, stale };
}

/** Every column a search condition (baseConditions, facetCondition, inPlaceSql) reads, apart from the search document. */
const NEAR_COLUMNS = sql`service_id, name, lat, lon, confirmed_on, minimum_age, maximum_age, is_digital, terms, municipality_numbers`;

/** Hits [from, to) of the rows matching where, nearest the place first (ties by name). */
async function nearest(db: Db, columns: Condition, place: Place, where: Condition[], from: number, to: number, radius: Criteria['radius'], tsquery: string | null): Promise<HitRow[]> {
  const km = distanceSql(place);
  const degrees = sql`point(lon, lat) <-> point(${place.lon}::float8, ${place.lat}::float8)`;
  // Any `to` matching rows lie within the distance of the farthest of them, so every row that
  // near is read and ordered exactly. The rows come from the points nearest in degrees (a GiST
  // scan): first from a fixed number of nearest points, else the nearest matching ones; within a
  // radius those are read through the place index's box (else the planner, taking the box for
  // nearly empty, read the whole table in parallel: 190 ms at 100,000 services).
  // only the columns the conditions read (the search document only for words): a whole finder row
  // is about 1.8 kB, and `near` holds thousands of them (40–100 ms a search with select *)
  return (await sql<HitRow>`
    with near as materialized (
      select ${NEAR_COLUMNS}${tsquery ? sql`, document` : sql``} from service_search where lat is not null order by ${degrees} limit ${Math.max(200, 10 * to)}
    ), reach as materialized (
      select coalesce(
        (select max(km) from (select ${km} as km from near where ${and(where)} limit ${to}) s having count(*) = ${to}),
        (select max(km) from (select ${km} as km from service_search where ${and(radius ? [...where, withinBox(radius, sql`${radius.km}::float8`, true)] : where)}
          order by ${degrees} limit ${to}) s)) as km
    )
    select ${columns} from service_search, reach
    where ${and(where)} and ${withinBox(place, sql`reach.km`, true)} and ${km} <= reach.km
    order by distance_km, name, service_id limit ${to - from} offset ${from}`.execute(db)).rows;
}

/**
 * "Nearest first" in three parts, each read with an index: points in the place's municipality,
 * other points, then offers without a point (digital). Only the parts the page overlaps are read.
 */
async function nearestFirst(db: Db, version: bigint, query: SearchQuery, place: Place, criteria: Criteria, columns: Condition, counts: Counts): Promise<HitRow[]> {
  const offset = (query.page - 1) * query.perPage;
  const inPlace = inPlaceSql(place);
  const where = matching(criteria, false);
  // counted apart from the facet counts, so those are shared by searches from every place
  const inPlaceCount = !place.municipalityNumber ? 0 : await cached(db, version, `in-place\u0000${place.municipalityNumber}\u0000${JSON.stringify(criteria)}`,
    async () => (await sql<{ n: number }>`select count(*) as n from service_search
      where ${and([...matching(criteria, true), sql`lat is not null`, inPlace])}`.execute(db)).rows[0]!.n);
  const parts: { size: number; read: (from: number, to: number) => Promise<HitRow[]> }[] = [
    { size: inPlaceCount, read: (from, to) => nearest(db, columns, place, [...where, sql`lat is not null`, inPlace], from, to, criteria.radius, criteria.tsquery) },
    { size: counts.total - inPlaceCount - counts.withoutPoint, read: (from, to) => nearest(db, columns, place, [...where, sql`lat is not null`, sql`not ${inPlace}`], from, to, criteria.radius, criteria.tsquery) },
    {
      size: counts.withoutPoint,
      read: async (from, to) => (await sql<HitRow>`select ${columns} from service_search where ${and([...where, sql`lat is null`])}
        order by (not ${inPlace}), name, service_id limit ${to - from} offset ${from}`.execute(db)).rows,
    },
  ];
  const reads: Promise<HitRow[]>[] = [];
  let start = 0;
  for (const part of parts) {
    const from = Math.max(0, offset - start);
    const to = Math.min(part.size, offset + query.perPage - start);
    if (to > from) reads.push(part.read(from, to));
    start += part.size;
  }
  return (await Promise.all(reads)).flat();
}

/**
 * The first hits of a query in order, kept per data version like the counts: ranking a broad text
 * search computes a rank for every match (about 40 ms of database time for 33,000 matches at
 * 100,000 services), and nearest-first reads and orders every row within reach, so the order is
 * worked out once and each page is then read by id. Deeper pages are read as before.
 */
export const orderedHits = {
  /** how many first hits are kept in order; pages beyond them are read from the table (tests set 0 to check that path) */
  top: 500,
  /** nearest-first orders only this many for a page within them, and `top` for one beyond */
  first: 100,
};

/** Nearest first within a radius up to this many km is ordered in one read, not in nearestFirst's parts (tests set 0 for the parts). */
export const nearbyOrder = { maxKm: 150 };

function orderedIds(db: Db, version: bigint, key: string, criteria: Criteria, order: RawBuilder<unknown>): Promise<string[]> {
  return cached(db, version, `order\u0000${key}`, async () => (await sql<{ service_id: string }>`
    select service_id from service_search where ${and(matching(criteria, true))} order by ${order} limit ${orderedHits.top}`.execute(db)).rows.map((r) => r.service_id));
}

async function rowsInOrder(db: Db, columns: RawBuilder<unknown>, ids: string[]): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<HitRow>`select ${columns} from service_search where service_id = any(${ids}::uuid[])`.execute(db);
  const byId = new Map(rows.map((row) => [row.service_id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is HitRow => row !== undefined);
}

/** `searchVersion`: the finder's data version when the caller has just read it (finderState), else read here. */
export async function searchServices(db: Db, query: SearchQuery, searchVersion?: bigint): Promise<SearchResult> {
  const version = searchVersion ?? await dataVersion(db);
  const text = query.text.trim() === '' ? null : await cached(db, version, `text\u0000${query.text}`, () => textQuery(db, query.text));
  const cutoffs = query.freshness ?? freshnessCutoffs();
  const criteria = criteriaOf(query, text?.widened ?? null, cutoffs.hidden);
  const { columns, stale } = hitColumns(query.place, cutoffs.stale);
  const place = query.place;
  const counting = countMatches(db, version, criteria);

  let rows: HitRow[];
  const offset = (query.page - 1) * query.perPage;
  const kept = offset + query.perPage <= orderedHits.top;
  if (query.sort === 'distance' && place) {
    if (kept && criteria.radius && criteria.radius.km <= nearbyOrder.maxKm) {
      // a radius this small holds few enough offers to order them all in one read (at 100,000
      // services 100 km holds at most about 15,000), the same order as nearestFirst's three parts
      const key = ['nearby', JSON.stringify(criteria), place.lat, place.lon, place.municipalityNumber ?? ''].join('\u0000');
      const order = sql`(lat is null), (not ${inPlaceSql(place)}), case when lat is not null then ${distanceSql(place)} end, name, service_id`;
      const ids = (await orderedIds(db, version, key, criteria, order)).slice(offset, offset + query.perPage);
      rows = await rowsInOrder(db, columns, ids);
    } else if (kept) {
      // nearest-first reads about ten rows per hit it orders: the first pages (nearly every search)
      // order only the first hits; a deeper page orders all that are kept
      const depth = offset + query.perPage <= orderedHits.first ? Math.min(orderedHits.first, orderedHits.top) : orderedHits.top;
      const key = ['nearest', depth, JSON.stringify(criteria), place.lat, place.lon, place.municipalityNumber ?? ''].join('\u0000');
      const counts = await counting;
      const ids = await cached(db, version, key, async () => (await nearestFirst(db, version, { ...query, page: 1, perPage: depth }, place, criteria,
        sql`service_id, ${distanceSql(place)} as distance_km`, counts)).map((r) => r.service_id));
      rows = await rowsInOrder(db, columns, ids.slice(offset, offset + query.perPage));
    } else rows = await nearestFirst(db, version, query, place, criteria, columns, await counting);
  } else {
    // a stale entry counts half as relevant; without search words, fresh entries come first. An
    // exact match ranks above a typo match; with no typo words the two ranks are the same, so one does.
    const relevance = text && text.fuzzy.length > 0
      ? sql`ts_rank(document, to_tsquery('simple', ${text.widened})) + ts_rank(document, to_tsquery('simple', ${text.exact}))`
      : text ? sql`ts_rank(document, to_tsquery('simple', ${text.exact}))` : null;
    const rank = relevance ? sql`${relevance} * (case when ${stale} then 0.5 else 1 end) desc,` : sql`${stale},`;
    const order = query.sort === 'name' ? sql`name, service_id` : sql`${rank} ${place ? sql`(lat is null), ${distanceSql(place)},` : sql``} name, service_id`;
    if (kept) {
      const orderKey = [JSON.stringify(criteria), query.sort, text?.exact ?? '', cutoffs.stale, place ? `${place.lat},${place.lon}` : ''].join('\u0000');
      const ids = (await orderedIds(db, version, orderKey, criteria, order)).slice(offset, offset + query.perPage);
      rows = await rowsInOrder(db, columns, ids);
    } else {
      rows = (await sql<HitRow>`select ${columns} from service_search where ${and(matching(criteria, true))}
        order by ${order} limit ${query.perPage} offset ${offset}`.execute(db)).rows;
    }
  }
  const counts = await counting;
  return {
    total: counts.total,
    hits: rows.map((r) => ({
      id: r.service_id, name: r.name, organizationName: r.organization_name, status: r.status, terms: r.terms,
      municipalityNumbers: r.municipality_numbers, isDigital: r.is_digital, isDemo: r.is_demo, assuredDate: r.assured_date, stale: r.stale,
      lat: r.lat, lon: r.lon, distanceKm: r.distance_km, inPlaceMunicipality: r.in_municipality,
    })),
    facetCounts: counts.facetCounts,
    fuzzyMatches: text?.fuzzy ?? [],
    ignoredWords: text?.ignored ?? [],
  };
}
