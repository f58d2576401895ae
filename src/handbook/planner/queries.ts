// Every SQL statement of the establishment planner. Functions take the handle first and return rows.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { handbookDb, type ItemStatus, type PlanRole, type ServiceLevel } from '../tables.ts';
import type { ItemState } from './checklist.ts';

const PLAN_COLUMNS = [
  'p.id', 'p.title', 'p.organization_name', 'p.setting', 'p.municipality_number', 'p.service_level', 'p.created_by_email',
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
export async function insertPlan(db: Db, plan: NewPlan, ownerEmail: string): Promise<string> {
  const id = newId();
  await handbookDb(db).insertInto('establishment_plan').values({
    id, title: plan.title, organization_name: plan.organizationName, setting: plan.setting,
    municipality_number: plan.municipalityNumber, service_level: plan.serviceLevel, created_by_email: ownerEmail,
  }).execute();
  await handbookDb(db).insertInto('establishment_plan_member').values({ plan_id: id, email: ownerEmail, role: 'owner', invited_by_email: null }).execute();
  return id;
}

/** The plan with the given person's role on it, or undefined when the plan does not exist or is not shared with them. */
export function findPlanForMember(db: Db, id: string, email: string) {
  return handbookDb(db).selectFrom('establishment_plan as p')
    .innerJoin('establishment_plan_member as pm', 'pm.plan_id', 'p.id')
    .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
    .select([...PLAN_COLUMNS, 'pm.role'])
    .where('p.id', '=', id).where('pm.email', '=', email.toLowerCase())
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanForMember>>>;

export function listPlansForMember(db: Db, email: string) {
  return handbookDb(db).selectFrom('establishment_plan as p')
    .innerJoin('establishment_plan_member as pm', 'pm.plan_id', 'p.id')
    .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
    .select([...PLAN_COLUMNS, 'pm.role'])
    .where('pm.email', '=', email.toLowerCase())
    .orderBy('p.updated_at', 'desc').orderBy('p.id')
    .execute();
}

export type PlanJsonField = 'memo' | 'readiness' | 'business_case';

export function updatePlanJson(db: Db, id: string, field: PlanJsonField, value: Record<string, unknown>) {
  return handbookDb(db).updateTable('establishment_plan')
    .set({ [field]: JSON.stringify(value), updated_at: sql<Date>`now()` })
    .where('id', '=', id).execute();
}

export async function listItemStates(db: Db, planId: string): Promise<Map<string, ItemState>> {
  const rows = await handbookDb(db).selectFrom('establishment_plan_item')
    .select(['item_id', 'status', 'owner', 'due_date', 'comment']).where('plan_id', '=', planId).execute();
  return new Map(rows.map((r) => [r.item_id, { status: r.status, owner: r.owner, dueDate: r.due_date, comment: r.comment }]));
}

/** Saves a phase's items at once (the caller's transaction). */
export async function saveItemStates(db: Db, planId: string, states: { itemId: string; state: ItemState }[], email: string) {
  for (const { itemId, state } of states) {
    const values = { status: state.status as ItemStatus, owner: state.owner, due_date: state.dueDate, comment: state.comment, updated_at: sql<Date>`now()`, updated_by_email: email };
    await handbookDb(db).insertInto('establishment_plan_item').values({ plan_id: planId, item_id: itemId, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'item_id']).doUpdateSet(values)).execute();
  }
  await handbookDb(db).updateTable('establishment_plan').set({ updated_at: sql<Date>`now()` }).where('id', '=', planId).execute();
}

export function listMembers(db: Db, planId: string) {
  return handbookDb(db).selectFrom('establishment_plan_member').select(['email', 'role', 'invited_by_email', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy(sql`case role when 'owner' then 0 when 'editor' then 1 else 2 end`).orderBy('email')
    .execute();
}

/** Adds a person or changes their role; the owner's role never changes. Returns false when nothing changed. */
export async function upsertMember(db: Db, planId: string, email: string, role: Exclude<PlanRole, 'owner'>, invitedBy: string): Promise<boolean> {
  const result = await handbookDb(db).insertInto('establishment_plan_member')
    .values({ plan_id: planId, email: email.toLowerCase(), role, invited_by_email: invitedBy })
    .onConflict((oc) => oc.columns(['plan_id', 'email']).doUpdateSet({ role }).where('establishment_plan_member.role', '<>', 'owner').where('establishment_plan_member.role', '<>', role))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeMember(db: Db, planId: string, email: string): Promise<boolean> {
  const result = await handbookDb(db).deleteFrom('establishment_plan_member')
    .where('plan_id', '=', planId).where('email', '=', email.toLowerCase()).where('role', '<>', 'owner')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
