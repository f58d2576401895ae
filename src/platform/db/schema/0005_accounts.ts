// Row types of the tables of migrations/0005_accounts.ts: accounts, sessions, mail, jobs and the
// audit log, then self-service and moderation; the columns later migrations add are marked.
import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './columns.ts';
import type { JsonShapes } from './json.ts';

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
  /** the language last chosen (migration 0030): mail to the account is written in it */
  language: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** "Firefox på Linux": a summary of the browser, for the list of one's sessions (migration 0010) */
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
  /** the address a 'change_email' link confirms (migration 0010) */
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
  /** a request caused it (counted against the mail limits), not the application on its own (migration 0010) */
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
  /** the import run that made the change, if an import did (migration 0007) */
  import_run_id: string | null;
};

export type ChangeRequestStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ChangeRequestTable = {
  id: string;
  service_id: string;
  organization_id: string;
  is_new: boolean;
  proposed: Json<JsonShapes['change_request.proposed']>;
  status: ChangeRequestStatus;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
};
export type OrganizationClaimTable = {
  id: string;
  organization_id: string;
  user_id: string;
  note: ColumnType<string, string | undefined, string>;
  /** the claim made by registering a new organisation (migration 0012) */
  is_registration: ColumnType<boolean, boolean | undefined, boolean>;
  status: 'pending' | 'approved' | 'rejected';
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
};
export type ErrorReportTable = {
  id: string;
  service_id: string;
  message: string;
  reporter_email: string | null;
  status: ColumnType<'open' | 'resolved', 'open' | 'resolved' | undefined, 'open' | 'resolved'>;
  created_at: Timestamp;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
};
export type FreshnessReminderTable = {
  service_id: string;
  stage: number;
  confirmed_on: string;
  sent_at: Timestamp;
};

export interface AccountsTables {
  app_user: UserTable;
  organization_editor: OrganizationEditorTable;
  user_session: SessionTable;
  user_token: TokenTable;
  rate_limit_hit: RateLimitHitTable;
  mail_outbox: MailOutboxTable;
  app_setting: AppSettingTable;
  job: JobTable;
  audit_log: AuditLogTable;
  change_request: ChangeRequestTable;
  organization_claim: OrganizationClaimTable;
  error_report: ErrorReportTable;
  freshness_reminder: FreshnessReminderTable;
}
