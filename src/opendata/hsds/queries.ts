import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { greatCircleKm } from '../../platform/geo.ts';
import { allOf, containing, serviceConditions, type ServiceFilter } from './filters.ts';
import { DATA_TAXONOMY, DATA_TERM_ROWS, departedServices } from '../../directory/index.ts';

export interface IdPage {
  ids: string[];
  total: number;
}

const BATCH = 500;

/**
 * The services a list answers with: those matching, and, for a sync (modified_after on the public
 * audience), those that left the public set since then (departures.ts), unless the filter asks
 * what a departed service can no longer be judged by (text, classification).
 */
function matching(filter: ServiceFilter) {
  const current = sql`select s.id, s.name from service s where ${allOf(serviceConditions(filter))}`;
  if (!filter.modifiedAfter || filter.audience !== 'public' || filter.search?.trim() || filter.taxonomyTermId || filter.taxonomyId) return sql`(${current})`;
  const organization = filter.organizationId ? sql`and d.organization_id = ${filter.organizationId}` : sql``;
  return sql`(${current} union all select d.id, d.name from ${departedServices()} d where d.left_at >= ${filter.modifiedAfter} ${organization})`;
}

/** Keeps a list of ids under a key while the data stays the same (answer-cache.ts). */
export type KeepIds = (key: string, compute: () => Promise<string[]>) => Promise<string[]>;

/**
 * One page of service ids matching the filter, by name. With `keep`, every matching id in that
 * order is read once and kept, so each page after it is a slice and no request sorts and counts
 * every match again (OFFSET and count(*) over () each read them all).
 */
export async function pageServiceIds(db: Db, filter: ServiceFilter, page: number, perPage: number, keep?: KeepIds): Promise<IdPage> {
  if (keep) {
    const ordered = sql<{ id: string }>`select m.id from ${matching(filter)} m order by m.name, m.id`;
    const { sql: text, parameters } = ordered.compile(db);
    const ids = await keep(`ids|${text}|${JSON.stringify(parameters)}`, async () => (await ordered.execute(db)).rows.map((r) => r.id));
    return { ids: ids.slice((page - 1) * perPage, page * perPage), total: ids.length };
  }
  const { rows } = await sql<{ id: string; total: number }>`
    select m.id, count(*) over () as total from ${matching(filter)} m
    order by m.name, m.id limit ${perPage} offset ${(page - 1) * perPage}`.execute(db);
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? (page > 1 ? await countServices(db, filter) : 0) };
}

async function countServices(db: Db, filter: ServiceFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${matching(filter)} m`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Every matching service id in batches, by id (keyset), for streaming without holding them all. */
export async function* serviceIdBatches(db: Db, filter: ServiceFilter): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string }>`select m.id from ${matching(filter)} m where m.id > ${after}
      order by m.id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows.at(-1)!.id;
  }
}

