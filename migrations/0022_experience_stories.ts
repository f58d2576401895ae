import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Stories told with consent (issue #14, "Erfaringer"). No patient data: a teller is never named,
// and no name, phone, email or birth date of a teller is stored; the interviewer keeps any link to
// the person outside Samklang.
// - A story: pseudonym, age band, health region (never a municipality), setting and service level
//   (taxonomy codes), the interview's year, the text, who wrote it (a network member), its status
//   (utkast → til_gjennomlesing → godkjent → publisert) and who published it. The withdrawal code is
//   stored only as a SHA-256 hash. withdrawn_at set: gone from every page at once; the row is
//   deleted by a job after the grace period.
// - Excerpts: short quotes tagged by theme.
// - Consent per purpose (website, reports and presentations, handbook quotes) with the date given and
//   the version of the consent text the teller saw.
// - Cleared identifiers: flags of the identifier check an editor has judged harmless.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table experience_story (
      id uuid primary key,
      pseudonym text not null check (length(pseudonym) <= 80),
      age_band text not null check (age_band in ('under-25', '25-39', '40-59', '60-og-over')),
      health_region_code text not null references health_region (code),
      setting text not null check (length(setting) between 1 and 60),
      service_level text not null check (service_level in ('lavterskel', 'oppfolging', 'behandling')),
      interview_year integer not null check (interview_year between 2000 and 2100),
      body text not null default '' check (length(body) <= 20000),
      status text not null default 'utkast' check (status in ('utkast', 'til_gjennomlesing', 'godkjent', 'publisert')),
      author_id uuid references app_user (id) on delete set null,
      published_by uuid references app_user (id) on delete set null,
      published_at timestamptz,
      withdrawal_code_hash text not null unique,
      withdrawn_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index experience_story_author on experience_story (author_id);
    create index experience_story_published_by on experience_story (published_by);

    create table experience_story_excerpt (
      story_id uuid not null references experience_story (id) on delete cascade,
      position integer not null check (position between 0 and 19),
      theme text not null check (theme in ('mestring', 'tilhorighet', 'brukerstyring', 'motivasjon', 'folelser', 'fellesskap', 'veien-inn', 'vanskelig')),
      body text not null check (length(body) between 1 and 1000),
      primary key (story_id, position)
    );
    create index experience_story_excerpt_theme on experience_story_excerpt (theme);

    create table experience_story_consent (
      story_id uuid not null references experience_story (id) on delete cascade,
      purpose text not null check (purpose in ('nettside', 'rapporter', 'handbok')),
      given_on date not null,
      text_version text not null check (length(text_version) between 1 and 40),
      recorded_by uuid references app_user (id) on delete set null,
      primary key (story_id, purpose)
    );

    create table experience_story_cleared (
      story_id uuid not null references experience_story (id) on delete cascade,
      token text not null check (length(token) between 1 and 200),
      cleared_by uuid references app_user (id) on delete set null,
      primary key (story_id, token)
    );
  `);
}
