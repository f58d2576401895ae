import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/index.ts';
import type { ImportProgress } from './pipeline/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { failCheck } from './service.ts';
import type { ImportJob, JobOutcome, WorkerMessage } from './worker/protocol.ts';
import { serveDatabase } from './worker/remote-db.ts';

const m = msg.imports;

/** A check or write that takes longer than this is stopped. */
const TIME_LIMIT_MS = 15 * 60_000;
/** Heap of one worker: a file that needs more is refused with a message, and the app lives on. */
const WORKER_HEAP_MB = 1536;

export interface CheckState {
  /** waiting for another import's check to finish */
  queued: boolean;
  progress: ImportProgress | null;
  done: Promise<void>;
}

/**
 * Requests come first: on Linux the worker thread alone gets the lowest CPU priority (nice 19)
 * before it loads anything, so on a busy machine the app's own thread is scheduled before a long
 * check. Elsewhere (no /proc/thread-self) it keeps the app's priority.
 */
const LOWER_PRIORITY = `import { readlinkSync } from 'node:fs'; import { constants, setPriority } from 'node:os';
try { const thread = Number(readlinkSync('/proc/thread-self').split('/').pop()); if (thread > 0) setPriority(thread, constants.priority.PRIORITY_LOW); } catch {}`;

/** Starts a worker thread for import jobs. The app runs TypeScript through tsx; so does the worker. */
function startWorker(): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker/import-worker.ts', import.meta.url).href;
  const boot = `${LOWER_PRIORITY}\nconst { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // the server keeps the process alive; an idle worker must not
  worker.unref();
  return worker;
}

/**
 * One worker thread doing one job at a time, in order. The thread is kept between jobs (starting
 * one loads the import's code, seconds of work) but ended after a job that left a large heap, so a
 * 25 MB file's parsed rows never stay in memory; the next job starts a fresh one.
 */
class WorkerLine {
  private worker: Worker | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private current: { worker: Worker; resolve: (outcome: JobOutcome) => void; reject: (error: unknown) => void; onProgress: (p: ImportProgress) => void } | null = null;
  private closed = false;

  constructor(private readonly db: Db) {}

  /** Runs a job after those before it; `started` is called when its turn comes. */
  run(job: ImportJob, hooks: { started?: () => void; onProgress?: (p: ImportProgress) => void } = {}): Promise<JobOutcome> {
    const result = this.tail.catch(() => {}).then(() => {
      hooks.started?.();
      return this.execute(job, hooks.onProgress ?? (() => {}));
    });
    this.tail = result;
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    serveDatabase(this.db, worker);
    worker.on('message', (message: WorkerMessage | { type: 'db' }) => {
      const job = this.current;
      if (!job || job.worker !== worker || message.type === 'db') return;
      if (message.type === 'progress') job.onProgress({ phase: message.phase, rows: message.rows });
      else {
        this.current = null;
        if (message.type === 'done') job.resolve(message.outcome);
        else job.reject(new Error(message.message));
        if (message.type === 'failed' || message.recycle) this.retire(worker);
      }
    });
    let failure: unknown = null;
    worker.on('error', (error) => { failure = error; });
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
      // a retired thread ends after its job; only a job still running on it failed
      const job = this.current;
      if (job?.worker !== worker) return;
      this.current = null;
      job.reject(failure ?? new Error('the import worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private retire(worker: Worker) {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  private execute(job: ImportJob, onProgress: (p: ImportProgress) => void): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('the app is closing'));
    const worker = this.thread();
    return new Promise<JobOutcome>((resolve, reject) => {
      const timer = setTimeout(() => this.retire(worker), TIME_LIMIT_MS);
      const settle = <T>(f: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        f(value);
      };
      this.current = { worker, resolve: settle(resolve), reject: settle(reject), onProgress };
      worker.postMessage({ type: 'job', job });
    });
  }
}

/**
 * The import's background work, off the request path. Checks wait in one line and run in one
 * worker thread (one core; the other stays for requests); writes have a line and thread of their
 * own, so an approval never waits behind someone's large check. The database stays in the main
 * thread: the worker's queries are small (a few thousand ids) and requests get their turn between them.
 */
export class ImportJobs {
  private readonly checks = new Map<string, CheckState>();
  private readonly checkLine: WorkerLine;
  private readonly writeLine: WorkerLine;

  constructor(private readonly db: Db, private readonly log: FastifyBaseLogger) {
    this.checkLine = new WorkerLine(db);
    this.writeLine = new WorkerLine(db);
  }

  /** The check of a run this process is running or has queued, if any. */
  state(runId: string): CheckState | undefined {
    return this.checks.get(runId);
  }

  /** Checks a run in the background (once: asking again while it runs gives the same check). */
  check(runId: string): CheckState {
    const running = this.checks.get(runId);
    if (running) return running;
    const state: CheckState = { queued: true, progress: null, done: Promise.resolve() };
    state.done = this.checkLine.run({ kind: 'check', runId }, { started: () => { state.queued = false; }, onProgress: (p) => { state.progress = p; } })
      .then(() => {}, async (error: unknown) => {
        this.log.error({ err: error, runId }, 'import check failed');
        await failCheck(this.db, runId, outOfMemory(error) ? m.run.checkTooLarge : m.run.checkFailed).catch(() => {});
      })
      .finally(() => this.checks.delete(runId));
    this.checks.set(runId, state);
    return state;
  }

  /** Writes a run into the directory; resolves with what happened. */
  apply(runId: string, admin: { id: string }, link: string): Promise<JobOutcome> {
    return this.writeLine.run({ kind: 'apply', runId, admin: { id: admin.id }, link });
  }

  async close(): Promise<void> {
    await Promise.all([this.checkLine.close(), this.writeLine.close()]);
  }
}

const outOfMemory = (error: unknown) => /ERR_WORKER_OUT_OF_MEMORY|heap out of memory/i.test(String((error as { code?: unknown }).code ?? '') + String(error));
