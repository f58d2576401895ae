import type { Db } from '../../../../platform/db/index.ts';
import type { Tx } from '../../../../platform/db/index.ts';
import { applyPlan, planChanges, type Plan, type PlannedRows } from './apply.ts';
import { TABLES, type Dataset, type Finding, type TableName } from '../../../hsds/dataset.ts';
import { UNSTORED_FIELDS, UNSTORED_TABLES } from '../../../hsds/columns.ts';
import { readDataset, sourcesOf, type ImportInput } from './read.ts';
export type { ImportFile, ImportInput } from './read.ts';
import { templateLookup } from './template.ts';
import { validateDataset } from './validate.ts';
import { msg } from '../../../../platform/i18n/index.ts';

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** true when the file was valid (and, unless a dry run, written) */
  ok: boolean;
  problems: Finding[];
  warnings: Finding[];
  /** per table: rows new, changed and unchanged (what a dry run would write) */
  counts: Partial<Record<TableName, { added: number; changed: number; unchanged: number }>>;
  /** one line per changed row: which fields change */
  changes: string[];
  /** the first new rows, by table, with a name where the row has one (for people to read) */
  added: { table: TableName; id: string; label: string | null }[];
  /** the first changed rows, each changed field with its value before and after */
  details: { table: TableName; id: string; label: string | null; fields: { name: string; previous: string; replacement: string }[] }[];
  /** services whose finder entry was rebuilt */
  reindexed: number;
}

export interface ImportProgress { phase: 'read' | 'validated' | 'compared'; rows: number }

/** How many new and changed rows a report lists one by one (the counts cover all). */
export const LISTED_ROWS = 500;

export interface ImportOptions {
  dryRun: boolean;
  /** at most this many rows (all tables together); more is one problem, nothing is checked further */
  maxRows?: number;
  /** told as the import moves on: rows read, rows checked against the directory */
  onProgress?: (progress: ImportProgress) => void;
  /** runs first in the import's transaction, before anything is planned or written: e.g. claiming a run so a second approval waits and finds it decided */
  onBegin?: (trx: Tx) => Promise<void>;
  /** further problems found in the planned changes, e.g. rows outside an editor's organisations */
  scope?: (db: Tx, plan: Plan, rows: PlannedRows, where: (table: TableName, id: string) => string) => Promise<Finding[]>;
  /** runs in the import's transaction once the rows are written: audit entries, bookkeeping */
  onWrite?: (trx: Tx, plan: Plan, rows: PlannedRows) => Promise<void>;
}

/** Where in the file a row came from, for findings about it. */
const whereIn = (dataset: Dataset) => (table: TableName, id: string) => dataset.tables.get(table)?.get(id)?.where ?? `${table} ${id}`;

/** A stored value as a person reads it in a report or the audit log. */
export const shownValue = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

function labelOf(row: Record<string, unknown> | undefined): string | null {
  const label = row?.name ?? row?.address_1 ?? row?.number ?? row?.identifier ?? row?.language;
  return typeof label === 'string' && label !== '' ? label : null;
}

function notStored(dataset: Dataset): Finding[] {
  const findings: Finding[] = [...dataset.ignored].map(([table, count]) => ({
    where: table, message: msg.hsdsImport.leftOut.table(table, count, UNSTORED_TABLES[table] ?? ''),
  }));
  for (const [key, { count, where }] of dataset.ignoredFields) {
    const [table, field] = key.split('.') as [TableName, string];
    const reason = UNSTORED_FIELDS[table]?.[field];
    findings.push({ where, message: reason === undefined ? msg.hsdsImport.leftOut.unknownField(key, count) : msg.hsdsImport.leftOut.knownField(key, count, reason) });
  }
  return findings;
}

function summarise(plan: Plan, rows: PlannedRows) {
  const counts: ImportReport['counts'] = {};
  const changes: string[] = [];
  const added: ImportReport['added'] = [];
  const details: ImportReport['details'] = [];
  for (const table of TABLES) {
    const p = plan[table];
    if (p.added.length + p.changed.length + p.unchanged === 0) continue;
    counts[table] = { added: p.added.length, changed: p.changed.length, unchanged: p.unchanged };
    const stored = rows.get(table)!;
    for (const id of p.added.slice(0, Math.max(0, LISTED_ROWS - added.length))) added.push({ table, id, label: labelOf(stored.get(id)) });
    for (const change of p.changed) {
      changes.push(`${table} ${change.id}: ${change.fields.join(', ')}`);
      if (details.length >= LISTED_ROWS) continue;
      const row = stored.get(change.id)!;
      details.push({
        table, id: change.id, label: labelOf(row) ?? labelOf(change.previous),
        fields: change.fields.map((name) => ({ name, previous: shownValue(change.previous[name]), replacement: shownValue(row[name]) })),
      });
    }
  }
  return { counts, changes, added, details };
}

