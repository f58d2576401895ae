// Row types of the tables of migrations/0007_imports.ts; the columns migrations/0008_import_checks.ts
// adds are marked. (Its import_run_id on audit_log is in 0005_accounts.ts.)
import type { ColumnType } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './columns.ts';
import type { JsonShapes } from './json.ts';

export type ImportStatus = 'checking' | 'invalid' | 'checked' | 'submitted' | 'applied' | 'rejected' | 'discarded';

export interface ImportRunTable {
  id: string;
  created_by: string | null;
  created_at: Timestamp;
  channel: 'page' | 'cli';
  source: string;
  sha256: string | null;
  size_bytes: ColumnType<number, number, number>;
  status: ImportStatus;
  report: Json<JsonShapes['import_run.report']>;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
  /** the directory_version the report was made against; null while checking (migration 0008) */
  checked_version: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ImportsTables {
  import_run: ImportRunTable;
}
