import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Heavy work off the request path (issue #10, item 1).
// - directory_version: bumped in the same transaction as any change to a table the import writes
//   and the open-data exports read, so a kept import check or a cached export can tell it is stale.
// - import_run.checked_version: the directory version a run's report was made against; a waiting
//   run is checked again only when the directory has changed since.
// - import_run status 'checking': the check runs in the background and the run page shows it.
// - import_run_file: the uploaded files in slices, so no single statement moves a whole 25 MB file
//   (PGlite runs in the app's process: one such statement held every request for over a second).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table directory_version (
      only_row boolean primary key default true check (only_row),
      version bigint not null
    );
    insert into directory_version (version) values (0);
    create function bump_directory_version() returns trigger language plpgsql as $$
      begin update directory_version set version = version + 1; return null; end
    $$;
    create trigger organization_version after insert or update or delete or truncate on organization for each statement execute function bump_directory_version();
    create trigger organization_identifier_version after insert or update or delete or truncate on organization_identifier for each statement execute function bump_directory_version();
    create trigger service_version after insert or update or delete or truncate on service for each statement execute function bump_directory_version();
    create trigger location_version after insert or update or delete or truncate on location for each statement execute function bump_directory_version();
    create trigger address_version after insert or update or delete or truncate on address for each statement execute function bump_directory_version();
    create trigger service_at_location_version after insert or update or delete or truncate on service_at_location for each statement execute function bump_directory_version();
    create trigger contact_version after insert or update or delete or truncate on contact for each statement execute function bump_directory_version();
    create trigger phone_version after insert or update or delete or truncate on phone for each statement execute function bump_directory_version();
    create trigger schedule_version after insert or update or delete or truncate on schedule for each statement execute function bump_directory_version();
    create trigger language_version after insert or update or delete or truncate on language for each statement execute function bump_directory_version();
    create trigger accessibility_version after insert or update or delete or truncate on accessibility for each statement execute function bump_directory_version();
    create trigger taxonomy_version after insert or update or delete or truncate on taxonomy for each statement execute function bump_directory_version();
    create trigger taxonomy_term_version after insert or update or delete or truncate on taxonomy_term for each statement execute function bump_directory_version();
    create trigger attribute_version after insert or update or delete or truncate on attribute for each statement execute function bump_directory_version();
    create trigger service_search_version after insert or update or delete or truncate on service_search for each statement execute function bump_directory_version();

    alter table import_run add column checked_version bigint;
    alter table import_run drop constraint import_run_status_check;
    alter table import_run add constraint import_run_status_check
      check (status in ('checking', 'invalid', 'checked', 'submitted', 'applied', 'rejected', 'discarded'));

    create table import_run_file (
      run_id uuid not null references import_run (id) on delete cascade,
      file_index integer not null,
      slice integer not null,
      name text not null,
      text text not null,
      primary key (run_id, file_index, slice)
    );
    insert into import_run_file (run_id, file_index, slice, name, text)
      select r.id, (f.n - 1)::int, 0, f.value ->> 'name', f.value ->> 'text'
      from import_run r, jsonb_array_elements(r.files) with ordinality as f(value, n)
      where r.files is not null;
    alter table import_run drop column files;
  `);
}
