// Row types of the accounts tables (migrations/0005_accounts.ts). Type aliases, because
// withTables needs index-compatible types; `accountsDb` adds them to a handle.
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Db, Tables } from '../platform/db/index.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type UserTable = {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  is_admin: ColumnType<boolean, boolean | undefined, boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Timestamp;
  last_login_at: NullableTimestamp;
};
export type OrganizationEditorTable = {
  user_id: string;
  organization_id: string;
  granted_at: Timestamp;
};
export type SessionTable = {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** "Firefox på Linux": a summary of the browser, for the list of one's sessions */
  device: string | null;
};
export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';
export type TokenTable = {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  /** the address a 'change_email' link confirms */
  new_email: string | null;
};
export type RateLimitHitTable = {
  bucket: string;
  hit_at: Timestamp;
};
export type MailOutboxTable = {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  /** a request caused it (counted against the mail limits), not the application on its own */
  requested: ColumnType<boolean, boolean | undefined, boolean>;
  /** the signed-in account whose request caused it */
  requested_by: string | null;
};
export type AppSettingTable = {
  name: string;
  value: string;
};
export type JobTable = {
  id: string;
  kind: string;
  run_at: Timestamp;
  locked_until: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  done_at: NullableTimestamp;
  created_at: Timestamp;
};
export type AuditLogTable = {
  id: string;
  resource_id: string;
  resource_type: string;
  last_action_date: Timestamp;
  last_action_type: string;
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
  change_request_id: string | null;
  /** the import run that made the change, if an import did */
  import_run_id: string | null;
};

export type AccountTables = {
  app_user: UserTable;
  organization_editor: OrganizationEditorTable;
  user_session: SessionTable;
  user_token: TokenTable;
  rate_limit_hit: RateLimitHitTable;
  mail_outbox: MailOutboxTable;
  app_setting: AppSettingTable;
  job: JobTable;
  audit_log: AuditLogTable;
};

export type AccountsDb = Kysely<Tables & AccountTables>;
/** A handle or an open transaction, with the accounts tables known. */
export type AccountsTx = AccountsDb | Transaction<Tables & AccountTables>;

/**
 * Another domain's handle (it knows more tables) typed for accounts' functions; Kysely's types are
 * invariant, so a handle that knows more tables is not one that knows fewer without this cast.
 */
export const asAccounts = <T extends Tables & AccountTables>(db: Kysely<T> | Transaction<T>): AccountsTx => db as unknown as AccountsTx;

export function accountsDb(db: Db | Kysely<any>): AccountsDb {
  return (db as Db).withTables<AccountTables>();
}
