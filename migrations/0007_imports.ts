import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Imports of directory data through the import page or `npm run import`: each run is kept with
// its report, so the secretariat can see who imported what and when. An editor's import waits
// here for moderation; the uploaded files are kept only until the run is decided.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table import_run (
      id uuid primary key,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      -- 'page' (the import page) or 'cli' (npm run import)
      channel text not null check (channel in ('page', 'cli')),
      -- the file names, or the path or URL given to the command line
      source text not null,
      -- of the uploaded files (names and text); null for a folder or URL given to the command line
      sha256 text,
      size_bytes bigint not null,
      -- [{ "name": …, "text": … }]; null once the run is decided
      files jsonb,
      status text not null check (status in ('invalid', 'checked', 'submitted', 'applied', 'rejected', 'discarded')),
      -- what the import does or did (the last check's counts, problems, warnings and changes)
      report jsonb not null,
      submitted_at timestamptz,
      decided_by uuid references app_user (id) on delete set null,
      decided_at timestamptz,
      reason text
    );
    create index import_run_status on import_run (status, created_at);
    create index import_run_created_by on import_run (created_by, created_at);

    -- audit entries written by an import name their run (no foreign key: the log is append-only)
    alter table audit_log add column import_run_id uuid;
  `);
}
