// Row types of the coverage tables (migrations/0003_coverage.ts); type aliases because
// withTables needs index-compatible types. They live here rather than in
// the platform's Tables because only this domain reads them; `coverageDb` adds them to a handle.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, Tables } from '../platform/db/index.ts';
import type { SnapshotIndicators } from './snapshot-model.ts';

export type TravelTimeTable = {
  from_municipality: string;
  to_municipality: string;
  minutes: number;
}

export type TravelTimeSetTable = {
  id: Generated<number>;
  checksum: string;
  row_count: number;
  source_name: string;
  loaded_at: Generated<Date>;
}

export type SnapshotTable = {
  taken_on: string;
  data_version: string;
  month: string;
  trigger: 'monthly' | 'manual';
  taken_at: Generated<Date>;
  /** Written as JSON text, read back parsed by both drivers. */
  indicators: ColumnType<SnapshotIndicators, string, string>;
}

export type CoverageTables = {
  coverage_travel_time: TravelTimeTable;
  coverage_travel_time_set: TravelTimeSetTable;
  coverage_snapshot: SnapshotTable;
}

export type CoverageDb = Kysely<Tables & CoverageTables>;

export function coverageDb(db: Db): CoverageDb {
  return db.withTables<CoverageTables>();
}
