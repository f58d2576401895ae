// Who may decide what about memberships. Pure: the routes look up the roles (network/roles.ts) and
// the membership, and ask here.
import type { MembershipRole } from '../../platform/db/schema/index.ts';
import { mayApproveFor, type NetworkRoles } from '../roles.ts';

/** The roles a person may ask for: coordinator is never asked for, only granted by the secretariat. */
export const REQUESTABLE_ROLES = ['participant', 'member_contact'] as const satisfies readonly MembershipRole[];
export const ALL_ROLES = ['participant', 'member_contact', 'coordinator'] as const satisfies readonly MembershipRole[];

export type Refusal = 'own' | 'not_decider' | 'coordinator';

/**
 * Whether `deciderId` may decide a request (or change the role of a membership) in this
 * organisation, giving it `role`: the organisation's member contact or the secretariat; only the
 * secretariat grants 'coordinator'; nobody decides about their own membership.
 */
export function refusalToDecide(roles: NetworkRoles, deciderId: string, membership: { user_id: string; organization_id: string }, role: MembershipRole): Refusal | null {
  if (membership.user_id === deciderId) return 'own';
  if (!mayApproveFor(roles, membership.organization_id)) return 'not_decider';
  if (role === 'coordinator' && !roles.secretariat) return 'coordinator';
  return null;
}

/** The roles this person may give when deciding: the secretariat may also make coordinators. */
export const grantableRoles = (roles: NetworkRoles): readonly MembershipRole[] => (roles.secretariat ? ALL_ROLES : REQUESTABLE_ROLES);
