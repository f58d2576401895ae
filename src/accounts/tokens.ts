import { sql } from 'kysely';
import { randomToken, sha256 } from './crypto.ts';
import type { AccountsTx, TokenPurpose } from './tables.ts';

/** How long a link in a mail works. */
export const TOKEN_MINUTES: Record<TokenPurpose, number> = { verify_email: 24 * 60, reset_password: 60, change_email: 24 * 60 };

/**
 * A single-use, expiring token for a link; earlier unused ones of the same purpose stop working.
 * A 'change_email' token carries the new address it confirms.
 */
export async function issueToken(db: AccountsTx, userId: string, purpose: TokenPurpose, minutes = TOKEN_MINUTES[purpose], newEmail: string | null = null): Promise<string> {
  const token = randomToken();
  await db.updateTable('user_token').set({ used_at: sql`now()` })
    .where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  await db.insertInto('user_token').values({
    token_hash: sha256(token), user_id: userId, purpose, new_email: newEmail, expires_at: new Date(Date.now() + minutes * 60_000),
  }).execute();
  return token;
}

export type TokenCheck = { ok: true; userId: string; newEmail: string | null } | { ok: false; reason: 'expired' | 'used' | 'unknown' };

/** Whether a link still works, without using it up (to show the right page). */
export async function checkToken(db: AccountsTx, token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const row = await db.selectFrom('user_token').select(['user_id', 'new_email', 'used_at', sql<boolean>`expires_at <= now()`.as('expired')])
    .where('token_hash', '=', sha256(token)).where('purpose', '=', purpose).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expired) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id, newEmail: row.new_email };
}

/** Uses a token up: one statement, so two clicks at once cannot both succeed. */
export async function consumeToken(db: AccountsTx, token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const row = await db.updateTable('user_token').set({ used_at: sql`now()` })
    .where('token_hash', '=', sha256(token)).where('purpose', '=', purpose)
    .where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id', 'new_email']).executeTakeFirst();
  return row ? { ok: true, userId: row.user_id, newEmail: row.new_email } : checkToken(db, token, purpose);
}
