// Every SQL statement of the coverage atlas. Functions take the handle first and return rows.
import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import { shownInFinder } from '../directory/index.ts';
import type { TravelTimeRow } from './distance.ts';
import type { SnapshotIndicators } from './snapshot-model.ts';

/**
 * Offers the finder shows (`hiddenBefore`: freshnessCutoffs().hidden): an offer nobody has confirmed
 * for hiddenMonths is not supply the atlas can vouch for, and its page answers 404.
 */
const visible = (hiddenBefore: string) => shownInFinder(hiddenBefore, 'ss.confirmed_on');

/** One row per (active, publicly visible service, location); services without a location give one row of nulls. */
function supplyRows(db: Db, hiddenBefore: string) {
  return db.selectFrom('service_search as ss')
    .innerJoin('service as s', 's.id', 'ss.service_id')
    .leftJoin('service_at_location as sal', 'sal.service_id', 's.id')
    .leftJoin('location as l', 'l.id', 'sal.location_id')
    .leftJoin('municipality as m', 'm.number', 'l.municipality_number')
    .select([
      's.id as service_id', 's.name', 'ss.organization_id', 'ss.organization_name', 's.fte', 'ss.terms', 'ss.is_digital',
      'ss.is_demo', 'l.id as location_id', 'l.location_type', 'l.latitude', 'l.longitude', 'l.is_confidential',
      'l.municipality_number', 'm.lat as municipality_lat', 'm.lon as municipality_lon',
    ])
    .where('ss.status', '=', 'active')
    .where(visible(hiddenBefore));
}

export function listSupplyRows(db: Db, hiddenBefore: string) {
  return supplyRows(db, hiddenBefore).orderBy('s.id').orderBy('sal.id').execute();
}
export type SupplyRow = Awaited<ReturnType<typeof listSupplyRows>>[number];

/** How many of each organisation's locations lie in each municipality: its home is the commonest. */
function organizationMunicipalities(db: Db) {
  return db.selectFrom('location')
    .select(['organization_id', 'municipality_number', (eb) => eb.fn.countAll<number>().as('locations')])
    .where('organization_id', 'is not', null).where('municipality_number', 'is not', null)
    .groupBy(['organization_id', 'municipality_number']);
}

export function listOrganizationMunicipalities(db: Db) {
  return organizationMunicipalities(db).execute();
}

/**
 * What moves when the atlas's reference inputs change (the population figures, the reference data,
 * the travel-time set), as three text values for a `concat_ws('|', …)`: part of the atlas's stamp
 * and of its inputs' digest.
 */
const REFERENCE_STAMPS = sql`
  coalesce((select max(date) || ':' || count(*) from population), ''),
  coalesce((select checksum from reference_dataset where name = 'reference'), ''),
  coalesce((select checksum || ':' || row_count || ':' || loaded_at from coverage_travel_time_set), '')`;

/**
 * A digest of everything the atlas reads, made by the database so that no row travels: each
 * supply row and each organisation's count of locations per municipality hashed as text
 * (`hashtextextended`, 64 bits) and summed, with the row counts, plus the reference data's stamps
 * (population, municipalities, travel times). Equal digests mean the same rows (short of a
 * collision of 64-bit sums, which no edit aims at), so after an edit elsewhere in the directory (a
 * waiting time, a phone number) an instance keeps its atlas without reading or hashing the rows
 * in Node, which took about a quarter of a second of each instance's event loop per edit at
 * 10,000 offers (docs/coverage.md).
 */
export async function inputsDigest(db: Db, hiddenBefore: string): Promise<string> {
  const summed = (rows: { compile(): unknown }) => sql<string>`select count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)::numeric), 0) from (${rows}) r`;
  const result = await sql<{ digest: string }>`
    select concat_ws('|',
      (${summed(supplyRows(db, hiddenBefore))}),
      (${summed(organizationMunicipalities(db))}),
      ${REFERENCE_STAMPS}) as digest
  `.execute(db);
  return result.rows[0]?.digest ?? '';
}

/**
 * Cheap aggregates that change whenever the atlas's inputs do: visible published services (count,
 * newest change, FTE, where their locations are), population, reference data and travel times.
 */
