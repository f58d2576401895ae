import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Ideas that become actions (issue #12): what the network's seminars and members propose, and what
// the secretariat does about it.
// - An idea belongs to an event or stands alone. A signed-in person submits it (author_id), or the
//   secretariat enters one captured on paper at a seminar: source 'seminar', credited to that event,
//   no person named (author_id null, entered_by the secretariat member).
// - A support is one person's "I support this" (one per person and idea: the primary key).
// - A comment is a signed-in person's; the secretariat may hide an idea or a comment with a reason.
// - An action is what the secretariat makes of one or more ideas: an idea points to the action it
//   became (action_id). Its timeline is network_action_update; links to other Samklang pages are
//   network_action_link (internal paths only).
// - On account deletion ideas stay without their author; supports and comments are deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table network_action (
      id uuid primary key,
      title text not null check (length(title) between 1 and 200),
      description text not null default '' check (length(description) <= 4000),
      organization_id uuid references network_organization (id) on delete set null,
      contact text not null default '' check (length(contact) <= 300),
      start_date date,
      due_date date,
      status text not null default 'planlagt' check (status in ('planlagt', 'i_gang', 'ferdig', 'lagt_bort')),
      status_reason text check (status_reason is null or length(status_reason) between 1 and 1000),
      progress integer not null default 0 check (progress between 0 and 100),
      is_demo boolean not null default false,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (start_date is null or due_date is null or due_date >= start_date),
      check (status <> 'lagt_bort' or status_reason is not null)
    );

    create table network_action_update (
      id uuid primary key,
      action_id uuid not null references network_action (id) on delete cascade,
      happened_on date not null,
      body text not null check (length(body) between 1 and 4000),
      status text check (status is null or status in ('planlagt', 'i_gang', 'ferdig', 'lagt_bort')),
      progress integer check (progress is null or progress between 0 and 100),
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index network_action_update_action on network_action_update (action_id, happened_on);

    create table network_action_link (
      action_id uuid not null references network_action (id) on delete cascade,
      position integer not null check (position between 0 and 19),
      path text not null check (path ~ '^/[^/]' and length(path) <= 300),
      label text not null check (length(label) between 1 and 200),
      primary key (action_id, position)
    );

    create table network_idea (
      id uuid primary key,
      event_id uuid references network_event (id) on delete set null,
      title text not null check (length(title) between 1 and 200),
      description text not null default '' check (length(description) <= 4000),
      theme text not null check (theme in ('tilgang', 'kompetanse', 'okonomi', 'brukermedvirkning', 'forskning', 'etablering')),
      source text not null check (source in ('person', 'seminar')),
      author_id uuid references app_user (id) on delete set null,
      entered_by uuid references app_user (id) on delete set null,
      action_id uuid references network_action (id) on delete set null,
      hidden_reason text check (hidden_reason is null or length(hidden_reason) between 1 and 1000),
      hidden_by uuid references app_user (id) on delete set null,
      hidden_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (source <> 'seminar' or author_id is null)
    );
    create index network_idea_event on network_idea (event_id);
    create index network_idea_action on network_idea (action_id);
    create index network_idea_author on network_idea (author_id);

    create table network_idea_support (
      idea_id uuid not null references network_idea (id) on delete cascade,
      user_id uuid not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (idea_id, user_id)
    );
    create index network_idea_support_user on network_idea_support (user_id);

    create table network_idea_comment (
      id uuid primary key,
      idea_id uuid not null references network_idea (id) on delete cascade,
      author_id uuid not null references app_user (id) on delete cascade,
      body text not null check (length(body) between 1 and 2000),
      hidden_reason text check (hidden_reason is null or length(hidden_reason) between 1 and 1000),
      hidden_by uuid references app_user (id) on delete set null,
      hidden_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index network_idea_comment_idea on network_idea_comment (idea_id, created_at);
    create index network_idea_comment_author on network_idea_comment (author_id);
  `);
}
