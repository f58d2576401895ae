import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The network's evidence library (issue #12): studies, reviews, guidelines and other sources.
// - key: the citation key other pages cite an entry by (handbook sources "@key"); stable.
// - The bibliographic facts have columns of their own (they are edited in forms and filtered on);
//   csl keeps the whole CSL-JSON record as imported (volume, issue, pages, identifiers, note), and
//   the columns win over it on export.
// - doi is stored normalised (lower case, no resolver prefix): duplicates are found by it.
// - authors_incomplete: the source shows only some authors ("et al."); citations say "mfl.".
// - design, population: null = not registered. outcomes: a JSON array of outcome codes.
// - checked_at null = "ikke kontrollert"; a secretariat user marks an entry checked (audited).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table evidence_entry (
      id uuid primary key,
      key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
      kind text not null default 'study' check (kind in ('study', 'guideline', 'resource')),
      title text not null check (length(title) between 1 and 1000),
      authors jsonb not null default '[]',
      authors_incomplete boolean not null default false,
      year integer check (year is null or year between 1900 and 2100),
      container_title text not null default '' check (length(container_title) <= 500),
      doi text check (doi is null or (doi = lower(doi) and doi ~ '^10\\.[0-9]{4,9}/\\S+$')),
      url text check (url is null or url ~ '^https?://'),
      csl jsonb not null default '{}',
      design text check (design is null or design in ('systematic_review', 'rct', 'cohort', 'qualitative', 'other')),
      population text check (population is null or population in ('rus', 'mental_health', 'both')),
      setting text not null default '' check (length(setting) <= 500),
      outcomes jsonb not null default '[]',
      main_finding text not null default '' check (length(main_finding) <= 4000),
      effect_size text not null default '' check (length(effect_size) <= 1000),
      effect_size_source text not null default '' check (length(effect_size_source) <= 500),
      origin text not null check (origin in ('seed', 'import', 'form')),
      checked_by uuid references app_user (id) on delete set null,
      checked_at timestamptz,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index evidence_entry_doi on evidence_entry (doi) where doi is not null;
    create index evidence_entry_year on evidence_entry (year);
  `);
}
