// SQL of the actions made of ideas: the actions, their internal links and their timelines. Every
// write is audited (recordChanges) in the caller's transaction.
import type { ActionStatus, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';
import type { ActionLink } from './model.ts';
import { accountOf, created, type IdeaFilter } from './queries.ts';

export interface ActionRow {
  id: string;
  title: string;
  description: string;
  organization_id: string | null;
  organization_name: string | null;
  contact: string;
  start_date: string | null;
  due_date: string | null;
  status: ActionStatus;
  status_reason: string | null;
  progress: number;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
}

function actionQuery(db: Tx) {
  return db.selectFrom('network_action as a').leftJoin('network_organization as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'a.title', 'a.description', 'a.organization_id', 'o.name as organization_name', 'a.contact', 'a.start_date', 'a.due_date',
      'a.status', 'a.status_reason', 'a.progress', 'a.is_demo', 'a.created_at', 'a.updated_at']);
}

/** Actions, most recently changed first, narrowed by the filter (theme and event through their visible ideas). */
export function listActions(db: Tx, filter: IdeaFilter = {}): Promise<ActionRow[]> {
  let query = actionQuery(db);
  if (filter.organizationId) query = query.where('a.organization_id', '=', filter.organizationId);
  if (filter.theme || filter.eventId) {
    const { theme, eventId } = filter;
    query = query.where((eb) => eb.exists(eb.selectFrom('network_idea as i').select('i.id').whereRef('i.action_id', '=', 'a.id').where('i.hidden_at', 'is', null)
      .$if(!!theme, (q) => q.where('i.theme', '=', theme!)).$if(!!eventId, (q) => q.where('i.event_id', '=', eventId!))));
  }
  return query.orderBy('a.updated_at', 'desc').orderBy('a.id').execute();
}

export function findAction(db: Tx, id: string): Promise<ActionRow | undefined> {
  return actionQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export function linksOf(db: Tx, actionId: string): Promise<ActionLink[]> {
  return db.selectFrom('network_action_link').select(['path', 'label']).where('action_id', '=', actionId).orderBy('position').execute();
}

export function updatesOf(db: Tx, actionId: string) {
  return db.selectFrom('network_action_update').select(['id', 'happened_on', 'body', 'status', 'progress', 'created_at'])
    .where('action_id', '=', actionId).orderBy('happened_on', 'desc').orderBy('created_at', 'desc').execute();
}

export interface ActionFields {
  title: string;
  description: string;
  organizationId: string | null;
  contact: string;
  startDate: string | null;
  dueDate: string | null;
  status: ActionStatus;
  statusReason: string | null;
  progress: number;
  links: ActionLink[];
  isDemo?: boolean;
}

const auditFields = (a: Omit<ActionFields, 'links'> & { links: string }) => ({
  title: a.title, description: a.description, organization_id: a.organizationId, contact: a.contact, start_date: a.startDate,
  due_date: a.dueDate, status: a.status, status_reason: a.statusReason, progress: a.progress, links: a.links,
});
const linksAudit = (links: ActionLink[]) => links.map((l) => `${l.path} ${l.label}`).join('\n');

async function writeLinks(db: Tx, actionId: string, links: ActionLink[]) {
  await db.deleteFrom('network_action_link').where('action_id', '=', actionId).execute();
  if (links.length > 0) await db.insertInto('network_action_link').values(links.map((l, position) => ({ action_id: actionId, position, path: l.path, label: l.label }))).execute();
}

/**
 * A new action made of ideas. Only visible ideas not yet part of another action are linked; when
 * any of `ideaIds` is not such an idea, nothing is written and the result is null.
 */
export async function insertAction(db: Tx, action: ActionFields, ideaIds: string[], actor: string): Promise<string | null> {
  const id = newId();
  await db.insertInto('network_action').values({
    id, title: action.title, description: action.description, organization_id: action.organizationId, contact: action.contact,
    start_date: action.startDate, due_date: action.dueDate, status: action.status, status_reason: action.statusReason,
    progress: action.progress, is_demo: action.isDemo ?? false, created_by: accountOf(actor),
  }).execute();
  const linked = await db.updateTable('network_idea').set({ action_id: id, updated_at: new Date() })
    .where('id', 'in', ideaIds).where('action_id', 'is', null).where('hidden_at', 'is', null).executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== new Set(ideaIds).size) return null;
  await writeLinks(db, id, action.links);
  await recordChanges(db, actor, [
    ...created(id, 'network_action', auditFields({ ...action, links: linksAudit(action.links) })),
    ...ideaIds.map((ideaId) => ({ resourceId: ideaId, resourceType: 'network_idea', actionType: 'update', fieldName: 'action_id', previousValue: '', replacementValue: id })),
  ]);
  return id;
}

