import type { Tx } from '../../../platform/db/index.ts';
import { yieldToRequests } from '../../../platform/event-loop.ts';
import type { ImportReport } from './pipeline/index.ts';
import type { ImportRun } from './service.ts';
import type { ImportStatus, UploadedFile } from './tables.ts';

export interface RunSummary {
  id: string;
  createdAt: Date;
  channel: 'page' | 'cli';
  source: string;
  createdByEmail: string | null;
  status: ImportStatus;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? JSON.parse(value) as T : value);

export async function findRun(db: Tx, id: string): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_run as r').leftJoin('app_user as u', 'u.id', 'r.created_by').leftJoin('app_user as d', 'd.id', 'r.decided_by')
    .select(['r.id', 'r.created_by', 'u.email', 'r.created_at', 'r.channel', 'r.source', 'r.sha256', 'r.size_bytes', 'r.status', 'r.report', 'r.checked_version', 'd.email as decided_by_email', 'r.decided_at', 'r.reason'])
    .where('r.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, createdBy: row.created_by, createdByEmail: row.email, createdAt: row.created_at, channel: row.channel, source: row.source,
    sha256: row.sha256, sizeBytes: Number(row.size_bytes), status: row.status, report: parsed<ImportReport>(row.report), checkedVersion: row.checked_version === null ? null : Number(row.checked_version),
    decidedByEmail: row.decided_by_email, decidedAt: row.decided_at, reason: row.reason,
  };
}

/** Characters per stored slice of an uploaded file: no one statement moves a whole 25 MB file. */
const SLICE = 128 * 1024;

/**
 * Keeps a run's uploaded files, slice by slice, until the run is decided. Between slices other
 * requests get their turn: PGlite answers within the same thread, so a chain of its queries would
 * otherwise run from start to end without letting the event loop in (1.5 s for a 25 MB upload).
 */
export async function storeFiles(db: Tx, runId: string, files: UploadedFile[]): Promise<void> {
  for (const [fileIndex, file] of files.entries()) {
    for (let slice = 0; slice === 0 || slice * SLICE < file.text.length; slice++) {
      await yieldToRequests();
      await db.insertInto('import_run_file').values({ run_id: runId, file_index: fileIndex, slice, name: file.name, text: file.text.slice(slice * SLICE, (slice + 1) * SLICE) }).execute();
    }
  }
}

/** A run's uploaded files, read back slice by slice; none once the run is decided. */
export async function loadFiles(db: Tx, runId: string): Promise<UploadedFile[]> {
  const { count } = await db.selectFrom('import_run_file').select((eb) => eb.fn.countAll<number>().as('count')).where('run_id', '=', runId).executeTakeFirstOrThrow();
  const files: { name: string; parts: string[] }[] = [];
  for (let offset = 0; offset < Number(count); offset += 8) {
    const rows = await db.selectFrom('import_run_file').select(['file_index', 'name', 'text']).where('run_id', '=', runId)
      .orderBy('file_index').orderBy('slice').offset(offset).limit(8).execute();
    for (const row of rows) (files[row.file_index] ??= { name: row.name, parts: [] }).parts.push(row.text);
  }
  return files.filter(Boolean).map((f) => ({ name: f.name, text: f.parts.join('') }));
}

export async function dropFiles(db: Tx, runId: string): Promise<void> {
  await db.deleteFrom('import_run_file').where('run_id', '=', runId).execute();
}

/** Recent runs, newest first: everyone's for admins, one person's own for editors. */
export async function listRuns(db: Tx, options: { createdBy?: string; status?: ImportStatus; limit?: number }): Promise<RunSummary[]> {
  let query = db.selectFrom('import_run as r').leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.created_at', 'r.channel', 'r.source', 'u.email', 'r.status']);
  if (options.createdBy) query = query.where('r.created_by', '=', options.createdBy);
  if (options.status) query = query.where('r.status', '=', options.status);
  const rows = await query.orderBy('r.created_at', options.status ? 'asc' : 'desc').limit(options.limit ?? 50).execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, channel: r.channel, source: r.source, createdByEmail: r.email, status: r.status }));
}
