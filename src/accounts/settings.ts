import { sql } from 'kysely';
import type { Tx } from '../platform/db/index.ts';
import { consumeToken } from './tokens.ts';
import { findUserByEmail, normaliseEmail } from './users.ts';

/** The new address an account has asked for and not yet confirmed, if any. */
export async function pendingEmailChange(db: Tx, userId: string): Promise<string | null> {
  const row = await db.selectFrom('user_token').select('new_email')
    .where('user_id', '=', userId).where('purpose', '=', 'change_email').where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.new_email ?? null;
}

export type EmailChange = { ok: true; email: string } | { ok: false; reason: 'expired' | 'used' | 'unknown' | 'taken' };

/**
 * Uses a link that confirms a new address: the address becomes the account's (and counts as
 * verified, since the link reached it) unless another account has taken it meanwhile. The
 * caller runs this in a transaction.
 */
export async function confirmEmailChange(db: Tx, token: string, now: Date): Promise<EmailChange> {
  const used = await consumeToken(db, token, 'change_email', now);
  if (!used.ok) return used;
  const email = normaliseEmail(used.newEmail ?? '');
  const holder = await findUserByEmail(db, email);
  if (!email || (holder && holder.id !== used.userId)) return { ok: false, reason: 'taken' };
  await db.updateTable('app_user').set({ email, email_verified_at: now }).where('id', '=', used.userId).execute();
  return { ok: true, email };
}
