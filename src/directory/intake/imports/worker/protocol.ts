import type { ImportProgress, ImportReport } from '../pipeline/index.ts';
import type { ImportStatus } from '../tables.ts';

/** What a worker is asked to do with a run. */
export type ImportJob =
  | { kind: 'check'; runId: string }
  | { kind: 'apply'; runId: string; admin: { id: string }; link: string };

export type JobOutcome =
  | { kind: 'checked'; status: ImportStatus | null }
  | { kind: 'applied'; report: ImportReport }
  /** someone else decided the run first */
  | { kind: 'decided' };

export type WorkerMessage =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; outcome: JobOutcome; recycle: boolean }
  | { type: 'failed'; message: string };
