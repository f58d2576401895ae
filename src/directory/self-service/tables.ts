// Row types of the self-service and moderation tables (migrations/0005_accounts.ts).
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Db, Tables } from '../../platform/db/index.ts';
import type { AccountTables, NullableTimestamp, Timestamp } from '../../accounts/tables.ts';
import type { ServiceAggregate } from '../model.ts';


export type ChangeRequestStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ChangeRequestTable = {
  id: string;
  service_id: string;
  organization_id: string;
  is_new: boolean;
  /** written as JSON text, read back parsed by both drivers */
  proposed: ColumnType<ServiceAggregate, string, string>;
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

export type SelfServiceTables = AccountTables & {
  change_request: ChangeRequestTable;
  organization_claim: OrganizationClaimTable;
  error_report: ErrorReportTable;
  freshness_reminder: FreshnessReminderTable;
};
export type SelfServiceDb = Kysely<Tables & SelfServiceTables>;
export type SelfServiceTx = SelfServiceDb | Transaction<Tables & SelfServiceTables>;

export function selfServiceDb(db: Db | Kysely<any>): SelfServiceDb {
  return (db as Db).withTables<SelfServiceTables>();
}

/** The same handle typed for functions that know fewer tables (Kysely's types are invariant). */
export const asDirectory = (db: SelfServiceTx): Db => db as unknown as Db;
export { asAccounts } from '../../accounts/index.ts';
