// Row types of the handbook and planner tables (migrations/0006_handbook.ts). They live here, not
// in the platform's Tables, because only this domain reads them; `handbookDb` adds them to a handle.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, Tables } from '../platform/db/index.ts';
import type { AccountTables } from '../accounts/index.ts';
import type { ChecklistItem } from './content.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Written as JSON text, read back parsed by both drivers. */
type Json<T> = ColumnType<T, string, string>;

export type SectionStatus = 'utkast' | 'gjennomgått';

export type HandbookSectionTable = {
  id: string;
  slug: string;
  source_path: string;
  part: string;
  sort_order: number;
  title: string;
  summary: string;
  sources: Json<string[]>;
  checklist: Json<ChecklistItem[]>;
  body: string;
  body_text: string;
  status: SectionStatus;
  last_reviewed: string | null;
  reviewed_by: string | null;
  /** the account that reviewed it, so the name above can go with the account */
  reviewed_by_id: string | null;
  file_checksum: string;
  edited_in_db: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
  document: ColumnType<string, never, never>;
};

export type HandbookRevisionTable = {
  id: string;
  section_id: string;
  number: number;
  title: string;
  summary: string;
  sources: Json<string[]>;
  body: string;
  origin: 'file' | 'browser';
  author: string | null;
  /** the account that made a browser edit, so the name above can go with the account */
  author_id: string | null;
  note: string | null;
  created_at: Timestamp;
};

export type PlanRole = 'owner' | 'editor' | 'viewer';
export type ServiceLevel = 'lavterskel' | 'oppfolging' | 'behandling';
export type ItemStatus = 'open' | 'done' | 'not_relevant';

export type PlanTable = {
  id: string;
  title: string;
  organization_name: string;
  setting: string;
  municipality_number: string;
  service_level: ServiceLevel;
  /** the account that made the plan; null once it is deleted */
  created_by: string | null;
  memo: ColumnType<Record<string, string>, string | undefined, string>;
  readiness: ColumnType<Record<string, number>, string | undefined, string>;
  business_case: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Someone with access to a plan: always an account (migrations/0011_plan_accounts.ts). */
export type PlanMemberTable = {
  plan_id: string;
  user_id: string;
  role: PlanRole;
  invited_by: string | null;
  created_at: Generated<Date>;
};

/** An invitation to an address no verified account has taken up yet. */
export type PlanInvitationTable = {
  plan_id: string;
  email: string;
  role: Exclude<PlanRole, 'owner'>;
  invited_by: string | null;
  created_at: Generated<Date>;
};

export type PlanItemTable = {
  plan_id: string;
  item_id: string;
  status: ItemStatus;
  owner: string | null;
  due_date: string | null;
  comment: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type HandbookTables = {
  handbook_section: HandbookSectionTable;
  handbook_revision: HandbookRevisionTable;
  establishment_plan: PlanTable;
  establishment_plan_member: PlanMemberTable;
  establishment_plan_invitation: PlanInvitationTable;
  establishment_plan_item: PlanItemTable;
};

/** The planner's members are accounts, so its queries join app_user. */
export type HandbookDb = Kysely<Tables & HandbookTables & Pick<AccountTables, 'app_user'>>;

export function handbookDb(db: Db): HandbookDb {
  return db.withTables<HandbookTables & Pick<AccountTables, 'app_user'>>();
}