/**
 * Imports files (an upload, or a path or URL the command line names): reads them, validates every row, and only then writes everything in one
 * transaction (or, in a dry run, only says what would change). A file with any problem changes
 * nothing. Rows are upserted by id, so importing the same file again changes nothing. Rows the
 * file leaves out are never deleted.
 *
 * Who may import, and the moderation of editors' imports, live in ../ (src/directory/intake/imports/).
 */
export async function importSource(db: Db, source: string | ImportInput, options: ImportOptions): Promise<ImportReport> {
  const input = typeof source === 'string' ? await sourcesOf(source) : source;
  const ref = input.name;
  const dataset = await readDataset(input, await templateLookup(db));
  const report: ImportReport = {
    source: ref, dryRun: options.dryRun, ok: false, problems: dataset.problems, warnings: [...dataset.warnings],
    counts: {}, changes: [], added: [], details: [], reindexed: 0,
  };
  if (options.maxRows !== undefined && dataset.size() > options.maxRows) {
    report.problems.unshift({ where: ref, message: msg.hsdsImport.tooManyRows(dataset.size(), options.maxRows) });
    return report;
  }
  options.onProgress?.({ phase: 'read', rows: dataset.size() });
  if (dataset.problems.length === 0) await validateDataset(db, dataset);
  options.onProgress?.({ phase: 'validated', rows: dataset.size() });
  report.warnings = [...dataset.warnings, ...notStored(dataset)];
  if (dataset.problems.length > 0) return report;
  if (dataset.size() === 0) {
    report.problems.push({ where: ref, message: msg.hsdsImport.noData });
    return report;
  }
  if (options.dryRun) {
    const { plan, rows, maskedKept } = await planChanges(db, dataset);
    if (maskedKept > 0) report.warnings.push({ where: ref, message: msg.hsdsImport.leftOut.maskedKept(maskedKept) });
    options.onProgress?.({ phase: 'compared', rows: dataset.size() });
    report.problems.push(...(await options.scope?.(db, plan, rows, whereIn(dataset))) ?? []);
    Object.assign(report, summarise(plan, rows), { ok: report.problems.length === 0 });
    return report;
  }
  try {
    // the order matters: claim, then plan and check the scope against the directory as it is inside
    // the transaction, and only then write; any problem or refusal rolls everything back
    await db.transaction().execute(async (trx) => {
      await options.onBegin?.(trx);
      const { plan, rows, maskedKept } = await planChanges(trx, dataset);
      if (maskedKept > 0) report.warnings.push({ where: ref, message: msg.hsdsImport.leftOut.maskedKept(maskedKept) });
      Object.assign(report, summarise(plan, rows));
      report.problems.push(...(await options.scope?.(trx, plan, rows, whereIn(dataset))) ?? []);
      if (report.problems.length > 0) throw new Refused();
      report.reindexed = await applyPlan(trx, plan, rows);
      await options.onWrite?.(trx, plan, rows);
    });
  } catch (error) {
    if (error instanceof Refused) return report;
    const refusal = databaseRefusal(error);
    if (refusal === null) throw error;
    report.reindexed = 0;
    report.problems.push({ where: ref, message: msg.hsdsImport.refusedByDatabase(refusal) });
    return report;
  }
  report.ok = true;
  return report;
}

/** Rolls the import's transaction back when its own checks find a problem. */
class Refused extends Error {}

/**
 * A value the database refused (SQLSTATE class 22, data exception; 23, integrity constraint; P0,
 * raised by a trigger): the check should have caught it, but if it did not, the person hears what
 * the database said and nothing is written. Anything else is a bug and goes to the error handler.
 */
function databaseRefusal(error: unknown): string | null {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !/^(22|23|P0)/.test(code)) return null;
  return String(message ?? code).slice(0, 300);
}
