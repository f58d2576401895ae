// Who someone is in the network, read from network_membership. Site admins (app_user.is_admin) may
// do everything the secretariat may: they appoint the first coordinators. A membership counts only
// once approved.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../platform/db/index.ts';
import { askToSignIn, forbid, type SessionUser } from '../accounts/index.ts';

export type NetworkRoles = {
  /** a network coordinator (approved 'coordinator' membership) or a site admin */
  secretariat: boolean;
  /** has at least one approved membership, or is secretariat */
  member: boolean;
  /** organisation ids where this person is an approved member contact */
  contactOf: string[];
  /** organisation ids where this person has an approved membership of any role */
  memberOf: string[];
};

const NOBODY: NetworkRoles = { secretariat: false, member: false, contactOf: [], memberOf: [] };

export async function networkRolesOf(db: Tx, user: SessionUser | null): Promise<NetworkRoles> {
  if (!user) return NOBODY;
  const rows = await db.selectFrom('network_membership').select(['organization_id', 'role'])
    .where('user_id', '=', user.id).where('status', '=', 'approved').execute();
  const secretariat = user.isAdmin || rows.some((row) => row.role === 'coordinator');
  return {
    secretariat,
    member: secretariat || rows.length > 0,
    contactOf: rows.filter((row) => row.role === 'member_contact' || row.role === 'coordinator').map((row) => row.organization_id),
    memberOf: rows.map((row) => row.organization_id),
  };
}

const cache = new WeakMap<FastifyRequest, Promise<NetworkRoles>>();

/** The signed-in person's network roles, looked up once per request. */
export function networkRoles(db: Tx, request: FastifyRequest): Promise<NetworkRoles> {
  let roles = cache.get(request);
  if (!roles) {
    roles = networkRolesOf(db, request.user);
    cache.set(request, roles);
  }
  return roles;
}

/** Whether this person may approve who joins the organisation: its member contact, or the secretariat. */
export const mayApproveFor = (roles: NetworkRoles, organizationId: string) => roles.secretariat || roles.contactOf.includes(organizationId);

/** preHandlers: only the secretariat (coordinators and site admins); only network members. */
export function networkGuards(db: Tx) {
  return {
    requireSecretariat: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.user) return askToSignIn(request, reply);
      if (!(await networkRoles(db, request)).secretariat) return forbid(request, reply);
    },
    requireNetworkMember: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.user) return askToSignIn(request, reply);
      if (!(await networkRoles(db, request)).member) return forbid(request, reply);
    },
  };
}
