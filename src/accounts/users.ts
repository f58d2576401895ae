import { sql } from 'kysely';
import { newId } from '../platform/ids.ts';
import type { Tx, UserTable } from '../platform/db/index.ts';
import { spendTokens } from './tokens.ts';
import { normaliseEmail } from '../platform/text.ts';
import { currentLanguage } from '../platform/i18n/index.ts';

export type UserRow = { id: string; email: string; name: string | null; password_hash: string | null; email_verified_at: Date | null; is_admin: boolean };

const COLUMNS = ['id', 'email', 'name', 'password_hash', 'email_verified_at', 'is_admin'] as const;

export { normaliseEmail };

export function findUserByEmail(db: Tx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(COLUMNS).where(sql`lower(email)`, '=', normaliseEmail(email)).executeTakeFirst();
}

export function findUserById(db: Tx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The organisations an account (aliased `u`) edits, as a select expression. */
export const editorOfSql = sql<string[]>`array(select organization_id::text from organization_editor e where e.user_id = u.id order by 1)`;

/** An account's roles as they are now (a role may have ended since it last signed in). */
export async function findRoles(db: Tx, id: string): Promise<{ id: string; isAdmin: boolean; editorOf: string[] } | undefined> {
  const row = await db.selectFrom('app_user as u').select(['u.id', 'u.is_admin', editorOfSql.as('editor_of')]).where('u.id', '=', id).executeTakeFirst();
  return row && { id: row.id, isAdmin: row.is_admin, editorOf: row.editor_of };
}

export async function createUser(db: Tx, user: { email: string; name: string | null; passwordHash: string | null; verified: boolean; isAdmin?: boolean; oidc?: { issuer: string; subject: string } }): Promise<string> {
  const id = newId();
  const row: Partial<Record<keyof UserTable, unknown>> = {
    id, email: normaliseEmail(user.email), name: user.name, password_hash: user.passwordHash,
    email_verified_at: user.verified ? new Date() : null, is_admin: user.isAdmin ?? false,
    oidc_issuer: user.oidc?.issuer ?? null, oidc_subject: user.oidc?.subject ?? null,
    // the language the account was made in: mail to it follows until the person chooses another
    language: currentLanguage(),
  };
  await db.insertInto('app_user').values(row as never).execute();
  return id;
}

/** Sets a new password; a pending change of email address is cancelled (its link stops working). */
export async function setPassword(db: Tx, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  await db.updateTable('user_token').set({ used_at: sql`now()` })
    .where('user_id', '=', userId).where('purpose', '=', 'change_email').where('used_at', 'is', null).execute();
}

export async function markVerified(db: Tx, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ email_verified_at: sql`coalesce(email_verified_at, now())` }).where('id', '=', userId).execute();
}

/**
 * Before an address is proved, whatever the registrant chose is only a claim: when someone proves
 * the address another way (single sign-on, an admin link), an unverified account keeps neither
 * the password nor the name typed at registration, and its pending verification links stop working.
 * Returns whether the account was unverified (and so was cleared).
 */
export async function clearUnproven(db: Tx, userId: string, name: string | null): Promise<boolean> {
  const cleared = await db.updateTable('app_user').set({ password_hash: null, name })
    .where('id', '=', userId).where('email_verified_at', 'is', null).returning('id').executeTakeFirst();
  if (cleared) await spendTokens(db, userId, 'verify_email');
  return cleared !== undefined;
}

export async function noteLogin(db: Tx, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute();
}

export async function grantEditor(db: Tx, userId: string, organizationId: string): Promise<void> {
  await db.insertInto('organization_editor').values({ user_id: userId, organization_id: organizationId })
    .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing()).execute();
}

/** Everyone who may edit an organisation's entries, for mail about them. */
export function editorsOf(db: Tx, organizationId: string): Promise<{ id: string; email: string; name: string | null }[]> {
  return db.selectFrom('organization_editor as e').innerJoin('app_user as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.email', 'u.name']).where('e.organization_id', '=', organizationId).orderBy('u.email').execute();
}
