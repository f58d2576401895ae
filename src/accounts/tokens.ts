import { randomToken, sha256 } from '../platform/crypto.ts';
import type { Tx, TokenPurpose } from '../platform/db/index.ts';

/** How long a link in a mail works. */
export const TOKEN_MINUTES: Record<TokenPurpose, number> = { verify_email: 24 * 60, reset_password: 60, change_email: 24 * 60 };

export interface IssueOptions {
  /** the link's lifetime; default TOKEN_MINUTES[purpose] */
  minutes?: number;
  /** the app's clock (config.clock), so lifetimes can be tested by moving it */
  now?: Date;
  /** the new address a 'change_email' token confirms */
  newEmail?: string | null;
}

/** A single-use, expiring token for a link; earlier unused ones of the same purpose stop working. */
export async function issueToken(db: Tx, userId: string, purpose: TokenPurpose, options: IssueOptions = {}): Promise<string> {
  const { minutes = TOKEN_MINUTES[purpose], now = new Date(), newEmail = null } = options;
  const token = randomToken();
  await spendTokens(db, userId, purpose, now);
  await db.insertInto('user_token').values({
    token_hash: sha256(token), user_id: userId, purpose, new_email: newEmail, created_at: now, expires_at: new Date(now.getTime() + minutes * 60_000),
  }).execute();
  return token;
}

/** Makes every unused link of this purpose stop working (e.g. when what it was for has been done another way). */
export async function spendTokens(db: Tx, userId: string, purpose: TokenPurpose, now = new Date()): Promise<void> {
  await db.updateTable('user_token').set({ used_at: now })
    .where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export type TokenCheck = { ok: true; userId: string; newEmail: string | null } | { ok: false; reason: 'expired' | 'used' | 'unknown' };

/** Whether a link still works, without using it up (to show the right page). */
export async function checkToken(db: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const row = await db.selectFrom('user_token').select(['user_id', 'new_email', 'used_at', 'expires_at'])
    .where('token_hash', '=', sha256(token)).where('purpose', '=', purpose).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id, newEmail: row.new_email };
}

/** Uses a token up: one statement, so two clicks at once cannot both succeed. */
export async function consumeToken(db: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const row = await db.updateTable('user_token').set({ used_at: now })
    .where('token_hash', '=', sha256(token)).where('purpose', '=', purpose)
    .where('used_at', 'is', null).where('expires_at', '>', now)
    .returning(['user_id', 'new_email']).executeTakeFirst();
  return row ? { ok: true, userId: row.user_id, newEmail: row.new_email } : checkToken(db, token, purpose, now);
}
