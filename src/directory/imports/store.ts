import type { ImportReport } from '../hsds/index.ts';
import type { ImportRun } from './service.ts';
import type { ImportsTx, ImportStatus } from './tables.ts';

export interface RunSummary {
  id: string;
  createdAt: Date;
  channel: 'page' | 'cli';
  source: string;
  createdByEmail: string | null;
  status: ImportStatus;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? JSON.parse(value) as T : value);

export async function findRun(db: ImportsTx, id: string): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_run as r').leftJoin('app_user as u', 'u.id', 'r.created_by').leftJoin('app_user as d', 'd.id', 'r.decided_by')
    .select(['r.id', 'r.created_by', 'u.email', 'r.created_at', 'r.channel', 'r.source', 'r.sha256', 'r.files', 'r.status', 'r.report', 'd.email as decided_by_email', 'r.decided_at', 'r.reason'])
    .where('r.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, createdBy: row.created_by, createdByEmail: row.email, createdAt: row.created_at, channel: row.channel, source: row.source,
    sha256: row.sha256, files: row.files === null ? null : parsed(row.files), status: row.status, report: parsed<ImportReport>(row.report),
    decidedByEmail: row.decided_by_email, decidedAt: row.decided_at, reason: row.reason,
  };
}

/** Recent runs, newest first: everyone's for admins, one person's own for editors. */
export async function listRuns(db: ImportsTx, options: { createdBy?: string; status?: ImportStatus; limit?: number }): Promise<RunSummary[]> {
  let query = db.selectFrom('import_run as r').leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.created_at', 'r.channel', 'r.source', 'u.email', 'r.status']);
  if (options.createdBy) query = query.where('r.created_by', '=', options.createdBy);
  if (options.status) query = query.where('r.status', '=', options.status);
  const rows = await query.orderBy('r.created_at', options.status ? 'asc' : 'desc').limit(options.limit ?? 50).execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, channel: r.channel, source: r.source, createdByEmail: r.email, status: r.status }));
}
