import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Anonymous experience surveys per offer (issue #14). Nothing identifying is stored:
// - an answer holds the offer, the version of the questions it answered, the month it came in
//   (year-month only, never a day or time), the scores and the optional free text; no account,
//   address, user agent or cookie value;
// - answers beyond an offer's daily cap are kept aside (held_for_moderation) and left out of results;
// - the daily cap counts in experience_survey_day, which keeps only today's count per offer (older
//   rows are deleted on the next answer), so no day of an answer outlives that day.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table experience_survey_answer (
      id uuid primary key,
      service_id uuid not null references service (id) on delete cascade,
      question_version text not null check (question_version ~ '^v[0-9]+$'),
      answered_month text not null check (answered_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      free_text text check (free_text is null or length(free_text) between 1 and 2000),
      held_for_moderation boolean not null default false,
      is_demo boolean not null default false
    );
    create index experience_survey_answer_service on experience_survey_answer (service_id, question_version, answered_month);

    create table experience_survey_score (
      answer_id uuid not null references experience_survey_answer (id) on delete cascade,
      question text not null check (question ~ '^[a-z_]{1,40}$'),
      -- null: "vet ikke"
      score smallint check (score is null or score between 1 and 5),
      primary key (answer_id, question)
    );

    create table experience_survey_day (
      service_id uuid not null references service (id) on delete cascade,
      day date not null,
      answers integer not null default 0,
      primary key (service_id, day)
    );
  `);
}
