// All SQL of the ideas part: ideas, supports, comments, actions and their timelines. Every write is
// audited (recordChanges) in the caller's transaction.
import type { ActionStatus, IdeaSource, IdeaTheme, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';
import type { ActionLink } from './model.ts';

export interface IdeaFilter {
  theme?: IdeaTheme | undefined;
  eventId?: string | undefined;
  organizationId?: string | undefined;
}

export interface IdeaRow {
  id: string;
  title: string;
  description: string;
  theme: IdeaTheme;
  source: IdeaSource;
  event_id: string | null;
  event_title: string | null;
  action_id: string | null;
  action_title: string | null;
  action_status: ActionStatus | null;
  author_id: string | null;
  hidden_reason: string | null;
  is_demo: boolean;
  created_at: Date;
  supports: number;
  comments: number;
}

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

/** The account behind an audit actor; 'system' (demo loading) is none. */
const accountOf = (actor: string): string | null => (actor === 'system' ? null : actor);

const created = (resourceId: string, resourceType: string, fields: Record<string, string | number | boolean | null>): AuditChange[] =>
  Object.entries(fields).map(([fieldName, value]) => ({ resourceId, resourceType, actionType: 'create', fieldName, previousValue: '', replacementValue: value === null ? '' : String(value) }));

/** Events an idea may belong to: published ones, newest first. */
export function listEvents(db: Tx) {
  return db.selectFrom('network_event').select(['id', 'title', 'starts_at']).where('status', '=', 'published').orderBy('starts_at', 'desc').execute();
}

export function listOrganizations(db: Tx) {
  return db.selectFrom('network_organization').select(['id', 'name']).orderBy('name').execute();
}

function ideaQuery(db: Tx) {
  return db.selectFrom('network_idea as i')
    .leftJoin('network_event as e', 'e.id', 'i.event_id')
    .leftJoin('network_action as a', 'a.id', 'i.action_id')
    .select(['i.id', 'i.title', 'i.description', 'i.theme', 'i.source', 'i.event_id', 'e.title as event_title', 'i.action_id',
      'a.title as action_title', 'a.status as action_status', 'i.author_id', 'i.hidden_reason', 'i.is_demo', 'i.created_at'])
    .select((eb) => [
      eb.selectFrom('network_idea_support as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.idea_id', '=', 'i.id').as('supports'),
      eb.selectFrom('network_idea_comment as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.idea_id', '=', 'i.id').where('c.hidden_at', 'is', null).as('comments'),
    ]);
}

const counted = <T extends { supports: number | null; comments: number | null }>(row: T) => ({ ...row, supports: Number(row.supports ?? 0), comments: Number(row.comments ?? 0) });

/** Visible ideas (never hidden ones), newest first, narrowed by the filter. */
export async function listIdeas(db: Tx, filter: IdeaFilter = {}): Promise<IdeaRow[]> {
  let query = ideaQuery(db).where('i.hidden_at', 'is', null);
  if (filter.theme) query = query.where('i.theme', '=', filter.theme);
  if (filter.eventId) query = query.where('i.event_id', '=', filter.eventId);
  if (filter.organizationId) query = query.where('a.organization_id', '=', filter.organizationId);
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id').execute();
  return rows.map(counted);
}

/** Hidden ideas: all of them for the secretariat, else only the person's own (who sees why). */
export async function listHiddenIdeas(db: Tx, viewer: { userId: string; secretariat: boolean }): Promise<IdeaRow[]> {
  let query = ideaQuery(db).where('i.hidden_at', 'is not', null);
  if (!viewer.secretariat) query = query.where('i.author_id', '=', viewer.userId);
  const rows = await query.orderBy('i.hidden_at', 'desc').execute();
  return rows.map(counted);
}

/** One idea, hidden or not (the caller decides who may see a hidden one). */
export async function findIdea(db: Tx, id: string): Promise<IdeaRow | undefined> {
  const row = await ideaQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

/** The ideas of one action that the public may see. */
export async function ideasOfAction(db: Tx, actionId: string): Promise<IdeaRow[]> {
  const rows = await ideaQuery(db).where('i.action_id', '=', actionId).where('i.hidden_at', 'is', null).orderBy('i.created_at').execute();
  return rows.map(counted);
}

/** Visible ideas not yet part of an action: what a new action may be made of. */
export async function ideasWithoutAction(db: Tx): Promise<IdeaRow[]> {
  const rows = await ideaQuery(db).where('i.hidden_at', 'is', null).where('i.action_id', 'is', null).orderBy('i.created_at', 'desc').execute();
  return rows.map(counted);
}

export interface NewIdea {
  title: string;
  description: string;
  theme: IdeaTheme;
  eventId: string | null;
  source: IdeaSource;
  isDemo?: boolean;
}

/** A person's own idea (author), or one captured on paper at a seminar (no author; entered_by the secretariat member). */
export async function insertIdea(db: Tx, idea: NewIdea, actor: string): Promise<string> {
  const id = newId();
  await db.insertInto('network_idea').values({
    id, title: idea.title, description: idea.description, theme: idea.theme, event_id: idea.eventId, source: idea.source,
    author_id: idea.source === 'person' ? accountOf(actor) : null, entered_by: accountOf(actor), is_demo: idea.isDemo ?? false,
  }).execute();
  await recordChanges(db, actor, created(id, 'network_idea', { title: idea.title, description: idea.description, theme: idea.theme, event_id: idea.eventId, source: idea.source }));
  return id;
}

export async function hasSupported(db: Tx, ideaId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('network_idea_support').select('idea_id').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst());
}

/** Supports the idea, or withdraws the support when there is one. Returns whether the person supports it now. */
export async function toggleSupport(db: Tx, ideaId: string, userId: string): Promise<boolean> {
  const removed = await db.deleteFrom('network_idea_support').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst();
  if (removed.numDeletedRows > 0n) return false;
  // two clicks at once: the primary key keeps it at one support
  await db.insertInto('network_idea_support').values({ idea_id: ideaId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  return true;
}

export interface CommentRow {
  id: string;
  author_id: string;
  body: string;
  hidden_reason: string | null;
  created_at: Date;
}

export function listComments(db: Tx, ideaId: string): Promise<CommentRow[]> {
  return db.selectFrom('network_idea_comment').select(['id', 'author_id', 'body', 'hidden_reason', 'created_at'])
    .where('idea_id', '=', ideaId).orderBy('created_at').orderBy('id').execute();
}

export function findComment(db: Tx, id: string) {
  return db.selectFrom('network_idea_comment').select(['id', 'idea_id', 'hidden_reason']).where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Tx, ideaId: string, body: string, actor: string): Promise<void> {
  const id = newId();
  await db.insertInto('network_idea_comment').values({ id, idea_id: ideaId, author_id: actor, body }).execute();
  // the text stays out of the audit log: the log cannot be changed, and a deleted account's comments must go
  await recordChanges(db, actor, created(id, 'network_idea_comment', { idea_id: ideaId }));
}

/** Hides an idea or a comment with a reason, or shows it again (reason null). Audited. */
export async function setHidden(db: Tx, kind: 'network_idea' | 'network_idea_comment', id: string, reason: string | null, actor: string): Promise<void> {
  const before = await db.selectFrom(kind).select('hidden_reason').where('id', '=', id).executeTakeFirstOrThrow();
  const values = { hidden_reason: reason, hidden_by: reason === null ? null : actor, hidden_at: reason === null ? null : new Date() };
  await db.updateTable(kind).set(values).where('id', '=', id).execute();
  await recordChanges(db, actor, [{ resourceId: id, resourceType: kind, actionType: reason === null ? 'show' : 'hide', fieldName: 'hidden_reason', previousValue: before.hidden_reason ?? '', replacementValue: reason ?? '' }]);
}

// ---- actions ----

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

