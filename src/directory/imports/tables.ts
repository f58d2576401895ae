// Row types of import_run and import_run_file (migrations/0007_imports.ts, 0008_import_checks.ts).
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Db, Tables } from '../../platform/db/index.ts';
import type { NullableTimestamp, Timestamp } from '../../accounts/tables.ts';
import type { SelfServiceTables } from '../self-service/tables.ts';
import type { ImportReport } from '../hsds/index.ts';

export type ImportStatus = 'checking' | 'invalid' | 'checked' | 'submitted' | 'applied' | 'rejected' | 'discarded';
export interface UploadedFile { name: string; text: string }

export type ImportRunTable = {
  id: string;
  created_by: string | null;
  created_at: Timestamp;
  channel: 'page' | 'cli';
  source: string;
  sha256: string | null;
  size_bytes: ColumnType<number, number, number>;
  status: ImportStatus;
  report: ColumnType<ImportReport, string, string>;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
  /** the directory_version the report was made against; null while checking */
  checked_version: ColumnType<number | null, number | null | undefined, number | null>;
};

/** An uploaded file in slices, kept until the run is decided. */
export type ImportRunFileTable = {
  run_id: string;
  file_index: number;
  slice: number;
  name: string;
  text: string;
};

export type DirectoryVersionTable = { only_row: ColumnType<boolean, never, never>; version: number };

export type ImportTables = SelfServiceTables & { import_run: ImportRunTable; import_run_file: ImportRunFileTable; directory_version: DirectoryVersionTable };
export type ImportsDb = Kysely<Tables & ImportTables>;
export type ImportsTx = ImportsDb | Transaction<Tables & ImportTables>;

export function importsDb(db: Db | Kysely<any>): ImportsDb {
  return (db as Db).withTables<ImportTables>();
}
