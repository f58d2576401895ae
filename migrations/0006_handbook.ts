import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The establishment handbook (sections with revision history, searchable with the same Norwegian
// stemmer as the finder) and the establishment planner (plans shared by email, checklist state).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table handbook_section (
      id uuid primary key,
      slug text not null unique,
      -- file path below content/handbook/nb, e.g. '2-planlegging/02-stillingsstorrelse.md'
      source_path text not null unique,
      part text not null,
      sort_order integer not null unique,
      title text not null,
      summary text not null,
      sources jsonb not null,
      checklist jsonb not null,
      body text not null,
      -- the body as plain text (no Markdown marks), for search snippets
      body_text text not null,
      status text not null check (status in ('utkast', 'gjennomgått')),
      last_reviewed date,
      reviewed_by text,
      -- sha256 of the file text the database content was last equal to (synced or exported)
      file_checksum text not null,
      -- an admin changed the section in the browser since then: file sync must not overwrite it
      edited_in_db boolean not null default false,
      updated_at timestamptz not null default now(),
      document tsvector generated always as (
        setweight(to_tsvector('norwegian', title), 'A')
        || setweight(to_tsvector('norwegian', summary), 'B')
        || setweight(to_tsvector('norwegian', body_text), 'C')
      ) stored
    );
    create index handbook_section_document on handbook_section using gin (document);

    create table handbook_revision (
      id uuid primary key,
      section_id uuid not null references handbook_section (id) on delete cascade,
      number integer not null,
      title text not null,
      summary text not null,
      sources jsonb not null,
      body text not null,
      -- 'file' (synced from content/) or 'browser' (an admin's edit)
      origin text not null check (origin in ('file', 'browser')),
      author text,
      note text,
      created_at timestamptz not null default now(),
      unique (section_id, number)
    );

    create table establishment_plan (
      id uuid primary key,
      title text not null,
      organization_name text not null,
      setting text not null,
      municipality_number char(4) not null references municipality (number),
      service_level text not null check (service_level in ('lavterskel', 'oppfolging', 'behandling')),
      created_by_email text not null,
      -- the memo's free text (need, proposal, risks ...), the readiness answers and the business
      -- case inputs: each a JSON object the application validates, so adding a field needs no migration
      memo jsonb not null default '{}',
      readiness jsonb not null default '{}',
      business_case jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    -- access by email: an invitation is a row, accepted by signing in with that address
    create table establishment_plan_member (
      plan_id uuid not null references establishment_plan (id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('owner', 'editor', 'viewer')),
      invited_by_email text,
      created_at timestamptz not null default now(),
      primary key (plan_id, email)
    );
    create index establishment_plan_member_email on establishment_plan_member (email);

    create table establishment_plan_item (
      plan_id uuid not null references establishment_plan (id) on delete cascade,
      -- a checklist item id from the handbook's front matter (stable, never reused)
      item_id text not null,
      status text not null default 'open' check (status in ('open', 'done', 'not_relevant')),
      owner text,
      due_date date,
      comment text,
      updated_at timestamptz not null default now(),
      updated_by_email text,
      primary key (plan_id, item_id)
    );
  `);
}
