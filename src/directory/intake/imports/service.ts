import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { findRoles, recordManyChanges, type AuditChange, inLanguageOf } from '../../../accounts/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Db, Tx } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import { importSource, LISTED_ROWS, shownValue, type ImportOptions, type ImportReport } from './pipeline/index.ts';
import { createdWithParent, type Plan, type PlannedRows } from './pipeline/apply.ts';
import { TABLES } from '../../hsds/dataset.ts';
import { UnreadableSource } from './pipeline/unreadable.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { editorScope } from './scope.ts';
import { dropFiles, findRun, loadFiles, storeFiles } from './store.ts';
import { directoryVersion } from '../../version.ts';
import type { ImportStatus, UploadedFile } from './tables.ts';

const m = msg.imports;

/** What the import page takes; larger files go through `npm run import`. Editors' imports are bounded in rows too: they are checked by the server for anyone who registered an organisation. */
export const UPLOAD_LIMITS = { megabytes: 25, files: 30, editorRows: 20_000 };
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
  status: ImportStatus;
  report: StoredReport;
  /** of the uploaded files together */
  sizeBytes: number;
  /** the directory version the report was made against (null: not checked yet) */
  checkedVersion: number | null;
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
  // jsonb holds no NUL either: one in a field name or a quoted value is shown as the text \u0000
  return JSON.stringify(stored).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\\\u0000');
}

/** A decision that came too late: someone else decided the run first. */
export class AlreadyDecided extends Error {}

/**
 * The rows an importer may touch: admins any, editors their organisations'. A run whose uploader
 * has deleted their account is judged by the admin who decides it, with no scope of its own.
 */
const scopeOf = (importer: Importer | null): ImportOptions['scope'] => (!importer || importer.isAdmin ? undefined : editorScope(importer.editorOf));
const maxRowsOf = (importer: Importer | null) => (!importer || importer.isAdmin ? undefined : UPLOAD_LIMITS.editorRows);

export function checksum(files: UploadedFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}

const emptyReport = (source: string, dryRun: boolean): ImportReport =>
  ({ source, dryRun, ok: false, problems: [], warnings: [], counts: {}, changes: [], added: [], details: [], reindexed: 0 });

/** Runs the import on uploaded files, read from memory as they are: no copy on disk. */
async function importFiles(db: Db, files: UploadedFile[], options: ImportOptions): Promise<ImportReport> {
  const input = { name: files.map((f) => f.name).join(', '), files: files.map((f) => ({ name: f.name, size: Buffer.byteLength(f.text), text: async () => f.text })) };
  try {
    return await importSource(db, input, options);
  } catch (error) {
    if (!(error instanceof UnreadableSource)) throw error;
    return { ...emptyReport(input.name, options.dryRun), problems: [{ where: input.name, message: error.message }] };
  }
}

/** New rows audited on their own even when created with a new parent: the entries people look up. */
const AUDITED_ENTRIES: ReadonlySet<string> = new Set(['organization', 'service']);

/**
 * The audit entries of an applied import, each naming the run (whose record holds the source and
 * who imported it): each new row once, except the rows created with a new parent (a new service's
 * phones, locations, classification …), which its entry stands for; and each changed field with
 * both values. Importing 20,000 new services wrote 383,971 entries, a copy of the data itself;
 * now one per new organisation and service.
 */
