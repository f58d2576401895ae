import { sql } from 'kysely';
import type { Tx } from '../platform/db/index.ts';
import { currentLanguage, isOffered, withLanguage } from '../platform/i18n/index.ts';
import { isLanguage } from '../platform/i18n/language.ts';
import { normaliseEmail } from '../platform/text.ts';

/**
 * Runs `work` (composing and queueing a mail) in the language of the account at `email`: the one it
 * last chose, else the language of the request or job that sends it (bokmål in a job). Mail to
 * someone else — a decision, a reminder, an invitation — is so written in the recipient's language.
 */
export async function inLanguageOf<T>(db: Tx, email: string, work: () => Promise<T>): Promise<T> {
  const row = await db.selectFrom('app_user').select('language').where(sql`lower(email)`, '=', normaliseEmail(email)).executeTakeFirst();
  const stored = row?.language;
  const language = isLanguage(stored) && isOffered(stored) ? stored : currentLanguage();
  return withLanguage(language, work);
}
