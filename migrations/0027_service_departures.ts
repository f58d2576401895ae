import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Services that leave the public set must be learnable by consumers that sync with
// modified_after (issue #16, item 2). A deleted service leaves a row here (by trigger, so every
// way of deleting is covered, cascades included), kept 90 days; services hidden for age are
// computed from their confirmation date and need no row. Services of organisations awaiting
// approval were never public and leave nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table service_departure (
      service_id uuid primary key,
      organization_id uuid not null,
      name text not null,
      left_at timestamptz not null default now()
    );
    create index service_departure_left_at on service_departure (left_at);

    create function record_service_departures() returns trigger language plpgsql as $$
      begin
        delete from service_departure where left_at < now() - interval '90 days';
        insert into service_departure (service_id, organization_id, name, left_at)
          select gone.id, gone.organization_id, gone.name, now() from gone
          where not exists (select 1 from organization o where o.id = gone.organization_id and o.awaiting_approval)
          on conflict (service_id) do update set left_at = excluded.left_at, name = excluded.name, organization_id = excluded.organization_id;
        return null;
      end
    $$;
    create trigger service_departures after delete on service referencing old table as gone
      for each statement execute function record_service_departures();
    create trigger service_departure_version after insert or update or delete or truncate on service_departure
      for each statement execute function bump_directory_version();
  `);
}
