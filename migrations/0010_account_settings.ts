import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Mail rate limits, session idle timeout and list, and changing one's email address.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- mail a request caused (an invitation, a link asked for) counts against per-account and
    -- per-recipient limits; mail the application sends on its own (reminders, decisions) does not
    alter table mail_outbox add column requested boolean not null default false;
    alter table mail_outbox add column requested_by uuid references app_user (id) on delete set null;
    create index mail_outbox_requested_to on mail_outbox (lower(to_address), created_at) where requested;
    create index mail_outbox_requested_by on mail_outbox (requested_by, created_at) where requested_by is not null;

    -- a short summary of the browser ("Firefox på Linux") for the list of one's sessions; never the full user agent
    alter table user_session add column device text;
    create index user_session_last_seen on user_session (last_seen_at);

    -- a link that confirms a new email address carries the address it confirms
    alter table user_token add column new_email text;
    alter table user_token drop constraint user_token_purpose_check;
    alter table user_token add constraint user_token_purpose_check check (purpose in ('verify_email', 'reset_password', 'change_email'));
  `);
}
