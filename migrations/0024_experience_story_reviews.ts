import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The teller's review of a story (issue #14: "til gjennomlesing hos fortelleren → godkjent av
// fortelleren"). The teller has no account: with the code on their receipt they read the draft and
// approve it or ask for changes. A response keeps the story, the decision, an optional comment and
// when; nothing about who sent it (no address, user agent or account). It goes with the story: a
// withdrawn story's responses are erased with it.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table experience_story_review (
      id uuid primary key,
      story_id uuid not null references experience_story (id) on delete cascade,
      decision text not null check (decision in ('godkjent', 'endringer')),
      comment text check (comment is null or length(comment) between 1 and 2000),
      created_at timestamptz not null default now()
    );
    create index experience_story_review_story on experience_story_review (story_id, created_at);
  `);
}
