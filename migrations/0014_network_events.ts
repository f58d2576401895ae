import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The network's events (seminars, network meetings, webinars, course runs) and registrations for
// them: the core that events, ideas and courses all build on (issue #12).
// - An event has a kind; a course run is an event of kind 'course_run' (its course is linked by the
//   courses migration). capacity null means no limit.
// - A registration is an account's or a guest's (by email, confirmed by a link). Its status:
//   'unconfirmed' (a guest has not followed the link yet), 'registered', 'waiting' (the event was
//   full; waiting_since orders the list), 'cancelled'. needs (dietary, accessibility,
//   interpretation) is seen only by the event's organisers.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table network_event (
      id uuid primary key,
      kind text not null check (kind in ('arbeidsseminar', 'nettverksmote', 'webinar', 'course_run')),
      title text not null check (length(title) between 1 and 200),
      purpose text not null default '' check (length(purpose) <= 4000),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place text not null default '' check (length(place) <= 500),
      online_url text check (online_url is null or online_url ~ '^https://'),
      organizer_id uuid references network_organization (id) on delete set null,
      capacity integer check (capacity is null or capacity between 1 and 10000),
      registration_deadline timestamptz,
      accessibility text not null default '' check (length(accessibility) <= 2000),
      status text not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
      is_demo boolean not null default false,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at >= starts_at)
    );
    create index network_event_starts on network_event (starts_at);

    create table network_registration (
      id uuid primary key,
      event_id uuid not null references network_event (id) on delete cascade,
      user_id uuid references app_user (id) on delete cascade,
      guest_email text check (guest_email is null or guest_email = lower(guest_email)),
      guest_name text check (guest_name is null or length(guest_name) <= 200),
      status text not null check (status in ('unconfirmed', 'registered', 'waiting', 'cancelled')),
      needs text not null default '' check (length(needs) <= 2000),
      created_at timestamptz not null default now(),
      confirmed_at timestamptz,
      waiting_since timestamptz,
      cancelled_at timestamptz,
      check ((user_id is null) <> (guest_email is null))
    );
    create unique index network_registration_user on network_registration (event_id, user_id) where user_id is not null;
    create unique index network_registration_guest on network_registration (event_id, guest_email) where guest_email is not null;
    create index network_registration_event on network_registration (event_id, status);
  `);
}
