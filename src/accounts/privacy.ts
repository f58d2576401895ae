import { sql } from 'kysely';
import type { AccountsTx } from './tables.ts';

/**
 * Everything Samklang holds about one account, for "download my data". It reads the
 * self-service tables too (change requests, organisation claims), which name the account by id.
 */
export async function personalData(db: AccountsTx, userId: string) {
  const user = await db.selectFrom('app_user')
    .select(['id', 'email', 'name', 'is_admin', 'email_verified_at', 'created_at', 'last_login_at', 'oidc_issuer', 'oidc_subject'])
    .where('id', '=', userId).executeTakeFirstOrThrow();
  const [roles, sessions, audit, mails, changeRequests, claims, imports] = await Promise.all([
    db.selectFrom('organization_editor as e').innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['o.id as organization_id', 'o.name as organization_name', 'e.granted_at']).where('e.user_id', '=', userId).execute(),
    db.selectFrom('user_session').select(['created_at', 'last_seen_at', 'expires_at', 'device']).where('user_id', '=', userId).execute(),
    db.selectFrom('audit_log').select(['resource_id', 'resource_type', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value'])
      .where('updated_by', '=', userId).orderBy('last_action_date').execute(),
    db.selectFrom('mail_outbox').select(['subject', 'created_at', 'sent_at']).where(sql`lower(to_address)`, '=', user.email.toLowerCase()).orderBy('created_at').execute(),
    sql<{ id: string; service_id: string; status: string; created_at: Date }>`select id, service_id, status, created_at from change_request where created_by = ${userId} order by created_at`.execute(db),
    sql<{ organization_id: string; status: string; created_at: Date }>`select organization_id, status, created_at from organization_claim where user_id = ${userId} order by created_at`.execute(db),
    sql<{ id: string; source: string; status: string; created_at: Date }>`select id, source, status, created_at from import_run where created_by = ${userId} order by created_at`.execute(db),
  ]);
  return { user, editorOf: roles, sessions, auditEntries: audit, mails, changeRequests: changeRequests.rows, organizationClaims: claims.rows, imports: imports.rows };
}

/**
 * Deletes an account: name, email, password, sessions, tokens and roles go; audit entries keep the
 * account id, which is shown as a pseudonym once no account has it. Where the account's email was
 * copied into directory data (the assurer of a service), it is removed too.
 */
export async function deleteAccount(db: AccountsTx, userId: string): Promise<void> {
  const user = await db.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst();
  if (!user) return;
  await db.updateTable('service').set({ assurer_email: null }).where(sql`lower(assurer_email)`, '=', user.email.toLowerCase()).execute();
  await db.deleteFrom('mail_outbox').where(sql`lower(to_address)`, '=', user.email.toLowerCase()).execute();
  await sql`delete from error_report where lower(reporter_email) = ${user.email.toLowerCase()} and status = 'resolved'`.execute(db);
  await db.deleteFrom('app_user').where('id', '=', userId).execute();
}
