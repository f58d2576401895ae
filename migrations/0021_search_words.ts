import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// What the finder's search document holds changed (issue #13, item 2): the classification in
// people's words, postal places and location names. search_version remembers which format of the
// document the rows were built with, so the app rebuilds them once at start when the format is
// newer than the rows (src/setup.ts); a migration cannot, as it never imports app code.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table search_version add column index_format integer not null default 0;
  `);
}
