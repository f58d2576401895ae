import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The offer's own text in more languages (issue #17): a service's name, description and how to get
// in (application_process) may be given in nynorsk, English and other languages beside the bokmål
// of the service row. One row per service and language (a BCP 47 tag such as nn or en); a field left
// null has no translation and the page shows the service's own text, marked as bokmål. Not personal
// data. The id is derived from service and language (nameUuid), so the editor and an import write
// the same row; it is bumped into directory_version like the other tables the exports read.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table service_translation (
      id uuid primary key,
      service_id uuid not null references service (id) on delete cascade,
      language text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$' and language <> 'nb'),
      name text,
      description text,
      application_process text,
      unique (service_id, language)
    );
    create trigger service_translation_version after insert or update or delete or truncate on service_translation
      for each statement execute function bump_directory_version();
  `);
}
