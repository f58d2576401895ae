// The worker thread of import jobs (jobs.ts starts it). Parsing, validating and comparing a large
// file happen here, off the app's event loop; queries go to the app's database through the main
// thread (remote-db.ts). Jobs come one at a time. The thread runs at the lowest CPU priority (jobs.ts).
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { AlreadyDecided, applyRun, checkRun } from '../service.ts';
import { remoteDb } from './remote-db.ts';
import type { ImportJob, JobOutcome, WorkerMessage } from './protocol.ts';

/** A heap grown past this after a job: the thread asks to be ended, which gives the memory back. */
const RECYCLE_ABOVE_BYTES = 256 * 1024 * 1024;


const port = parentPort!;
const db = remoteDb(port);
const send = (message: WorkerMessage) => port.postMessage(message);

async function run(job: ImportJob): Promise<JobOutcome> {
  try {
    if (job.kind === 'check') {
      const status = await checkRun(db, job.runId, (progress) => send({ type: 'progress', ...progress }));
      return { kind: 'checked', status: status ?? null };
    }
    return { kind: 'applied', report: await applyRun(db, job.runId, job.admin, job.link) };
  } catch (error) {
    if (error instanceof AlreadyDecided) return { kind: 'decided' };
    throw error;
  }
}

port.on('message', (message: { type: string; job?: ImportJob }) => {
  if (message.type !== 'job' || !message.job) return;
  run(message.job).then(
    (outcome) => send({ type: 'done', outcome, recycle: getHeapStatistics().total_heap_size > RECYCLE_ABOVE_BYTES }),
    (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
