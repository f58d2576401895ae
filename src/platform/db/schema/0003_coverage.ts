// Row types of the tables of migrations/0003_coverage.ts.
import type { Generated } from 'kysely';
import type { Json } from './columns.ts';
import type { JsonShapes } from './json.ts';

export interface TravelTimeTable {
  from_municipality: string;
  to_municipality: string;
  minutes: number;
}

export interface TravelTimeSetTable {
  id: Generated<number>;
  checksum: string;
  row_count: number;
  source_name: string;
  loaded_at: Generated<Date>;
}

export interface SnapshotTable {
  taken_on: string;
  data_version: string;
  month: string;
  trigger: 'monthly' | 'manual';
  taken_at: Generated<Date>;
  indicators: Json<JsonShapes['coverage_snapshot.indicators']>;
}

export interface CoverageTables {
  coverage_travel_time: TravelTimeTable;
  coverage_travel_time_set: TravelTimeSetTable;
  coverage_snapshot: SnapshotTable;
}