export async function dataVersionParts(db: Db, hiddenBefore: string): Promise<Record<string, unknown>> {
  const result = await sql<Record<string, unknown>>`
    select
      (select count(*) from service_search ss where status = 'active' and ${visible(hiddenBefore)}) as services,
      (select max(s.last_modified) from service s join service_search ss on ss.service_id = s.id) as modified,
      (select coalesce(sum(s.fte), 0) from service s join service_search ss on ss.service_id = s.id and ss.status = 'active' and ${visible(hiddenBefore)}) as fte,
      (select count(*) || ':' || coalesce(sum(coalesce(l.latitude, 0) + coalesce(l.longitude, 0) + case when l.is_confidential then 1 else 0 end), 0)
         from service_at_location sal join location l on l.id = sal.location_id
         join service_search ss on ss.service_id = sal.service_id and ss.status = 'active' and ${visible(hiddenBefore)}) as places,
      (select max(date) || ':' || count(*) from population) as population,
      (select checksum from reference_dataset where name = 'reference') as reference,
      (select checksum from coverage_travel_time_set) as travel_times
  `.execute(db);
  return result.rows[0] ?? {};
}

/**
 * A stamp that moves whenever dataVersionParts can, read in one cheap statement (no scan of the
 * directory): directory_version (migration 0008) is bumped by a trigger in the same transaction as
 * any change to service, location, service_at_location or service_search, and the rest are small
 * tables; `hiddenBefore` moves by itself once a day, when offers may pass out of sight with no
 * write. `snapshots` moves when a snapshot is stored (by any process), for the page's history.
 */
export async function atlasStamp(db: Db, hiddenBefore: string): Promise<{ data: string; snapshots: string }> {
  const result = await sql<{ data: string; snapshots: string }>`
    select concat_ws('|',
        ${hiddenBefore}::text,
        (select version::text from directory_version),
        ${REFERENCE_STAMPS}) as data,
      (select count(*) || ':' || coalesce(max(taken_at)::text, '') from coverage_snapshot) as snapshots
  `.execute(db);
  const row = result.rows[0];
  return { data: row?.data ?? '', snapshots: row?.snapshots ?? '' };
}

export function findTravelTimeSet(db: Db) {
  return db.selectFrom('coverage_travel_time_set')
    .select(['checksum', 'row_count', 'source_name', 'loaded_at']).executeTakeFirst();
}

export async function listTravelTimes(db: Db): Promise<TravelTimeRow[]> {
  const rows = await db.selectFrom('coverage_travel_time')
    .select(['from_municipality', 'to_municipality', 'minutes']).execute();
  return rows.map((r) => ({ from: r.from_municipality, to: r.to_municipality, minutes: r.minutes }));
}

/** Replaces the matrix in one transaction, so the atlas never sees half of a file. */
export async function replaceTravelTimes(db: Db, rows: readonly TravelTimeRow[], meta: { checksum: string; sourceName: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('coverage_travel_time').execute();
    for (let i = 0; i < rows.length; i += 5000) {
      await trx.insertInto('coverage_travel_time')
        .values(rows.slice(i, i + 5000).map((r) => ({ from_municipality: r.from, to_municipality: r.to, minutes: r.minutes })))
        .execute();
    }
    const set = { checksum: meta.checksum, row_count: rows.length, source_name: meta.sourceName, loaded_at: new Date() };
    await trx.insertInto('coverage_travel_time_set').values({ id: 1, ...set })
      .onConflict((oc) => oc.column('id').doUpdateSet(set)).execute();
  });
}

export async function clearTravelTimes(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('coverage_travel_time').execute();
    await trx.deleteFrom('coverage_travel_time_set').execute();
  });
}

export interface SnapshotRow {
  taken_on: string;
  data_version: string;
  month: string;
  trigger: 'monthly' | 'manual';
  taken_at: Date;
  indicators: SnapshotIndicators;
}

/** Inserts unless a snapshot of the same date and data version (or this month's automatic one) exists. */
export async function insertSnapshot(db: Db, row: Omit<SnapshotRow, 'taken_at'>): Promise<boolean> {
  const result = await db.insertInto('coverage_snapshot')
    .values({ ...row, indicators: JSON.stringify(row.indicators) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function hasSnapshotInMonth(db: Db, month: string): Promise<boolean> {
  const row = await db.selectFrom('coverage_snapshot').select('month').where('month', '=', month).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Newest first. */
export async function listSnapshots(db: Db, limit = 24): Promise<SnapshotRow[]> {
  const rows = await db.selectFrom('coverage_snapshot')
    .select(['taken_on', 'data_version', 'month', 'trigger', 'taken_at', 'indicators'])
    .orderBy('taken_at', 'desc').limit(limit).execute();
  // Both drivers parse jsonb; the guard keeps a driver that returns text from breaking the page.
  return rows.map((r) => ({ ...r, indicators: typeof r.indicators === 'string' ? JSON.parse(r.indicators) as SnapshotIndicators : r.indicators }));
}
