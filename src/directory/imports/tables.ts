// Row type of import_run (migrations/0007_imports.ts).
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Db, Tables } from '../../platform/db/index.ts';
import type { NullableTimestamp, Timestamp } from '../../accounts/tables.ts';
import type { SelfServiceTables } from '../self-service/tables.ts';
import type { ImportReport } from '../hsds/index.ts';

export type ImportStatus = 'invalid' | 'checked' | 'submitted' | 'applied' | 'rejected' | 'discarded';
export interface UploadedFile { name: string; text: string }

export type ImportRunTable = {
  id: string;
  created_by: string | null;
  created_at: Timestamp;
  channel: 'page' | 'cli';
  source: string;
  sha256: string | null;
  size_bytes: ColumnType<number, number, number>;
  /** written as JSON text, read back parsed by both drivers */
  files: ColumnType<UploadedFile[] | null, string | null, string | null>;
  status: ImportStatus;
  report: ColumnType<ImportReport, string, string>;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
};

export type ImportTables = SelfServiceTables & { import_run: ImportRunTable };
export type ImportsDb = Kysely<Tables & ImportTables>;
export type ImportsTx = ImportsDb | Transaction<Tables & ImportTables>;

export function importsDb(db: Db | Kysely<any>): ImportsDb {
  return (db as Db).withTables<ImportTables>();
}
