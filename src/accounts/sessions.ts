import { sql } from 'kysely';
import type { SessionUser } from './contract.ts';
import { randomToken, sha256 } from './crypto.ts';
import type { AccountsTx } from './tables.ts';
import { editorOfSql } from './users.ts';

export const SESSION_DAYS = 14;

/** Starts a session; returns the cookie value (only its hash is stored). */
export async function createSession(db: AccountsTx, userId: string): Promise<string> {
  const token = randomToken();
  await db.insertInto('user_session').values({
    id_hash: sha256(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  }).execute();
  return token;
}

export async function endSession(db: AccountsTx, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', sha256(token)).execute();
}

export async function endAllSessions(db: AccountsTx, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** The person a session cookie belongs to, with their roles, or null when it is unknown or expired. */
export async function userForSession(db: AccountsTx, token: string): Promise<SessionUser | null> {
  const row = await db.selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.is_admin', 's.last_seen_at', 's.id_hash'])
    .select(editorOfSql.as('editor_of'))
    .where('s.id_hash', '=', sha256(token)).where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return null;
  // a write per request would be wasteful: "last seen" to the nearest ten minutes is enough
  if (Date.now() - row.last_seen_at.getTime() > 600_000) {
    await db.updateTable('user_session').set({ last_seen_at: sql`now()` }).where('id_hash', '=', row.id_hash).execute();
  }
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin, editorOf: row.editor_of };
}
