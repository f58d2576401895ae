import { sql } from 'kysely';
import type { SessionUser } from './contract.ts';
import { randomToken, sha256 } from '../platform/crypto.ts';
import { deviceOf } from './device.ts';
import type { Tx } from '../platform/db/index.ts';
import { editorOfSql } from './users.ts';

/** A session ends 14 days after sign-in, or after 2 hours without a request, whichever comes first. */
export const SESSION_DAYS = 14;
export const SESSION_IDLE_MINUTES = 120;
/** "last seen" is written at most once a minute, not on every request */
const TOUCH_MS = 60_000;

const idleSince = (at: Date) => new Date(at.getTime() - SESSION_IDLE_MINUTES * 60_000);

/** Times are the app's clock (config.clock), so the idle timeout can be tested by moving it. */

/** Starts a session; returns the cookie value (only its hash is stored). */
export async function createSession(db: Tx, userId: string, at: Date, userAgent?: string): Promise<string> {
  const token = randomToken();
  await db.insertInto('user_session').values({
    id_hash: sha256(token), user_id: userId, created_at: at, last_seen_at: at,
    expires_at: new Date(at.getTime() + SESSION_DAYS * 86_400_000), device: deviceOf(userAgent),
  }).execute();
  return token;
}

export async function endSession(db: Tx, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', sha256(token)).execute();
}

export async function endAllSessions(db: Tx, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** Signs an account out everywhere but in the browser that holds `keepToken`. */
export async function endOtherSessions(db: Tx, userId: string, keepToken: string): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).where('id_hash', '<>', sha256(keepToken)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The person a session cookie belongs to, with their roles, or null when it is unknown, expired or idle too long. */
export async function userForSession(db: Tx, token: string, at: Date): Promise<SessionUser | null> {
  const row = await db.selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.is_admin', 'u.language', 's.last_seen_at', 's.id_hash'])
    .select(editorOfSql.as('editor_of'))
    .where('s.id_hash', '=', sha256(token)).where('s.expires_at', '>', at).where('s.last_seen_at', '>', idleSince(at))
    .executeTakeFirst();
  if (!row) return null;
  // the idle timeout slides with use; a write per request would be wasteful, once a minute is enough
  if (at.getTime() - row.last_seen_at.getTime() >= TOUCH_MS) {
    await db.updateTable('user_session').set({ last_seen_at: at }).where('id_hash', '=', row.id_hash).execute();
  }
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin, editorOf: row.editor_of, language: row.language };
}

export interface SessionSummary {
  /** the session of the browser asking */
  current: boolean;
  device: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** An account's live sessions, the asking browser's first, then the most recently used. */
export async function listSessions(db: Tx, userId: string, currentToken: string | null, at: Date): Promise<SessionSummary[]> {
  const currentHash = currentToken ? sha256(currentToken) : '';
  const rows = await db.selectFrom('user_session').select(['id_hash', 'device', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId).where('expires_at', '>', at).where('last_seen_at', '>', idleSince(at))
    .orderBy(sql`id_hash = ${currentHash}`, 'desc').orderBy('last_seen_at', 'desc').orderBy('id_hash').execute();
  return rows.map((r) => ({ current: r.id_hash === currentHash, device: r.device, createdAt: r.created_at, lastSeenAt: r.last_seen_at }));
}

/** Sessions that ended (by age or idleness) are removed by the nightly job. */
export async function pruneSessions(db: Tx, at: Date): Promise<void> {
  await db.deleteFrom('user_session').where((eb) => eb.or([eb('expires_at', '<', at), eb('last_seen_at', '<', idleSince(at))])).execute();
}
