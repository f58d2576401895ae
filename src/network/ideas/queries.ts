// SQL of ideas, their supports and comments (actions: action-queries.ts). Every write is audited
// (recordChanges) in the caller's transaction.
import type { ActionStatus, IdeaSource, IdeaTheme, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';

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

/** The account behind an audit actor; 'system' (demo loading) is none. */
export const accountOf = (actor: string): string | null => (actor === 'system' ? null : actor);

/** Audit entries for a new row: one per field. */
export const created = (resourceId: string, resourceType: string, fields: Record<string, string | number | boolean | null>): AuditChange[] =>
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
