import type { Db } from '../../../platform/db/index.ts';
import { applyPlan, planChanges, type Plan } from './apply.ts';
import { TABLES, type Dataset, type Finding, type TableName } from './dataset.ts';
import { UNSTORED_FIELDS } from './columns.ts';
import { readDataset } from './read.ts';
import { templateLookup } from './template.ts';
import { validateDataset } from './validate.ts';

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
  /** services whose finder entry was rebuilt */
  reindexed: number;
}

function notStored(dataset: Dataset): Finding[] {
  const findings: Finding[] = [...dataset.ignored].map(([table, count]) => ({
    where: table, message: `${count} ${table} row(s) are not stored by Samklang (yet) and were left out`,
  }));
  for (const [key, { count, where }] of dataset.ignoredFields) {
    const [table, field] = key.split('.') as [TableName, string];
    const known = UNSTORED_FIELDS[table]?.includes(field);
    findings.push({ where, message: `${known ? 'the HSDS field' : 'the unknown field'} ${key} is not stored (${count} time(s)) and was left out` });
  }
  return findings;
}

function summarise(plan: Plan) {
  const counts: ImportReport['counts'] = {};
  const changes: string[] = [];
  for (const table of TABLES) {
    const p = plan[table];
    if (p.added.length + p.changed.length + p.unchanged === 0) continue;
    counts[table] = { added: p.added.length, changed: p.changed.length, unchanged: p.unchanged };
    for (const change of p.changed) changes.push(`${table} ${change.id}: ${change.fields.join(', ')}`);
  }
  return { counts, changes };
}

/**
 * Imports a file or URL: reads it, validates every row, and only then writes everything in one
 * transaction (or, in a dry run, only says what would change). A file with any problem changes
 * nothing. Rows are upserted by id, so importing the same file again changes nothing. Rows the
 * file leaves out are never deleted.
 *
 * Admin only, from the command line, until accounts exist; then imports go through moderation.
 */
export async function importSource(db: Db, ref: string, options: { dryRun: boolean }): Promise<ImportReport> {
  const dataset = await readDataset(ref, await templateLookup(db));
  if (dataset.problems.length === 0) await validateDataset(db, dataset);
  const report: ImportReport = {
    source: ref, dryRun: options.dryRun, ok: false, problems: dataset.problems, warnings: [...dataset.warnings, ...notStored(dataset)],
    counts: {}, changes: [], reindexed: 0,
  };
  if (dataset.problems.length > 0) return report;
  if (dataset.size() === 0) {
    report.problems.push({ where: ref, message: 'holds no directory data' });
    return report;
  }
  if (options.dryRun) {
    Object.assign(report, summarise((await planChanges(db, dataset)).plan), { ok: true });
    return report;
  }
  await db.transaction().execute(async (trx) => {
    const { plan, rows } = await planChanges(trx, dataset);
    Object.assign(report, summarise(plan));
    report.reindexed = await applyPlan(trx, plan, rows);
  });
  report.ok = true;
  return report;
}
