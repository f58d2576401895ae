import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../platform/db/index.ts';
import { sha256 } from '../platform/crypto.ts';
import { normaliseEmail } from '../platform/text.ts';

/** The account a privacy request is about. */
export interface DataSubject {
  id: string;
  email: string;
}

/** What deleting an account will do to one kind of record, said on the confirm page before it happens. */
export interface DeletionNotice {
  /** the list's element id on the confirm page */
  id: string;
  heading: string;
  items: string[];
}

/**
 * Records another domain keeps about an account (the handbook's plans, for instance). Accounts
 * imports no other domain, so each registers its part here and the download and the deletion
 * cover it. All three run inside the caller's transaction.
 */
export interface PersonalDataSource {
  /** more top-level fields for the data download */
  collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>>;
  /** what deletion will do, when it does more than remove the records silently */
  notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null>;
  /** runs before the account row is deleted, so the account's rows can still be found */
  erase(db: Tx, subject: DataSubject): Promise<void>;
}

export interface PersonalDataRegistry {
  register(source: PersonalDataSource): void;
  readonly sources: readonly PersonalDataSource[];
}

export function createPersonalDataRegistry(): PersonalDataRegistry {
  const sources: PersonalDataSource[] = [];
  return { register: (source) => { sources.push(source); }, sources };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** every domain's records about an account, for the data download and account deletion */
    personalData: PersonalDataRegistry;
  }
}

/** Rate-limit buckets name an account by the SHA-256 of its address, never the address itself. */
const accountBucket = (email: string) => `%:${sha256(normaliseEmail(email))}`;

/**
 * Everything Samklang holds about one account, for "download my data": every table that names the
 * account by id or by its address (classified in test/accounts/privacy-page.db.test.ts), secrets excepted (password
 * hash, session and token hashes).
 */
export async function personalData(db: Tx, userId: string, sources: readonly PersonalDataSource[] = []) {
  const user = await db.selectFrom('app_user')
    .select(['id', 'email', 'name', 'is_admin', 'email_verified_at', 'created_at', 'last_login_at', 'oidc_issuer', 'oidc_subject', 'language'])
    .where('id', '=', userId).executeTakeFirstOrThrow();
  const email = user.email.toLowerCase();
  const rows = async (query: RawBuilder<unknown>) => (await query.execute(db)).rows;
  const [roles, sessions, tokens, audit, auditAbout, mails, changeRequests, claims, imports, errorReports, decisions, signInAttempts] = await Promise.all([
    db.selectFrom('organization_editor as e').innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['o.id as organization_id', 'o.name as organization_name', 'e.granted_at']).where('e.user_id', '=', userId).execute(),
    db.selectFrom('user_session').select(['created_at', 'last_seen_at', 'expires_at', 'device']).where('user_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('user_token').select(['purpose', 'created_at', 'expires_at', 'used_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('audit_log').select(['resource_id', 'resource_type', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value'])
      .where('updated_by', '=', userId).orderBy('last_action_date').execute(),
    // entries about the account made by others, e.g. a moderator granting it a role
    db.selectFrom('audit_log').select(['resource_id', 'resource_type', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value'])
      .where((eb) => eb.or([eb('replacement_value', '=', userId), eb('previous_value', '=', userId)])).orderBy('last_action_date').execute(),
    // subjects only: a body may hold a sign-in or reset link that still works
    db.selectFrom('mail_outbox').select(['subject', 'created_at', 'sent_at']).where(sql`lower(to_address)`, '=', email).orderBy('created_at').execute(),
    rows(sql`select id, service_id, organization_id, is_new, proposed, status, created_at, submitted_at, decided_at, reason from change_request where created_by = ${userId} order by created_at`),
    rows(sql`select organization_id, note, status, created_at, decided_at, reason from organization_claim where user_id = ${userId} order by created_at`),
    rows(sql`select id, channel, source, size_bytes, status, created_at, submitted_at, decided_at, reason from import_run where created_by = ${userId} order by created_at`),
    rows(sql`select service_id, message, status, created_at from error_report where lower(reporter_email) = ${email} order by created_at`),
    // what the account decided as a moderator
    rows(sql`select 'change_request' as kind, id, decided_at as at, status from change_request where decided_by = ${userId}
      union all select 'organization_claim', id, decided_at, status from organization_claim where decided_by = ${userId}
      union all select 'import_run', id, decided_at, status from import_run where decided_by = ${userId}
      union all select 'error_report', id, resolved_at, status from error_report where resolved_by = ${userId}
      order by at`),
    rows(sql`select split_part(bucket, ':', 1) as kind, hit_at from rate_limit_hit where bucket like ${accountBucket(email)} order by hit_at`),
  ]);
  const more = await Promise.all(sources.map((source) => source.collect(db, { id: userId, email })));
  return {
    user, editorOf: roles, sessions, tokens, auditEntries: audit, auditEntriesAboutYou: auditAbout, mails,
    changeRequests, organizationClaims: claims, imports, errorReports, decisions, signInAttempts,
    ...Object.assign({}, ...more) as Record<string, unknown>,
  };
}

/** What deleting the account will do beyond removing it, for the confirm page. */
export async function deletionNotices(db: Tx, subject: DataSubject, sources: readonly PersonalDataSource[]): Promise<DeletionNotice[]> {
  const notices = await Promise.all(sources.map((source) => source.notice(db, subject)));
  return notices.filter((n): n is DeletionNotice => n !== null);
}

/**
 * Deletes an account (the caller's transaction): other domains' records first (plans), then
 * name, email, password, sessions, tokens, roles and claims. Audit entries keep the account id,
 * shown as a pseudonym once no account has it; change requests and imports it made stay with the
 * organisation, without the account. What was kept by the address goes too: mail to it, the sign-in
 * attempts counted for it, the address on error reports (reports already resolved are deleted), and
 * the address where it was copied into directory data (a service's assurer).
 */
export async function deleteAccount(db: Tx, userId: string, sources: readonly PersonalDataSource[] = []): Promise<void> {
  const user = await db.selectFrom('app_user').select(['id', 'email']).where('id', '=', userId).executeTakeFirst();
  if (!user) return;
  const email = user.email.toLowerCase();
  for (const source of sources) await source.erase(db, { id: user.id, email });
  await db.updateTable('service').set({ assurer_email: null }).where(sql`lower(assurer_email)`, '=', email).execute();
  await db.deleteFrom('mail_outbox').where(sql`lower(to_address)`, '=', email).execute();
  await db.deleteFrom('rate_limit_hit').where('bucket', 'like', accountBucket(email)).execute();
  await sql`delete from error_report where lower(reporter_email) = ${email} and status = 'resolved'`.execute(db);
  await sql`update error_report set reporter_email = null where lower(reporter_email) = ${email}`.execute(db);
  await db.deleteFrom('app_user').where('id', '=', userId).execute();
}
