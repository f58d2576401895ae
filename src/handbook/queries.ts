// Every SQL statement about handbook sections and their revisions. Functions take the handle first.
import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import { newId } from '../platform/ids.ts';
import type { ChecklistItem } from './content.ts';
import type { SectionStatus } from './tables.ts';

export interface SectionContent {
  title: string;
  summary: string;
  sources: string[];
  body: string;
  bodyText: string;
}

const SECTION_COLUMNS = [
  'id', 'slug', 'source_path', 'part', 'sort_order', 'title', 'summary', 'sources', 'checklist', 'body',
  'status', 'last_reviewed', 'reviewed_by', 'file_checksum', 'edited_in_db', 'updated_at',
] as const;

export function listSections(db: Db) {
  return db.selectFrom('handbook_section').select(SECTION_COLUMNS).orderBy('sort_order').execute();
}
export type SectionRow = Awaited<ReturnType<typeof listSections>>[number];

export function findSection(db: Db, slug: string) {
  return db.selectFrom('handbook_section').select(SECTION_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export interface NewSection extends SectionContent {
  slug: string;
  sourcePath: string;
  part: string;
  order: number;
  checklist: ChecklistItem[];
  status: SectionStatus;
  lastReviewed: string | null;
  fileChecksum: string;
}

export async function insertSection(db: Db, section: NewSection, revision: { origin: 'file' | 'browser'; author: string | null; note: string | null }) {
  const id = newId();
  await db.insertInto('handbook_section').values({
    id, slug: section.slug, source_path: section.sourcePath, part: section.part, sort_order: section.order,
    title: section.title, summary: section.summary, sources: JSON.stringify(section.sources), checklist: JSON.stringify(section.checklist),
    body: section.body, body_text: section.bodyText, status: section.status, last_reviewed: section.lastReviewed,
    reviewed_by: null, file_checksum: section.fileChecksum,
  }).execute();
  await insertRevision(db, id, section, revision);
}

/** Content and front matter from a file replace what the database holds (an unedited section). */
export async function replaceFromFile(db: Db, id: string, section: NewSection) {
  await db.updateTable('handbook_section').set({
    source_path: section.sourcePath, part: section.part, sort_order: section.order, title: section.title,
    summary: section.summary, sources: JSON.stringify(section.sources), checklist: JSON.stringify(section.checklist),
    body: section.body, body_text: section.bodyText, status: section.status, last_reviewed: section.lastReviewed,
    file_checksum: section.fileChecksum, edited_in_db: false, updated_at: sql<Date>`now()`,
  }).where('id', '=', id).execute();
  await insertRevision(db, id, section, { origin: 'file', author: null, note: null });
}

/** An admin's edit: the text changes, so a reviewed section goes back to draft (the review was of other words). */
/** `author`: the name shown in the history, and the account, so the name can go with the account. */
export async function updateFromBrowser(db: Db, id: string, content: SectionContent, author: { name: string; id: string }, note: string | null) {
  await db.updateTable('handbook_section').set({
    title: content.title, summary: content.summary, sources: JSON.stringify(content.sources), body: content.body,
    body_text: content.bodyText, status: 'utkast', last_reviewed: null, reviewed_by: null, reviewed_by_id: null, edited_in_db: true, updated_at: sql<Date>`now()`,
  }).where('id', '=', id).execute();
  await insertRevision(db, id, content, { origin: 'browser', author: author.name, authorId: author.id, note });
}

export function markReviewed(db: Db, id: string, reviewer: { name: string; id: string }, date: string) {
  return db.updateTable('handbook_section')
    .set({ status: 'gjennomgått', last_reviewed: date, reviewed_by: reviewer.name, reviewed_by_id: reviewer.id, edited_in_db: true, updated_at: sql<Date>`now()` })
    .where('id', '=', id).execute();
}

/** After export the file holds exactly what the database holds. */
export function markExported(db: Db, id: string, fileChecksum: string) {
  return db.updateTable('handbook_section').set({ file_checksum: fileChecksum, edited_in_db: false })
    .where('id', '=', id).execute();
}

async function insertRevision(db: Db, sectionId: string, content: SectionContent, meta: { origin: 'file' | 'browser'; author: string | null; authorId?: string; note: string | null }) {
  const last = await db.selectFrom('handbook_revision').select((eb) => eb.fn.max('number').as('n'))
    .where('section_id', '=', sectionId).executeTakeFirst();
  await db.insertInto('handbook_revision').values({
    id: newId(), section_id: sectionId, number: (last?.n ?? 0) + 1, title: content.title, summary: content.summary,
    sources: JSON.stringify(content.sources), body: content.body, origin: meta.origin, author: meta.author, author_id: meta.authorId ?? null, note: meta.note,
  }).execute();
}

export function listRevisions(db: Db, sectionId: string) {
  return db.selectFrom('handbook_revision')
    .select(['id', 'number', 'title', 'summary', 'sources', 'body', 'origin', 'author', 'note', 'created_at'])
    .where('section_id', '=', sectionId).orderBy('number', 'desc').execute();
}
export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];
