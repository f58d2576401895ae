import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The network's courses for experience consultants and staff (issue #12).
// - A course: title, for whom (one or more audiences), learning goals (one per line), format,
//   length in hours, the responsible network organisation; modules in order, each with a Markdown
//   body and attached files (kept in the database, only the allowed types, at most 10 MB each).
// - A course run is a network_event of kind 'course_run'; this migration links it to its course.
// - Per registration for a run: attendance marked by the organiser, and completion (who, when).
// - A certificate for a completed participation: a random code anyone can check, and the name and
//   course as they were when it was issued. It goes with the registration (and so with the account).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table network_course (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      title text not null check (length(title) between 1 and 200),
      summary text not null default '' check (length(summary) <= 1000),
      audiences text[] not null check (cardinality(audiences) >= 1
        and audiences <@ array['erfaringskonsulenter', 'kommune', 'spesialisthelsetjenesten', 'ledere']::text[]),
      learning_goals text not null default '' check (length(learning_goals) <= 4000),
      format text not null check (format in ('fysisk', 'digitalt', 'kombinert')),
      length_hours numeric(5, 1) not null check (length_hours > 0 and length_hours <= 1000),
      organization_id uuid not null references network_organization (id) on delete restrict,
      status text not null default 'draft' check (status in ('draft', 'published')),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table network_course_module (
      id uuid primary key,
      course_id uuid not null references network_course (id) on delete cascade,
      position integer not null check (position between 1 and 1000),
      title text not null check (length(title) between 1 and 200),
      body text not null default '' check (length(body) <= 100000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index network_course_module_course on network_course_module (course_id, position);

    create table network_course_material (
      id uuid primary key,
      module_id uuid not null references network_course_module (id) on delete cascade,
      file_name text not null check (length(file_name) between 1 and 200),
      media_type text not null check (media_type in ('application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'image/png', 'image/jpeg', 'text/plain')),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      content bytea not null check (octet_length(content) = size_bytes),
      created_at timestamptz not null default now()
    );
    create index network_course_material_module on network_course_material (module_id);

    alter table network_event add column course_id uuid references network_course (id) on delete restrict;
    alter table network_event add constraint network_event_course_is_run check (course_id is null or kind = 'course_run');
    create index network_event_course on network_event (course_id) where course_id is not null;

    create table network_course_participation (
      registration_id uuid primary key references network_registration (id) on delete cascade,
      attendance text check (attendance in ('attended', 'absent')),
      attendance_marked_by uuid references app_user (id) on delete set null,
      attendance_marked_at timestamptz,
      completed_at timestamptz,
      completed_by uuid references app_user (id) on delete set null,
      check (completed_at is null or attendance = 'attended')
    );

    create table network_course_certificate (
      id uuid primary key,
      registration_id uuid not null unique references network_registration (id) on delete cascade,
      code text not null unique check (code ~ '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$'),
      participant_name text not null check (length(participant_name) between 1 and 200),
      course_title text not null check (length(course_title) between 1 and 200),
      issued_at timestamptz not null default now()
    );
  `);
}
