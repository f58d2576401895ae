// Row types of the tables migrations/0011_plan_accounts.ts made: a plan's members are accounts,
// and an address without a verified account holds an invitation. (Its new columns on older tables
// are marked in 0006_handbook.ts.)
import type { Generated } from 'kysely';
import type { PlanRole } from './0006_handbook.ts';

/** Someone with access to a plan: always an account. */
export interface PlanMemberTable {
  plan_id: string;
  user_id: string;
  role: PlanRole;
  invited_by: string | null;
  created_at: Generated<Date>;
}

/** An invitation to an address no verified account has taken up yet. */
export interface PlanInvitationTable {
  plan_id: string;
  email: string;
  role: Exclude<PlanRole, 'owner'>;
  invited_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanAccountsTables {
  establishment_plan_member: PlanMemberTable;
  establishment_plan_invitation: PlanInvitationTable;
}
