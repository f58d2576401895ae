// Row types of the tables migrations/0008_import_checks.ts made. (Its new columns on import_run
// are marked in 0007_imports.ts.)
import type { ColumnType } from 'kysely';

/** An uploaded file in slices, kept until the run is decided. */
export interface ImportRunFileTable {
  run_id: string;
  file_index: number;
  slice: number;
  name: string;
  text: string;
}

/** One row: bumped by triggers in the same transaction as any change to a table an import writes. */
export interface DirectoryVersionTable {
  only_row: ColumnType<boolean, never, never>;
  version: number;
  /** when the version last moved (migration 0029_directory_changed_at) */
  changed_at: ColumnType<Date, never, never>;
}

export interface ImportChecksTables {
  import_run_file: ImportRunFileTable;
  directory_version: DirectoryVersionTable;
}
