// Every SQL statement of the establishment planner. Functions take the handle first and return rows.
// A plan's members are accounts; an invitation to an address without a verified account waits in
// its own table until such an account takes it up (see migrations/0011_plan_accounts.ts).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import type { ItemStatus, PlanRole, ServiceLevel } from '../tables.ts';
import type { ItemState } from './checklist.ts';
import { normaliseEmail } from '../../platform/text.ts';

const PLAN_COLUMNS = [
  'p.id', 'p.title', 'p.organization_name', 'p.setting', 'p.municipality_number', 'p.service_level', 'p.created_by',
  'p.memo', 'p.readiness', 'p.business_case', 'p.created_at', 'p.updated_at', 'm.name as municipality_name',
] as const;

export interface NewPlan {
  title: string;
  organizationName: string;
  setting: string;
  municipalityNumber: string;
  serviceLevel: ServiceLevel;
}

/** A plan and its owner, in one transaction (the caller's). */
export async function insertPlan(db: Db, plan: NewPlan, ownerId: string): Promise<string> {
  const id = newId();
  await db.insertInto('establishment_plan').values({
    id, title: plan.title, organization_name: plan.organizationName, setting: plan.setting,
    municipality_number: plan.municipalityNumber, service_level: plan.serviceLevel, created_by: ownerId,
  }).execute();
  await db.insertInto('establishment_plan_member').values({ plan_id: id, user_id: ownerId, role: 'owner', invited_by: null }).execute();
  return id;
}

/**
 * Turns the invitations to an account's address into memberships of that account, if the account
 * has proved the address. Called whenever the account opens the planner, so an invitation binds
 * to the first verified account with the address that comes for it, and to no later one.
 */
export async function acceptInvitations(db: Db, userId: string): Promise<void> {
  const waiting = await db.selectFrom('establishment_plan_invitation as i')
    .innerJoin('app_user as u', (join) => join.on(sql`lower(u.email)`, '=', sql.ref('i.email')))
    .select('i.plan_id').where('u.id', '=', userId).where('u.email_verified_at', 'is not', null)
    .limit(1).executeTakeFirst();
  if (!waiting) return;
  await db.transaction().execute(async (trx) => {
    const taken = await trx.deleteFrom('establishment_plan_invitation')
      .where('email', '=', sql<string>`(select lower(email) from app_user where id = ${userId} and email_verified_at is not null)`)
      .returning(['plan_id', 'role', 'invited_by', 'created_at']).execute();
    if (taken.length === 0) return;
    await trx.insertInto('establishment_plan_member')
      .values(taken.map((t) => ({ plan_id: t.plan_id, user_id: userId, role: t.role, invited_by: t.invited_by, created_at: t.created_at })))
      .onConflict((oc) => oc.columns(['plan_id', 'user_id']).doNothing()).execute();
  });
}

/** The plan with the given account's role on it, or undefined when the plan does not exist or is not shared with it. */
export function findPlanForMember(db: Db, id: string, userId: string) {
  return db.selectFrom('establishment_plan as p')
    .innerJoin('establishment_plan_member as pm', 'pm.plan_id', 'p.id')
    .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
    .select([...PLAN_COLUMNS, 'pm.role'])
    .where('p.id', '=', id).where('pm.user_id', '=', userId)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanForMember>>>;

export function listPlansForMember(db: Db, userId: string) {
  return db.selectFrom('establishment_plan as p')
    .innerJoin('establishment_plan_member as pm', 'pm.plan_id', 'p.id')
    .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
    .select([...PLAN_COLUMNS, 'pm.role'])
    .where('pm.user_id', '=', userId)
    .orderBy('p.updated_at', 'desc').orderBy('p.id')
    .execute();
}

export type PlanJsonField = 'memo' | 'readiness' | 'business_case';

export function updatePlanJson(db: Db, id: string, field: PlanJsonField, value: Record<string, unknown>) {
  return db.updateTable('establishment_plan')
    .set({ [field]: JSON.stringify(value), updated_at: sql<Date>`now()` })
    .where('id', '=', id).execute();
}

export async function listItemStates(db: Db, planId: string): Promise<Map<string, ItemState>> {
  const rows = await db.selectFrom('establishment_plan_item')
    .select(['item_id', 'status', 'owner', 'due_date', 'comment']).where('plan_id', '=', planId).execute();
  return new Map(rows.map((r) => [r.item_id, { status: r.status, owner: r.owner, dueDate: r.due_date, comment: r.comment }]));
}

/** Saves the checklist's items at once (the caller's transaction). */
export async function saveItemStates(db: Db, planId: string, states: { itemId: string; state: ItemState }[], userId: string) {
  for (const { itemId, state } of states) {
    const values = { status: state.status as ItemStatus, owner: state.owner, due_date: state.dueDate, comment: state.comment, updated_at: sql<Date>`now()`, updated_by: userId };
    await db.insertInto('establishment_plan_item').values({ plan_id: planId, item_id: itemId, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'item_id']).doUpdateSet(values)).execute();
  }
  await db.updateTable('establishment_plan').set({ updated_at: sql<Date>`now()` }).where('id', '=', planId).execute();
}

