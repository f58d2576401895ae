import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// When the directory last changed (issue #16, item 2): the open-data endpoints send it as
// Last-Modified and answer If-Modified-Since from it, the same on every instance. Set by the same
// statement-level trigger that bumps the version; never moves backwards (a transaction that waited
// for another's lock keeps the later time), and starts at the time of this migration.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table directory_version add column changed_at timestamptz not null default now();
    create or replace function bump_directory_version() returns trigger language plpgsql as $$
      begin update directory_version set version = version + 1, changed_at = greatest(changed_at, clock_timestamp()); return null; end
    $$;
  `);
}
