// Row types of the tables of migrations/0006_handbook.ts (the handbook and the establishment
// planner); migrations/0011_plan_accounts.ts re-made the plan's members (see that file).
import type { ColumnType } from 'kysely';
import type { Json, JsonWithDefault, Timestamp } from './columns.ts';
import type { JsonShapes } from './json.ts';

export type SectionStatus = 'utkast' | 'gjennomgått';

export interface HandbookSectionTable {
  id: string;
  slug: string;
  source_path: string;
  part: string;
  sort_order: number;
  title: string;
  summary: string;
  sources: Json<string[]>;
  checklist: Json<JsonShapes['handbook_section.checklist']>;
  body: string;
  body_text: string;
  status: SectionStatus;
  last_reviewed: string | null;
  reviewed_by: string | null;
  /** the account that reviewed it, so the name above can go with the account (migration 0011) */
  reviewed_by_id: string | null;
  file_checksum: string;
  edited_in_db: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
  document: ColumnType<string, never, never>;
}

export interface HandbookRevisionTable {
  id: string;
  section_id: string;
  number: number;
  title: string;
  summary: string;
  sources: Json<string[]>;
  body: string;
  origin: 'file' | 'browser';
  author: string | null;
  /** the account that made a browser edit, so the name above can go with the account (migration 0011) */
  author_id: string | null;
  note: string | null;
  created_at: Timestamp;
}

export type PlanRole = 'owner' | 'editor' | 'viewer';
export type ServiceLevel = 'lavterskel' | 'oppfolging' | 'behandling';
export type ItemStatus = 'open' | 'done' | 'not_relevant';

export interface PlanTable {
  id: string;
  title: string;
  organization_name: string;
  setting: string;
  municipality_number: string;
  service_level: ServiceLevel;
  /** the account that made the plan; null once it is deleted (migration 0011) */
  created_by: string | null;
  memo: JsonWithDefault<Record<string, string>>;
  readiness: JsonWithDefault<Record<string, number>>;
  business_case: JsonWithDefault<Record<string, string>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanItemTable {
  plan_id: string;
  item_id: string;
  status: ItemStatus;
  owner: string | null;
  due_date: string | null;
  comment: string | null;
  updated_at: Timestamp;
  /** the account that changed it last (migration 0011) */
  updated_by: string | null;
}

export interface HandbookTables {
  handbook_section: HandbookSectionTable;
  handbook_revision: HandbookRevisionTable;
  establishment_plan: PlanTable;
  establishment_plan_item: PlanItemTable;
}