export interface MemberRow {
  email: string;
  role: PlanRole;
  /** an invitation no verified account has taken up yet */
  pending: boolean;
}

/** Members (by their account's address as it is now) and then waiting invitations, owner first. */
export async function listMembers(db: Db, planId: string): Promise<MemberRow[]> {
  const members = await db.selectFrom('establishment_plan_member as pm').innerJoin('app_user as u', 'u.id', 'pm.user_id')
    .select([sql<string>`lower(u.email)`.as('email'), 'pm.role']).where('pm.plan_id', '=', planId)
    .orderBy(sql`case pm.role when 'owner' then 0 when 'editor' then 1 else 2 end`).orderBy(sql`lower(u.email)`).execute();
  const invitations = await db.selectFrom('establishment_plan_invitation').select(['email', 'role'])
    .where('plan_id', '=', planId).orderBy('role').orderBy('email').execute();
  return [...members.map((m) => ({ ...m, pending: false })), ...invitations.map((i) => ({ ...i, pending: true }))];
}

/**
 * Gives an address access: the verified account that holds it becomes a member at once; an address
 * without one gets an invitation. The owner's role never changes. Returns false when nothing changed.
 */
export async function upsertMember(db: Db, planId: string, email: string, role: Exclude<PlanRole, 'owner'>, invitedBy: string): Promise<boolean> {
  const address = normaliseEmail(email);
  const account = await db.selectFrom('app_user').select('id')
    .where(sql`lower(email)`, '=', address).where('email_verified_at', 'is not', null).executeTakeFirst();
  if (account) {
    await db.deleteFrom('establishment_plan_invitation').where('plan_id', '=', planId).where('email', '=', address).execute();
    const result = await db.insertInto('establishment_plan_member')
      .values({ plan_id: planId, user_id: account.id, role, invited_by: invitedBy })
      .onConflict((oc) => oc.columns(['plan_id', 'user_id']).doUpdateSet({ role })
        .where('establishment_plan_member.role', '<>', 'owner').where('establishment_plan_member.role', '<>', role))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const result = await db.insertInto('establishment_plan_invitation')
    .values({ plan_id: planId, email: address, role, invited_by: invitedBy })
    .onConflict((oc) => oc.columns(['plan_id', 'email']).doUpdateSet({ role }).where('establishment_plan_invitation.role', '<>', role))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes access away from the member with this address, or withdraws the invitation to it; never the owner's. */
export async function removeMember(db: Db, planId: string, email: string): Promise<boolean> {
  const address = normaliseEmail(email);
  const member = await db.deleteFrom('establishment_plan_member')
    .where('plan_id', '=', planId).where('role', '<>', 'owner')
    .where('user_id', 'in', db.selectFrom('app_user').select('id').where(sql`lower(email)`, '=', address))
    .executeTakeFirst();
  const invitation = await db.deleteFrom('establishment_plan_invitation').where('plan_id', '=', planId).where('email', '=', address).executeTakeFirst();
  return Number(member.numDeletedRows) + Number(invitation.numDeletedRows) > 0;
}
