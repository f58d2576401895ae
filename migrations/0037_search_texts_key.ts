import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The finder keeps its answers to the public as sent (finder/page-cache.ts). They show the finder's
// row and, beside it, texts the row does not hold as written: the description and the
// translations' names and descriptions (hitTexts, hitNameTranslations). Until now the kept answers
// were therefore dropped at any change of the directory (directory_version), the waiting time or a
// phone number included: every instance computed its finder answers again after each such save.
// texts_key names those texts (MD5 of them as JSON, like terms_key), so a change of them changes the
// row, which moves search_version; the kept answers then follow search_version alone. Rows written
// before this migration have none until they are built again (write.ts SEARCH_INDEX_FORMAT 4 builds
// them all at the next start).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, 'alter table service_search add column texts_key uuid;');
}
