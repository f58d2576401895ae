// All SQL of the members part: organisations, memberships and the requests to join.
import type { Selectable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { MembershipRole, MembershipStatus, NetworkOrganizationTable } from '../../platform/db/schema/index.ts';

export type OrganizationRow = Selectable<NetworkOrganizationTable>;

const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name, 'nb'));

export async function listOrganizations(db: Tx): Promise<OrganizationRow[]> {
  return byName(await db.selectFrom('network_organization').selectAll().execute());
}

export function findOrganization(db: Tx, slug: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('network_organization').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Tx, slug: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('network_organization').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

/** One person's membership or request, with the organisation it is for. */
export interface MembershipRow {
  id: string;
  user_id: string;
  organization_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  note: string;
  reason: string | null;
  requested_at: Date;
  decided_at: Date | null;
}

const MEMBERSHIP = ['m.id', 'm.user_id', 'm.organization_id', 'm.role', 'm.status', 'm.note', 'm.reason', 'm.requested_at', 'm.decided_at'] as const;

export function findMembership(db: Tx, userId: string, organizationId: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('network_membership as m').select(MEMBERSHIP)
    .where('m.user_id', '=', userId).where('m.organization_id', '=', organizationId).executeTakeFirst();
}

export function findMembershipById(db: Tx, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('network_membership as m').select(MEMBERSHIP).where('m.id', '=', id).executeTakeFirst();
}

export type OwnMembership = MembershipRow & { organization_name: string; organization_slug: string; organization_is_demo: boolean };

export async function membershipsOf(db: Tx, userId: string): Promise<OwnMembership[]> {
  const rows = await db.selectFrom('network_membership as m').innerJoin('network_organization as o', 'o.id', 'm.organization_id')
    .select([...MEMBERSHIP, 'o.name as organization_name', 'o.slug as organization_slug', 'o.is_demo as organization_is_demo'])
    .where('m.user_id', '=', userId).execute();
  return rows.sort((a, b) => a.organization_name.localeCompare(b.organization_name, 'nb'));
}

/** A membership with who it is and where: for the request queue and an organisation's people page. */
export type PersonMembership = OwnMembership & { person_name: string | null; person_email: string };

/** Memberships in the given organisations (all when `organizationIds` is null), optionally only one status. */
export async function membershipsIn(db: Tx, organizationIds: string[] | null, status?: MembershipStatus): Promise<PersonMembership[]> {
  if (organizationIds && organizationIds.length === 0) return [];
  let query = db.selectFrom('network_membership as m').innerJoin('network_organization as o', 'o.id', 'm.organization_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select([...MEMBERSHIP, 'o.name as organization_name', 'o.slug as organization_slug', 'o.is_demo as organization_is_demo', 'u.name as person_name', 'u.email as person_email']);
  if (organizationIds) query = query.where('m.organization_id', 'in', organizationIds);
  if (status) query = query.where('m.status', '=', status);
  return query.orderBy('m.requested_at').orderBy('m.id').execute();
}

export function findPersonMembership(db: Tx, id: string): Promise<PersonMembership | undefined> {
  return db.selectFrom('network_membership as m').innerJoin('network_organization as o', 'o.id', 'm.organization_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select([...MEMBERSHIP, 'o.name as organization_name', 'o.slug as organization_slug', 'o.is_demo as organization_is_demo', 'u.name as person_name', 'u.email as person_email'])
    .where('m.id', '=', id).executeTakeFirst();
}

/** A new request, or a new one after a rejection: back to pending, the old decision cleared. */
export async function upsertRequest(db: Tx, request: { userId: string; organizationId: string; role: MembershipRole; note: string; id: string; now: Date }): Promise<string> {
  const row = await db.insertInto('network_membership').values({
    id: request.id, user_id: request.userId, organization_id: request.organizationId, role: request.role, status: 'pending',
    note: request.note, requested_at: request.now,
  }).onConflict((oc) => oc.columns(['user_id', 'organization_id']).doUpdateSet({
    role: request.role, status: 'pending', note: request.note, requested_at: request.now, decided_by: null, decided_at: null, reason: null,
  })).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Decides a pending request; undefined when it is no longer pending (decided or withdrawn meanwhile). */
export function decideRequest(db: Tx, id: string, decision: { status: 'approved' | 'rejected'; role: MembershipRole; reason: string | null; by: string; at: Date }) {
  return db.updateTable('network_membership')
    .set({ status: decision.status, role: decision.role, reason: decision.reason, decided_by: decision.by, decided_at: decision.at })
    .where('id', '=', id).where('status', '=', 'pending').returning('id').executeTakeFirst();
}

/** Who to tell about a new request: the organisation's member contacts, or else the coordinators, or else the site admins. */
export async function decidersOf(db: Tx, organizationId: string): Promise<string[]> {
  const approved = db.selectFrom('network_membership as m').innerJoin('app_user as u', 'u.id', 'm.user_id').select('u.email').where('m.status', '=', 'approved');
  const contacts = await approved.where('m.organization_id', '=', organizationId).where('m.role', 'in', ['member_contact', 'coordinator']).execute();
  let rows = contacts.length > 0 ? contacts : await approved.where('m.role', '=', 'coordinator').execute();
  // before the first coordinator is appointed, the site admins are the secretariat
  if (rows.length === 0) rows = await db.selectFrom('app_user').select('email').where('is_admin', '=', true).execute();
  return [...new Set(rows.map((row) => row.email))].sort();
}
