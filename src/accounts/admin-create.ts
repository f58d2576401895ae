import { sql } from 'kysely';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { paths } from '../platform/paths.ts';
import { EMAIL_PATTERN } from '../platform/forms/index.ts';
import { issueToken } from './tokens.ts';
import { clearUnproven, createUser, findUserByEmail } from './users.ts';

/**
 * Makes an account an admin, creating it when missing. No password is set or printed: the result
 * is a single-use link (valid 24 hours) where the person chooses one.
 */
export async function createAdmin(db: Db, config: Pick<Config, 'publicUrl'>, options: { email: string; name: string | null }): Promise<{ created: boolean; link: string }> {
  if (!new RegExp(EMAIL_PATTERN).test(options.email)) throw new Error(`Not an email address: ${options.email}`);
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, options.email);
    const id = existing?.id ?? await createUser(trx, { email: options.email, name: options.name, passwordHash: null, verified: true, isAdmin: true });
    // a password or name chosen by whoever registered the address, unproven, must not become an admin's
    if (existing) await clearUnproven(trx, id, options.name);
    if (existing) await trx.updateTable('app_user').set({ is_admin: true, email_verified_at: sql`coalesce(email_verified_at, now())` }).where('id', '=', id).execute();
    const token = await issueToken(trx, id, 'reset_password', { minutes: 24 * 60 });
    return { created: !existing, link: `${config.publicUrl}${paths.accounts.reset(token)}` };
  });
}