/** Every organisation id matching, in batches, by id. */
export async function* organizationIdBatches(db: Db, where: RawBuilder<boolean>): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string }>`select id from organization where ${where} and id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows.at(-1)!.id;
  }
}

export const nameSearch = (search: string | undefined) => {
  const text = search?.trim();
  return text ? sql<boolean>`(name ilike ${containing(text)} or description ilike ${containing(text)})` : sql<boolean>`true`;
};

/** One page of organisation ids, by name. */
export async function pageOrganizationIds(db: Db, where: RawBuilder<boolean>, page: number, perPage: number): Promise<IdPage> {
  const { rows } = await sql<{ id: string; total: number }>`
    select id, count(*) over () as total from organization where ${where}
    order by name, id limit ${perPage} offset ${(page - 1) * perPage}`.execute(db);
  if (rows.length > 0 || page === 1) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  const { rows: count } = await sql<{ n: number }>`select count(*) as n from organization where ${where}`.execute(db);
  return { ids: [], total: count[0]?.n ?? 0 };
}

/** Where a service_at_location search is measured from: a postal code's municipality point. */
export interface Near {
  municipalityNumber: string;
  lat: number;
  lon: number;
  /** metres; null: only locations in the postal code's municipality */
  proximity: number | null;
}

/**
 * One page of service_at_location ids. With a postal code and proximity, locations within that
 * many metres of the postal code's own point, nearest first (a confidential location, or one
 * without coordinates, is placed at its municipality's population centre, never at its own
 * point); with a postal code alone, the
 * locations in that municipality.
 */
export async function pageServiceAtLocationIds(db: Db, filter: ServiceFilter, near: Near | null, page: number, perPage: number): Promise<IdPage> {
  const conditions = serviceConditions(filter);
  // postcode alone: locations in its municipality, and services whose stated service area covers it
  // (our profile: a service_area with extent_type "text" listing municipality or county numbers)
  if (near && near.proximity === null) {
    const county = near.municipalityNumber.slice(0, 2);
    conditions.push(sql<boolean>`(l.municipality_number = ${near.municipalityNumber} or exists (
      select 1 from service_area sa where sa.service_id = s.id and sa.extent_type = 'text'
        and regexp_split_to_array(sa.extent, '[^0-9]+') && array[${near.municipalityNumber}, ${county}]::text[]))`);
  }
  if (!near || near.proximity === null) {
    const { rows } = await sql<{ id: string; total: number }>`
      select sal.id, count(*) over () as total from service_at_location sal join service s on s.id = sal.service_id join location l on l.id = sal.location_id
      where ${allOf(conditions)} order by s.name, sal.id limit ${perPage} offset ${(page - 1) * perPage}`.execute(db);
    if (rows.length > 0 || page === 1) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
    const all = await pageServiceAtLocationIds(db, filter, near, 1, 1);
    return { ids: [], total: all.total };
  }
  // a bounding box in SQL first; the exact great-circle distance then decides and orders
  const dLat = near.proximity / 111_000;
  const dLon = near.proximity / (111_000 * Math.max(0.05, Math.cos((near.lat * Math.PI) / 180)));
  const { rows } = await sql<{ id: string; lat: number; lon: number }>`
    select sal.id, p.lat, p.lon from service_at_location sal join service s on s.id = sal.service_id join location l on l.id = sal.location_id
    left join municipality m on m.number = l.municipality_number
    cross join lateral (select case when l.is_confidential then m.centre_lat else coalesce(l.latitude, m.centre_lat) end as lat,
                               case when l.is_confidential then m.centre_lon else coalesce(l.longitude, m.centre_lon) end as lon) p
    where ${allOf(conditions)} and p.lat between ${near.lat - dLat} and ${near.lat + dLat} and p.lon between ${near.lon - dLon} and ${near.lon + dLon}`.execute(db);
  const within = rows
    .map((r) => ({ id: r.id, metres: greatCircleKm(near.lat, near.lon, r.lat, r.lon) * 1000 }))
    .filter((r) => r.metres <= near.proximity!)
    .sort((a, b) => a.metres - b.metres || a.id.localeCompare(b.id));
  return { ids: within.slice((page - 1) * perPage, page * perPage).map((r) => r.id), total: within.length };
}

/**
 * Taxonomies and terms with the profile's data taxonomy and terms added as literal rows, so one
 * query pages, searches and orders both (the data taxonomy is never stored, see profile.ts).
 */
function catalogue(kind: 'taxonomy' | 'taxonomy_term') {
  if (kind === 'taxonomy') {
    return sql`(select id, name, description, null::uuid as taxonomy_id, null::uuid as parent_id from taxonomy
      union all select ${DATA_TAXONOMY.id}::uuid, ${DATA_TAXONOMY.name}, ${DATA_TAXONOMY.description}, null::uuid, null::uuid)`;
  }
  const literal = sql.join(DATA_TERM_ROWS.map((t) => sql`(${t.id}::uuid, ${t.name}, ${t.description}, ${t.taxonomy_id}::uuid, null::uuid)`));
  return sql`(select id, name, description, taxonomy_id, parent_id from taxonomy_term
    union all select * from (values ${literal}) as data(id, name, description, taxonomy_id, parent_id))`;
}

export interface CatalogueFilter {
  search?: string;
  taxonomyId?: string;
  parentId?: string;
  topOnly?: boolean;
}

function catalogueConditions(filter: CatalogueFilter) {
  const where = [nameSearch(filter.search)];
  if (filter.taxonomyId) where.push(sql<boolean>`taxonomy_id = ${filter.taxonomyId}`);
  if (filter.parentId) where.push(sql<boolean>`parent_id = ${filter.parentId}`);
  if (filter.topOnly) where.push(sql<boolean>`parent_id is null`);
  return allOf(where);
}

export async function pageCatalogueIds(db: Db, kind: 'taxonomy' | 'taxonomy_term', filter: CatalogueFilter, page: number, perPage: number): Promise<IdPage> {
  const { rows } = await sql<{ id: string; total: number }>`
    select id, count(*) over () as total from ${catalogue(kind)} c where ${catalogueConditions(filter)}
    order by name, id limit ${perPage} offset ${(page - 1) * perPage}`.execute(db);
  if (rows.length > 0 || page === 1) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  const { rows: count } = await sql<{ n: number }>`select count(*) as n from ${catalogue(kind)} c where ${catalogueConditions(filter)}`.execute(db);
  return { ids: [], total: count[0]?.n ?? 0 };
}

export async function* catalogueIdBatches(db: Db, kind: 'taxonomy' | 'taxonomy_term', filter: CatalogueFilter): AsyncGenerator<string[]> {
  for (let page = 1; ; page++) {
    const { ids } = await pageCatalogueIds(db, kind, filter, page, BATCH);
    if (ids.length === 0) return;
    yield ids;
  }
}
