// Row types of the tables of migrations/0013_network.ts: the network's organisations and the people
// who belong to them.
import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

export type NetworkRole = 'member' | 'guest' | 'secretariat';
export type NetworkOrganizationKind = 'professional' | 'competence_centre' | 'education' | 'service' | 'user_organisation' | 'other';
export type NetworkOrganizationTable = {
  id: string;
  slug: string;
  name: string;
  network_role: NetworkRole;
  kind: NetworkOrganizationKind;
  description: ColumnType<string, string | undefined, string>;
  contribution: ColumnType<string, string | undefined, string>;
  contact_point: ColumnType<string, string | undefined, string>;
  website: string | null;
  /** where the fact of this organisation's place in the network comes from */
  source: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MembershipRole = 'coordinator' | 'member_contact' | 'participant';
export type MembershipStatus = 'pending' | 'approved' | 'rejected';
export type NetworkMembershipTable = {
  id: string;
  user_id: string;
  organization_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  note: ColumnType<string, string | undefined, string>;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
};

export interface NetworkTables {
  network_organization: NetworkOrganizationTable;
  network_membership: NetworkMembershipTable;
}
