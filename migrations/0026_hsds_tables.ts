import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// HSDS 3.0 tables the import used to drop (issue #16, item 4): program, funding, service_area,
// cost_option and required_document, stored as the spec has them, and service.program_id. Each is
// bumped into directory_version like the other tables the import writes and the exports read.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table program (
      id uuid primary key,
      organization_id uuid references organization (id) on delete cascade,
      name text not null,
      alternate_name text,
      description text not null default ''
    );
    create index program_organization on program (organization_id) where organization_id is not null;
    alter table service add column program_id uuid references program (id) on delete set null;
    create index service_program on service (program_id) where program_id is not null;

    create table funding (
      id uuid primary key,
      organization_id uuid references organization (id) on delete cascade,
      service_id uuid references service (id) on delete cascade,
      source text
    );
    create index funding_organization on funding (organization_id) where organization_id is not null;
    create index funding_service on funding (service_id) where service_id is not null;

    create table service_area (
      id uuid primary key,
      service_id uuid references service (id) on delete cascade,
      name text,
      description text,
      extent text,
      extent_type text,
      uri text
    );
    create index service_area_service on service_area (service_id) where service_id is not null;

    create table cost_option (
      id uuid primary key,
      service_id uuid references service (id) on delete cascade,
      valid_from date,
      valid_to date,
      option text,
      currency text,
      amount double precision,
      amount_description text
    );
    create index cost_option_service on cost_option (service_id) where service_id is not null;

    create table required_document (
      id uuid primary key,
      service_id uuid references service (id) on delete cascade,
      document text,
      uri text
    );
    create index required_document_service on required_document (service_id) where service_id is not null;

    create trigger program_version after insert or update or delete or truncate on program for each statement execute function bump_directory_version();
    create trigger funding_version after insert or update or delete or truncate on funding for each statement execute function bump_directory_version();
    create trigger service_area_version after insert or update or delete or truncate on service_area for each statement execute function bump_directory_version();
    create trigger cost_option_version after insert or update or delete or truncate on cost_option for each statement execute function bump_directory_version();
    create trigger required_document_version after insert or update or delete or truncate on required_document for each statement execute function bump_directory_version();
  `);
}
