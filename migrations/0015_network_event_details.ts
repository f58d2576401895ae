import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Seminars and meetings (issue #12), on top of 0014's events and registrations:
// - an event's agenda: items with a start (and optionally an end) time, in order;
// - needs at registration split into dietary, accessibility and interpretation (0014's `needs`
//   stays as "other needs");
// - a guest's links (hashed like accounts' tokens): 'confirm' proves the address and expires,
//   'cancel' lets the guest cancel until the event ends (every mail to a guest carries a new one);
// - reminder_sent_at: the reminder mail goes once per registration;
// - minutes after the event: Markdown with numbered revisions, as the handbook's sections have.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table network_agenda_item (
      id uuid primary key,
      event_id uuid not null references network_event (id) on delete cascade,
      position integer not null check (position between 0 and 1000),
      starts_at timestamptz not null,
      ends_at timestamptz,
      title text not null check (length(title) between 1 and 300),
      check (ends_at is null or ends_at >= starts_at),
      unique (event_id, position)
    );

    alter table network_registration
      add column needs_dietary text not null default '' check (length(needs_dietary) <= 1000),
      add column needs_accessibility text not null default '' check (length(needs_accessibility) <= 1000),
      add column needs_interpretation text not null default '' check (length(needs_interpretation) <= 1000),
      add column reminder_sent_at timestamptz;

    create table network_registration_token (
      token_hash text primary key,
      registration_id uuid not null references network_registration (id) on delete cascade,
      purpose text not null check (purpose in ('confirm', 'cancel')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index network_registration_token_registration on network_registration_token (registration_id);

    create table network_event_minutes (
      id uuid primary key,
      event_id uuid not null references network_event (id) on delete cascade,
      number integer not null check (number >= 1),
      body text not null check (length(body) <= 200000),
      author text,
      author_id uuid references app_user (id) on delete set null,
      note text check (note is null or length(note) <= 500),
      created_at timestamptz not null default now(),
      unique (event_id, number)
    );
  `);
}
