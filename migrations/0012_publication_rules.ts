import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// What the directory publishes and stores (issue #10, items 5, 6, 12 and 18).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- "Bekreft at opplysningene stemmer" wrote the confirming person's login as HSDS assurer_email,
    -- which every HSDS form publishes. It now writes the organisation's address or nothing; the
    -- logins already written are removed (who confirmed stays in the audit log).
    update service set assurer_email = null
      where assurer_email is not null and lower(assurer_email) in (select lower(email) from app_user);

    -- ours: a confidential location's name is shown only when its editor says the name gives
    -- nothing away (a shelter's name can itself reveal it); hidden by default
    alter table location add column name_shown boolean not null default false;

    -- ours: an organisation registered through self-service waits for a moderator, with its first
    -- editor (an organization_claim), before it or anything of it is published or editable
    alter table organization add column awaiting_approval boolean not null default false;
    -- ours: the claim made by registering the organisation (only its maker may draft for it while it waits)
    alter table organization_claim add column is_registration boolean not null default false;

    -- an organisation is never its own ancestor: every write of parent_organization_id is checked
    -- (imports check first and name the chain; this is the guarantee for any other writer)
    create function organization_parent_is_acyclic() returns trigger language plpgsql as $$
    begin
      if new.parent_organization_id is not null and exists (
        with recursive ancestor(id) as (
          select new.parent_organization_id
          union
          select o.parent_organization_id from organization o join ancestor a on o.id = a.id where o.parent_organization_id is not null
        ) select 1 from ancestor where id = new.id) then
        raise exception 'organization % would be its own ancestor', new.id using errcode = 'check_violation';
      end if;
      return new;
    end
    $$;
    create trigger organization_parent_acyclic before insert or update of parent_organization_id on organization
      for each row execute function organization_parent_is_acyclic();
  `);
}
