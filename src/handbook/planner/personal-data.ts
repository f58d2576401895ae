// The planner's part of "download my data" and of account deletion (registered with accounts).
//
// On deletion, per plan the account is on: a plan nobody else is a member of is deleted (with its
// waiting invitations); from a plan others share, the account is removed, and if it owned the plan
// the longest-standing member who can edit becomes owner, else the longest-standing reader, so
// a shared plan always keeps an owner and nobody loses a plan they were given. Invitations to the
// account's address are deleted too, so no later account with the address can take them up.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { DataSubject, DeletionNotice, PersonalDataSource } from '../../accounts/index.ts';

type PlanFate = { id: string; title: string } & ({ kind: 'delete' } | { kind: 'leave' } | { kind: 'transfer'; successorId: string; successorEmail: string });

/** What deleting the account does to each plan it is on, in the order the plans were made. */
export async function planFates(db: Tx, userId: string): Promise<PlanFate[]> {
  const plans = await db.selectFrom('establishment_plan_member as me').innerJoin('establishment_plan as p', 'p.id', 'me.plan_id')
    .select(['p.id', 'p.title', 'me.role']).where('me.user_id', '=', userId).orderBy('p.created_at').orderBy('p.id').execute();
  const fates: PlanFate[] = [];
  for (const plan of plans) {
    const successor = await db.selectFrom('establishment_plan_member as pm').innerJoin('app_user as u', 'u.id', 'pm.user_id')
      .select(['pm.user_id', sql<string>`lower(u.email)`.as('email')])
      .where('pm.plan_id', '=', plan.id).where('pm.user_id', '<>', userId)
      .orderBy(sql`case pm.role when 'editor' then 0 else 1 end`).orderBy('pm.created_at').orderBy('pm.user_id')
      .limit(1).executeTakeFirst();
    const base = { id: plan.id, title: plan.title };
    if (!successor) fates.push({ ...base, kind: 'delete' });
    else if (plan.role === 'owner') fates.push({ ...base, kind: 'transfer', successorId: successor.user_id, successorEmail: successor.email });
    else fates.push({ ...base, kind: 'leave' });
  }
  return fates;
}

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const plans = await db.selectFrom('establishment_plan_member as me').innerJoin('establishment_plan as p', 'p.id', 'me.plan_id')
    .select(['p.id', 'p.title', 'p.organization_name', 'p.setting', 'p.municipality_number', 'p.service_level', 'p.memo', 'p.readiness',
      'p.business_case', 'p.created_at', 'p.updated_at', 'me.role', 'me.created_at as member_since', sql<boolean>`p.created_by = ${subject.id}`.as('made_by_you')])
    .where('me.user_id', '=', subject.id).orderBy('p.created_at').execute();
  const items = plans.length === 0 ? [] : await db.selectFrom('establishment_plan_item')
    .select(['plan_id', 'item_id', 'status', 'owner', 'due_date', 'comment', 'updated_at', sql<boolean>`updated_by = ${subject.id}`.as('updated_by_you')])
    .where('plan_id', 'in', plans.map((p) => p.id)).orderBy('item_id').execute();
  const [sent, received, revisions, reviews] = await Promise.all([
    db.selectFrom('establishment_plan_invitation').select(['plan_id', 'email', 'role', 'created_at']).where('invited_by', '=', subject.id).orderBy('created_at').execute(),
    db.selectFrom('establishment_plan_invitation as i').innerJoin('establishment_plan as p', 'p.id', 'i.plan_id')
      .select(['p.title', 'i.role', 'i.created_at']).where('i.email', '=', subject.email).orderBy('i.created_at').execute(),
    db.selectFrom('handbook_revision as r').innerJoin('handbook_section as s', 's.id', 'r.section_id')
      .select(['s.slug', 'r.number', 'r.author', 'r.note', 'r.created_at']).where('r.author_id', '=', subject.id).orderBy('r.created_at').execute(),
    db.selectFrom('handbook_section').select(['slug', 'reviewed_by', 'last_reviewed']).where('reviewed_by_id', '=', subject.id).orderBy('slug').execute(),
  ]);
  return {
    plans: plans.map((plan) => ({ ...plan, items: items.filter((item) => item.plan_id === plan.id).map(({ plan_id: _, ...item }) => item) })),
    planInvitationsSent: sent,
    planInvitationsToYou: received,
    handbookRevisions: revisions,
    handbookReviews: reviews,
  };
}

async function notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null> {
  const m = msg.handbook.planner.deletion;
  const fates = await planFates(db, subject.id);
  if (fates.length === 0) return null;
  return {
    id: 'planer-som-berores',
    heading: m.heading,
    items: fates.map((fate) => fate.kind === 'delete' ? m.deleted(fate.title) : fate.kind === 'transfer' ? m.transferred(fate.title, fate.successorEmail) : m.left(fate.title)),
  };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  for (const fate of await planFates(db, subject.id)) {
    if (fate.kind === 'delete') {
      await db.deleteFrom('establishment_plan').where('id', '=', fate.id).execute();
      continue;
    }
    await db.deleteFrom('establishment_plan_member').where('plan_id', '=', fate.id).where('user_id', '=', subject.id).execute();
    if (fate.kind === 'transfer') {
      await db.updateTable('establishment_plan_member').set({ role: 'owner' }).where('plan_id', '=', fate.id).where('user_id', '=', fate.successorId).execute();
    }
  }
  await db.deleteFrom('establishment_plan_invitation').where('email', '=', subject.email).execute();
  // the name shown in the handbook's history goes with the account (the revision itself stays)
  await db.updateTable('handbook_revision').set({ author: null }).where('author_id', '=', subject.id).execute();
  await db.updateTable('handbook_section').set({ reviewed_by: null }).where('reviewed_by_id', '=', subject.id).execute();
}

export const plannerPersonalData: PersonalDataSource = { collect, notice, erase };
