// All SQL of the evidence library.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';
import { authorLine, type CslName, type EvidenceDesign, type EvidenceEntry, type EvidenceKind, type EvidenceOutcome, type EvidencePopulation } from './model.ts';
import type { CslRecord } from './csl.ts';

export interface EvidenceFilter {
  design?: EvidenceDesign | undefined;
  population?: EvidencePopulation | undefined;
  outcome?: EvidenceOutcome | undefined;
}

/** Entries, newest first; 'both' populations match a filter on rus or mental health too. */
export async function listEntries(db: Tx, filter: EvidenceFilter = {}): Promise<EvidenceEntry[]> {
  let query = db.selectFrom('evidence_entry').selectAll();
  if (filter.design) query = query.where('design', '=', filter.design);
  if (filter.population) query = query.where('population', 'in', filter.population === 'both' ? ['both'] : [filter.population, 'both']);
  if (filter.outcome) query = query.where(sql<boolean>`outcomes @> ${JSON.stringify([filter.outcome])}::jsonb`);
  return query.orderBy('year', (ob) => ob.desc().nullsLast()).orderBy('title').execute();
}

export const findEntry = (db: Tx, key: string) => db.selectFrom('evidence_entry').selectAll().where('key', '=', key).executeTakeFirst();

export const findEntries = (db: Tx, keys: string[]) => keys.length === 0
  ? Promise.resolve([] as EvidenceEntry[])
  : db.selectFrom('evidence_entry').selectAll().where('key', 'in', keys).execute();

export async function takenKeys(db: Tx): Promise<Set<string>> {
  return new Set((await db.selectFrom('evidence_entry').select('key').execute()).map((row) => row.key));
}

/** DOI → key of the entry that has it. */
export async function doiIndex(db: Tx, dois: string[]): Promise<Map<string, string>> {
  if (dois.length === 0) return new Map();
  const rows = await db.selectFrom('evidence_entry').select(['doi', 'key']).where('doi', 'in', dois).execute();
  return new Map(rows.map((row) => [row.doi!, row.key]));
}

/** How many entries have each design and outcome (an entry counts once per outcome it reports). */
export async function mapCounts(db: Tx): Promise<{ cells: Map<string, number>; unclassified: number }> {
  const rows = await db.selectFrom('evidence_entry').select(['design', 'outcomes']).execute();
  const cells = new Map<string, number>();
  let unclassified = 0;
  for (const row of rows) {
    if (!row.design || row.outcomes.length === 0) {
      unclassified++;
      continue;
    }
    for (const outcome of new Set(row.outcomes)) cells.set(`${outcome}|${row.design}`, (cells.get(`${outcome}|${row.design}`) ?? 0) + 1);
  }
  return { cells, unclassified };
}

/** Everything a form or an import sets on an entry. */
export interface EntryValues {
  kind: EvidenceKind;
  title: string;
  authors: CslName[];
  authorsIncomplete: boolean;
  year: number | null;
  containerTitle: string;
  doi: string | null;
  url: string | null;
  design: EvidenceDesign | null;
  population: EvidencePopulation | null;
  setting: string;
  outcomes: EvidenceOutcome[];
  mainFinding: string;
  effectSize: string;
  effectSizeSource: string;
}

/** The audited text of each field, as it stands in a row. */
function auditFields(values: EntryValues): Record<string, string> {
  return {
    kind: values.kind, title: values.title, authors: values.authors.map(authorLine).join('; '), authors_incomplete: String(values.authorsIncomplete), year: values.year === null ? '' : String(values.year),
    container_title: values.containerTitle, doi: values.doi ?? '', url: values.url ?? '', design: values.design ?? '', population: values.population ?? '',
    setting: values.setting, outcomes: values.outcomes.join(', '), main_finding: values.mainFinding, effect_size: values.effectSize, effect_size_source: values.effectSizeSource,
  };
}

export const valuesOf = (entry: EvidenceEntry): EntryValues => ({
  kind: entry.kind, title: entry.title, authors: entry.authors, authorsIncomplete: entry.authors_incomplete, year: entry.year, containerTitle: entry.container_title, doi: entry.doi, url: entry.url,
  design: entry.design, population: entry.population, setting: entry.setting, outcomes: entry.outcomes, mainFinding: entry.main_finding,
  effectSize: entry.effect_size, effectSizeSource: entry.effect_size_source,
});

const columns = (values: EntryValues) => ({
  kind: values.kind, title: values.title, authors: JSON.stringify(values.authors), authors_incomplete: values.authorsIncomplete, year: values.year, container_title: values.containerTitle,
  doi: values.doi, url: values.url, design: values.design, population: values.population, setting: values.setting,
  outcomes: JSON.stringify(values.outcomes), main_finding: values.mainFinding, effect_size: values.effectSize, effect_size_source: values.effectSizeSource,
});

/** Adds an entry and audits each field it was given. */
export async function insertEntry(db: Tx, input: { key: string; values: EntryValues; csl: CslRecord; origin: 'import' | 'form'; actor: string }): Promise<string> {
  const id = newId();
  await db.insertInto('evidence_entry').values({
    id, key: input.key, ...columns(input.values), csl: JSON.stringify(input.csl), origin: input.origin, created_by: input.actor,
  }).execute();
  const changes: AuditChange[] = Object.entries({ key: input.key, ...auditFields(input.values) }).filter(([, value]) => value !== '' && value !== 'false')
    .map(([fieldName, value]) => ({ resourceId: id, resourceType: 'evidence_entry', actionType: input.origin === 'import' ? 'import' : 'create', fieldName, previousValue: '', replacementValue: value }));
  await recordChanges(db, input.actor, changes);
  return id;
}

const CITATION_FIELDS = ['title', 'authors', 'authors_incomplete', 'year', 'container_title', 'doi', 'url'];

/**
 * Changes an entry and audits each changed field. A changed citation makes the entry unchecked
 * again: what was checked is no longer what is shown.
 */
export async function updateEntry(db: Tx, entry: EvidenceEntry, values: EntryValues, actor: string): Promise<void> {
  const before = auditFields(valuesOf(entry));
  const after = auditFields(values);
  const changed = Object.keys(after).filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return;
  const uncheck = entry.checked_at !== null && changed.some((field) => CITATION_FIELDS.includes(field));
  await db.updateTable('evidence_entry').set({
    ...columns(values), updated_at: new Date(), ...(uncheck ? { checked_at: null, checked_by: null } : {}),
  }).where('id', '=', entry.id).execute();
  const changes: AuditChange[] = changed.map((fieldName) => ({
    resourceId: entry.id, resourceType: 'evidence_entry', actionType: 'update', fieldName, previousValue: before[fieldName]!, replacementValue: after[fieldName]!,
  }));
  if (uncheck) changes.push({ resourceId: entry.id, resourceType: 'evidence_entry', actionType: 'uncheck', fieldName: 'checked_at', previousValue: entry.checked_at!.toISOString(), replacementValue: '' });
  await recordChanges(db, actor, changes);
}

/** Marks an entry checked by this person now; false when it already was. */
export async function markChecked(db: Tx, entry: EvidenceEntry, actor: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('evidence_entry').set({ checked_at: now, checked_by: actor }).where('id', '=', entry.id).where('checked_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await recordChanges(db, actor, [{ resourceId: entry.id, resourceType: 'evidence_entry', actionType: 'check', fieldName: 'checked_at', previousValue: '', replacementValue: now.toISOString() }]);
  return true;
}

/** Who checked the entry, as pages show it: a name, never an email. */
export async function checkerName(db: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('app_user').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}