export function auditChanges(plan: Plan, rows: PlannedRows): AuditChange[] {
  const changes: AuditChange[] = [];
  const withParent = createdWithParent(plan, rows);
  for (const table of TABLES) {
    const stored = rows.get(table)!;
    for (const id of plan[table].added) {
      if (!AUDITED_ENTRIES.has(table) && withParent(table, id)) continue;
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

/**
 * Keeps an upload as a run waiting for its check (status 'checking'); the check itself runs in
 * the background (jobs.ts), never on the request that uploaded.
 */
export async function createRun(db: Db, importer: Importer, files: UploadedFile[]): Promise<string> {
  const id = newId();
  const source = files.map((f) => f.name).join(', ');
  await db.insertInto('import_run').values({
    id, created_by: importer.id, channel: 'page', source, sha256: null, size_bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    status: 'checking', report: JSON.stringify(emptyReport(source, true)),
  }).execute();
  await storeFiles(db, id, files);
  return id;
}

/** The person who uploaded a run, with the roles they have now, or null when the account is gone. */
const uploader = async (db: Db, run: ImportRun): Promise<Importer | null> =>
  (run.createdBy ? await findRoles(db, run.createdBy) : undefined) ?? null;

/**
 * Checks a run (a dry run with its uploader's scope) against the directory as it is now and keeps
 * the report with the directory version it was made at: the run page checks again only when the
 * directory has changed since. Runs in a worker thread (worker/import-worker.ts).
 */
export async function checkRun(db: Db, runId: string, onProgress?: ImportOptions['onProgress']): Promise<ImportStatus | undefined> {
  // read first: a change committed while the check runs makes the next view check again
  const version = await directoryVersion(db);
  const run = await findRun(db, runId);
  if (!run || !['checking', 'checked', 'submitted'].includes(run.status)) return run?.status;
  const files = await loadFiles(db, runId);
  if (files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) !== run.sizeBytes) {
    // the upload was cut off while its files were stored (the app stopped): nothing to check
    await failCheck(db, runId, m.run.uploadIncomplete);
    return 'invalid';
  }
  const owner = await uploader(db, run);
  const report = await importFiles(db, files, { dryRun: true, scope: scopeOf(owner), maxRows: maxRowsOf(owner), ...(onProgress ? { onProgress } : {}) });
  const status: ImportStatus = run.status !== 'checking' ? run.status : report.ok ? 'checked' : 'invalid';
  const done = await db.updateTable('import_run')
    .set({ report: storable(report), checked_version: version, status, ...(run.status === 'checking' ? { sha256: checksum(files) } : {}) })
    .where('id', '=', runId).where('status', '=', run.status).executeTakeFirst();
  if (status === 'invalid' && Number(done.numUpdatedRows) > 0) await dropFiles(db, runId);
  return status;
}

/** A check that could not finish (the worker failed or ran out of memory): the run is refused with the reason. */
export async function failCheck(db: Db, runId: string, message: string): Promise<void> {
  const run = await findRun(db, runId);
  if (!run || run.status !== 'checking') return;
  const report = { ...emptyReport(run.source, true), problems: [{ where: run.source, message }] };
  await db.updateTable('import_run').set({ status: 'invalid', report: storable(report) }).where('id', '=', runId).where('status', '=', 'checking').execute();
  await dropFiles(db, runId);
}

/** Marks a waiting run decided; throws AlreadyDecided when another request decided it first. */
async function decide(db: Tx, runId: string, decision: { status: ImportStatus; by: string; reason?: string }): Promise<void> {
  const done = await db.updateTable('import_run')
    .set({ status: decision.status, decided_by: decision.by, decided_at: sql`now()`, reason: decision.reason ?? null })
    .where('id', '=', runId).where('status', 'in', ['checked', 'submitted']).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new AlreadyDecided();
  await dropFiles(db, runId);
}

/**
 * Writes a run into the directory, by an admin, in one transaction: first the run is claimed (a
 * second approval waits for it and then finds it decided), then the file is compared with the
 * directory and the uploader's scope checked as they are inside the transaction, and only then
 * are the rows, their audit entries and the mail written. Any problem writes nothing. Runs in a
 * worker thread (worker/import-worker.ts).
 */
export async function applyRun(db: Db, runId: string, admin: { id: string }, link: string): Promise<ImportReport> {
  const run = await findRun(db, runId);
  if (!run || !['checked', 'submitted'].includes(run.status)) throw new AlreadyDecided();
  const owner = await uploader(db, run);
  if (owner && !owner.isAdmin && owner.editorOf.length === 0) {
    const report = { ...emptyReport(run.source, false), problems: [{ where: run.source, message: m.scope.noLongerEditor }] };
    await db.updateTable('import_run').set({ report: storable(report) }).where('id', '=', runId).execute();
    return report;
  }
  const report = await importFiles(db, await loadFiles(db, runId), {
    dryRun: false,
    scope: scopeOf(owner),
    maxRows: maxRowsOf(owner),
    onBegin: async (trx: Tx) => decide(trx, runId, { status: 'applied', by: admin.id }),
    onWrite: async (trx: Tx, plan: Plan, rows: PlannedRows) => {
      await recordManyChanges(trx, admin.id, auditChanges(plan, rows), run.id);
      if (run.createdBy && run.createdBy !== admin.id && run.createdByEmail) {
        await inLanguageOf(trx, run.createdByEmail, () => queueMail(trx, { to: run.createdByEmail!, subject: m.mail.approvedSubject, body: m.mail.approvedBody(run.source, link) }));
      }
    },
  });
  await db.updateTable('import_run').set({ report: storable(report) }).where('id', '=', run.id).execute();
  return report;
}

export async function submitRun(db: Db, runId: string): Promise<boolean> {
  const done = await db.updateTable('import_run').set({ status: 'submitted', submitted_at: sql`now()` })
    .where('id', '=', runId).where('status', '=', 'checked').executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export async function discardRun(db: Db, runId: string, by: string): Promise<void> {
  await db.transaction().execute((trx) => decide(trx, runId, { status: 'discarded', by }));
}

/** Rejects an editor's import with a reason that is mailed to them. */
export async function rejectRun(db: Db, run: ImportRun, admin: { id: string }, reason: string, link: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await decide(trx, run.id, { status: 'rejected', by: admin.id, reason });
    if (run.createdByEmail) await inLanguageOf(trx, run.createdByEmail, () => queueMail(trx, { to: run.createdByEmail!, subject: m.mail.rejectedSubject, body: m.mail.rejectedBody(run.source, reason, link) }));
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
  const report = await importSource(db, ref, {
    dryRun: false,
    onWrite: async (trx, plan, rows) => {
      await trx.insertInto('import_run').values({ id, created_by: null, channel: 'cli', source: ref, sha256: null, size_bytes: 0, status: 'applied', report: '{}', decided_at: new Date() }).execute();
      await recordManyChanges(trx, 'system', auditChanges(plan, rows), id);
    },
  });
  const stored = storable(report);
  if (report.ok) await db.updateTable('import_run').set({ report: stored }).where('id', '=', id).execute();
  else await db.insertInto('import_run').values({ id, channel: 'cli', source: ref, sha256: null, size_bytes: 0, status: 'invalid', report: stored }).execute();
  return report;
}