/**
 * Changes an action's own fields and links, and links more ideas to it; every change is audited.
 * Returns false, having written nothing the caller's transaction keeps, when an idea in `moreIdeas`
 * is hidden or part of an action already (the caller rolls back).
 */
export async function updateAction(db: Tx, id: string, action: ActionFields, moreIdeas: string[], actor: string): Promise<boolean> {
  const before = await findAction(db, id);
  if (!before) return false;
  if (moreIdeas.length > 0) {
    const linked = await db.updateTable('network_idea').set({ action_id: id, updated_at: new Date() })
      .where('id', 'in', moreIdeas).where('action_id', 'is', null).where('hidden_at', 'is', null).executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== new Set(moreIdeas).size) return false;
    await recordChanges(db, actor, moreIdeas.map((ideaId) => ({ resourceId: ideaId, resourceType: 'network_idea', actionType: 'update', fieldName: 'action_id', previousValue: '', replacementValue: id })));
  }
  const oldValues = auditFields({ title: before.title, description: before.description, organizationId: before.organization_id, contact: before.contact,
    startDate: before.start_date, dueDate: before.due_date, status: before.status, statusReason: before.status_reason, progress: before.progress,
    links: linksAudit(await linksOf(db, id)) });
  const newValues = auditFields({ ...action, links: linksAudit(action.links) });
  await db.updateTable('network_action').set({
    title: action.title, description: action.description, organization_id: action.organizationId, contact: action.contact,
    start_date: action.startDate, due_date: action.dueDate, status: action.status, status_reason: action.statusReason, progress: action.progress, updated_at: new Date(),
  }).where('id', '=', id).execute();
  await writeLinks(db, id, action.links);
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  await recordChanges(db, actor, (Object.keys(newValues) as (keyof typeof newValues)[])
    .filter((key) => text(oldValues[key]) !== text(newValues[key]))
    .map((key) => ({ resourceId: id, resourceType: 'network_action', actionType: 'update', fieldName: key, previousValue: text(oldValues[key]), replacementValue: text(newValues[key]) })));
  return true;
}

export interface NewUpdate {
  happenedOn: string;
  body: string;
  status: ActionStatus | null;
  /** required by the caller when status is 'lagt_bort' */
  reason: string | null;
  progress: number | null;
}

/** A dated update on the action's timeline; a status or progress given changes the action too. */
export async function addUpdate(db: Tx, actionId: string, update: NewUpdate, actor: string): Promise<void> {
  const before = await db.selectFrom('network_action').select(['status', 'status_reason', 'progress']).where('id', '=', actionId).executeTakeFirstOrThrow();
  const id = newId();
  await db.insertInto('network_action_update').values({ id, action_id: actionId, happened_on: update.happenedOn, body: update.body, status: update.status, progress: update.progress, created_by: accountOf(actor) }).execute();
  const status = update.status ?? before.status;
  const reason = status === 'lagt_bort' ? (update.reason ?? before.status_reason) : null;
  const progress = update.progress ?? before.progress;
  await db.updateTable('network_action').set({ status, status_reason: reason, progress, updated_at: new Date() }).where('id', '=', actionId).execute();
  const changes: AuditChange[] = created(id, 'network_action_update', { action_id: actionId, happened_on: update.happenedOn, body: update.body });
  const change = (fieldName: string, from: string, to: string) => from !== to && changes.push({ resourceId: actionId, resourceType: 'network_action', actionType: 'update', fieldName, previousValue: from, replacementValue: to });
  change('status', before.status, status);
  change('status_reason', before.status_reason ?? '', reason ?? '');
  change('progress', String(before.progress), String(progress));
  await recordChanges(db, actor, changes);
}

/** What the Atom feed tells: new visible ideas, new actions and timeline updates, newest first. */
export async function feedEntries(db: Tx, limit = 50) {
  const [ideas, actions, updates] = await Promise.all([
    db.selectFrom('network_idea').select(['id', 'title', 'description', 'theme', 'created_at']).where('hidden_at', 'is', null).orderBy('created_at', 'desc').limit(limit).execute(),
    db.selectFrom('network_action').select(['id', 'title', 'description', 'created_at']).orderBy('created_at', 'desc').limit(limit).execute(),
    db.selectFrom('network_action_update as u').innerJoin('network_action as a', 'a.id', 'u.action_id')
      .select(['u.id', 'u.action_id', 'a.title as action_title', 'u.body', 'u.status', 'u.progress', 'u.happened_on', 'u.created_at'])
      .orderBy('u.created_at', 'desc').limit(limit).execute(),
  ]);
  return { ideas, actions, updates };
}

/** For the open data: each action's visible idea ids. */
export async function ideaIdsByAction(db: Tx): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('network_idea').select(['id', 'action_id']).where('action_id', 'is not', null).where('hidden_at', 'is', null).orderBy('created_at').execute();
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.action_id!, [...(map.get(row.action_id!) ?? []), row.id]);
  return map;
}

