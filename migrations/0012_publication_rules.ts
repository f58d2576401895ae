import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// What the directory publishes (issue #10, items 5, 6 and 18).
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
  `);
}
