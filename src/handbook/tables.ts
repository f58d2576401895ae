// The handbook and planner tables' row types are in platform/db/schema/0006_handbook.ts and
// 0011_plan_accounts.ts; the shape of a section's checklist belongs to this domain, so it is
// declared here (see platform/db/schema/json.ts), with the domain's names for column values.
import type { ChecklistItem } from './content.ts';

export type { SectionStatus, PlanRole, ServiceLevel, ItemStatus } from '../platform/db/index.ts';

declare module '../platform/db/schema/json.ts' {
  interface JsonShapes {
    'handbook_section.checklist': ChecklistItem[];
  }
}
