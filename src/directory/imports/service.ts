import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import { asAccounts, findRoles, queueMail, recordManyChanges, type AuditChange } from '../../accounts/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { importSource, LISTED_ROWS, shownValue, type ImportOptions, type ImportReport } from '../hsds/index.ts';
import type { Plan, PlannedRows } from '../hsds/import/apply.ts';
import { TABLES } from '../hsds/import/dataset.ts';
import { UnreadableSource } from '../hsds/import/unreadable.ts';
import { imports as m } from './messages.ts';
import { editorScope } from './scope.ts';
import { importsDb, type ImportsTx, type ImportStatus, type UploadedFile } from './tables.ts';

/** What the import page takes; larger files go through `npm run import`. */
export const UPLOAD_LIMITS = { megabytes: 25, files: 20 };
/** A file name we write to a temporary folder: no paths, no hidden files. */
export const SAFE_FILE_NAME = /^[\p{L}\p{N}_-][\p{L}\p{N}._ -]{0,119}$/u;

export interface Importer { id: string; isAdmin: boolean; editorOf: readonly string[] }
export interface ImportRun {
  id: string;
  createdBy: string | null;
  createdByEmail: string | null;
  createdAt: Date;
  channel: 'page' | 'cli';
  source: string;
  sha256: string | null;
  files: UploadedFile[] | null;
  status: ImportStatus;
  report: StoredReport;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** As many problems and warnings as a stored report keeps (a broken 25 MB file can have far more). */
const STORED_FINDINGS = 1000;
/** A report as a run keeps it: long lists cut, with their full lengths in totals. */
export type StoredReport = ImportReport & { totals?: { problems: number; warnings: number } };

function storable(report: ImportReport): string {
  const stored: StoredReport = {
    ...report, problems: report.problems.slice(0, STORED_FINDINGS), warnings: report.warnings.slice(0, STORED_FINDINGS),
    changes: report.changes.slice(0, LISTED_ROWS), totals: { problems: report.problems.length, warnings: report.warnings.length },
  };
  return JSON.stringify(stored);
}

/** A decision that came too late: someone else decided the run first. */
export class AlreadyDecided extends Error {}

/**
 * The rows an importer may touch: admins any, editors their organisations'. A run whose uploader
 * has deleted their account is judged by the admin who decides it, with no scope of its own.
 */
const scopeOf = (importer: Importer | null): ImportOptions['scope'] => (!importer || importer.isAdmin ? undefined : editorScope(importer.editorOf));

export function checksum(files: UploadedFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}

/**
 * Runs the import on uploaded files: they are written to a private temporary folder the import
 * reads like any other file or folder, and the folder is gone afterwards. Findings never show it.
 */
async function importFiles(db: Db, files: UploadedFile[], options: ImportOptions): Promise<ImportReport> {
  const dir = await mkdtemp(join(tmpdir(), 'samklang-import-'));
  try {
    for (const file of files) await writeFile(join(dir, file.name), file.text, { mode: 0o600 });
    const ref = files.length === 1 ? join(dir, files[0]!.name) : dir;
    let report: ImportReport;
    try {
      report = await importSource(db, ref, options);
    } catch (error) {
      // a file the upload lacks (a datapackage.json names it) is a problem with the upload, not a bug
      if (!(error instanceof UnreadableSource)) throw error;
      const where = error.path ? basename(error.path) : files.map((f) => f.name).join(', ');
      report = { source: '', dryRun: options.dryRun, ok: false, problems: [{ where, message: error.message }], warnings: [], counts: {}, changes: [], added: [], details: [], reindexed: 0 };
    }
    const hide = (text: string) => text.split(`${dir}/`).join('').split(dir).join('');
    for (const finding of [...report.problems, ...report.warnings]) Object.assign(finding, { where: hide(finding.where), message: hide(finding.message) });
    report.source = files.map((f) => f.name).join(', ');
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The audit entries of an applied import: each new row once, each changed field with both values. */
export function auditChanges(plan: Plan, rows: PlannedRows): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const table of TABLES) {
    const stored = rows.get(table)!;
    for (const id of plan[table].added) {
      const row = stored.get(id)!;
      changes.push({ resourceId: id, resourceType: table, actionType: 'import-create', fieldName: '*', previousValue: '', replacementValue: shownValue(row.name ?? '') });
    }
    for (const change of plan[table].changed) {
      const row = stored.get(change.id)!;
      for (const field of change.fields) {
        changes.push({ resourceId: change.id, resourceType: table, actionType: 'import-update', fieldName: field, previousValue: shownValue(change.previous[field]), replacementValue: shownValue(row[field]) });
      }
    }
  }
  return changes;
}

/** Checks uploaded files (a dry run, with the importer's scope) and keeps them as a run to decide on. */
export async function checkUpload(db: Db, importer: Importer, files: UploadedFile[]): Promise<string> {
  const report = await importFiles(db, files, { dryRun: true, scope: scopeOf(importer) });
  const id = newId();
  await importsDb(db).insertInto('import_run').values({
    id, created_by: importer.id, channel: 'page', source: report.source, sha256: checksum(files),
    size_bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    files: report.ok ? JSON.stringify(files) : null, status: report.ok ? 'checked' : 'invalid', report: storable(report),
  }).execute();
  return id;
}

/** The person who uploaded a run, with the roles they have now, or null when the account is gone. */
const uploader = async (db: Db, run: ImportRun): Promise<Importer | null> =>
  (run.createdBy ? await findRoles(asAccounts(importsDb(db)), run.createdBy) : undefined) ?? null;

/** A waiting run checked again against the directory as it is now; the fresh report is kept. */
export async function recheck(db: Db, run: ImportRun): Promise<ImportReport> {
  const owner = await uploader(db, run);
  const report = await importFiles(db, run.files ?? [], { dryRun: true, scope: scopeOf(owner) });
  await importsDb(db).updateTable('import_run').set({ report: storable(report) }).where('id', '=', run.id).execute();
  return report;
}

/** Marks a waiting run decided; throws AlreadyDecided when another request decided it first. */
async function decide(db: ImportsTx, runId: string, decision: { status: ImportStatus; by: string; reason?: string }): Promise<void> {
  const done = await db.updateTable('import_run')
    .set({ status: decision.status, decided_by: decision.by, decided_at: sql`now()`, reason: decision.reason ?? null, files: null })
    .where('id', '=', runId).where('status', 'in', ['checked', 'submitted']).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new AlreadyDecided();
}

/**
 * Writes a run into the directory, by an admin: the import, its audit entries and the run's new
 * status in one transaction. The uploader hears by mail when it was someone else's import.
 */
export async function applyRun(db: Db, run: ImportRun, admin: { id: string }, link: string): Promise<ImportReport> {
  const owner = await uploader(db, run);
  const report = await importFiles(db, run.files ?? [], {
    dryRun: false,
    scope: scopeOf(owner),
    onWrite: async (trx: Tx, plan: Plan, rows: PlannedRows) => {
      const tx = importsDb(trx as Db) as ImportsTx;
      await decide(tx, run.id, { status: 'applied', by: admin.id });
      await recordManyChanges(asAccounts(tx), admin.id, auditChanges(plan, rows), run.id);
      if (run.createdBy && run.createdBy !== admin.id && run.createdByEmail) {
        await queueMail(asAccounts(tx), { to: run.createdByEmail, subject: m.mail.approvedSubject, body: m.mail.approvedBody(run.source, link) });
      }
    },
  });
  await importsDb(db).updateTable('import_run').set({ report: storable(report) }).where('id', '=', run.id).execute();
  return report;
}

export async function submitRun(db: Db, runId: string): Promise<boolean> {
  const done = await importsDb(db).updateTable('import_run').set({ status: 'submitted', submitted_at: sql`now()` })
    .where('id', '=', runId).where('status', '=', 'checked').executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export async function discardRun(db: Db, runId: string, by: string): Promise<void> {
  await decide(importsDb(db), runId, { status: 'discarded', by });
}

/** Rejects an editor's import with a reason that is mailed to them. */
export async function rejectRun(db: Db, run: ImportRun, admin: { id: string }, reason: string, link: string): Promise<void> {
  await importsDb(db).transaction().execute(async (trx) => {
    await decide(trx, run.id, { status: 'rejected', by: admin.id, reason });
    if (run.createdByEmail) await queueMail(asAccounts(trx), { to: run.createdByEmail, subject: m.mail.rejectedSubject, body: m.mail.rejectedBody(run.source, reason, link) });
  });
}

/**
 * `npm run import`: the command line is trusted like an admin (it holds the database credentials).
 * A written import is kept as a run and audited as made by 'system'; a dry run changes nothing and
 * is not kept.
 */
export async function importFromCommandLine(db: Db, ref: string, options: { dryRun: boolean }): Promise<ImportReport> {
  if (options.dryRun) return importSource(db, ref, options);
  const id = newId();
  const tables = importsDb(db);
  const report = await importSource(db, ref, {
    dryRun: false,
    onWrite: async (trx, plan, rows) => {
      const tx = importsDb(trx as Db) as ImportsTx;
      await tx.insertInto('import_run').values({ id, created_by: null, channel: 'cli', source: ref, sha256: null, size_bytes: 0, files: null, status: 'applied', report: '{}', decided_at: new Date() }).execute();
      await recordManyChanges(asAccounts(tx), 'system', auditChanges(plan, rows), id);
    },
  });
  const stored = storable(report);
  if (report.ok) await tables.updateTable('import_run').set({ report: stored }).where('id', '=', id).execute();
  else await tables.insertInto('import_run').values({ id, channel: 'cli', source: ref, sha256: null, size_bytes: 0, files: null, status: 'invalid', report: stored }).execute();
  return report;
}
