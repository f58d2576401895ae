import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The language an account last chose (issue #17): mail to that person (reminders, decisions,
// invitations) is written in it. Null until the person chooses one; mail then follows the language
// of the request that sends it, or bokmål from a scheduled job.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table app_user add column language text check (language in ('nb', 'nn', 'en'));
  `);
}
