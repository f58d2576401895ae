import { sql } from 'kysely';
import { newId } from './ids.ts';
import type { Db } from './db/index.ts';
import { countJobRun } from './metrics.ts';

/**
 * Scheduled work in a PostgreSQL table instead of pg-boss or graphile-worker: those need a real
 * server (LISTEN/NOTIFY, advisory locks, their own schemas), while Samklang also runs on embedded
 * PGlite. A job row is claimed with FOR UPDATE SKIP LOCKED plus a lease (locked_until), so with
 * several instances each run happens once, and a crashed run is picked up when its lease ends.
 * Rows survive restarts; each kind has at most one pending row, which schedules the next.
 * A run renews its lease while it lasts, so a long run is never taken over by another instance.
 * The worker starts `FIRST_RUN_MS` after start and polls every minute (test/ops/instances.test.ts
 * runs two instances on one server and checks each due job ran once).
 */
export interface JobDefinition {
  kind: string;
  run(): Promise<void>;
  /** when the next run is due after one that finished at `now` */
  next(now: Date): Date;
}

const LEASE_MINUTES = 10;
const RENEW_EVERY_MS = 3 * 60_000;
const FIRST_RUN_MS = 5_000;

/** Makes sure every kind has a pending run (the first one is due at once). */
async function schedule(db: Db, jobs: JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    await sql`insert into job (id, kind, run_at) values (${newId()}, ${job.kind}, now())
      on conflict (kind) where done_at is null do nothing`.execute(db);
  }
}

async function claim(db: Db, kinds: string[]): Promise<{ id: string; kind: string } | undefined> {
  const { rows } = await sql<{ id: string; kind: string }>`
    update job set locked_until = now() + make_interval(mins => ${LEASE_MINUTES}), attempts = attempts + 1
    where id = (
      select id from job
      where done_at is null and run_at <= now() and kind = any(${kinds}::text[])
        and (locked_until is null or locked_until < now())
      order by run_at limit 1 for update skip locked)
    returning id, kind`.execute(db);
  return rows[0];
}

/** Runs every job that is due, once across all instances; returns the kinds that ran. */
export async function runDueJobs(db: Db, jobs: JobDefinition[], log?: { error(obj: object, msg: string): void }): Promise<string[]> {
  if (jobs.length === 0) return [];
  await schedule(db, jobs);
  const ran: string[] = [];
  for (let claimed = await claim(db, jobs.map((j) => j.kind)); claimed; claimed = await claim(db, jobs.map((j) => j.kind))) {
    const job = jobs.find((j) => j.kind === claimed!.kind)!;
    const id = claimed.id;
    // a run longer than its lease keeps it: renewed every few minutes, so no other instance
    // takes the job over while this one is still at it (a crashed instance stops renewing)
    const renew = setInterval(() => {
      void sql`update job set locked_until = now() + make_interval(mins => ${LEASE_MINUTES}) where id = ${id} and done_at is null`.execute(db).catch(() => {});
    }, RENEW_EVERY_MS);
    renew.unref();
    try {
      await job.run();
      clearInterval(renew);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('job').set({ done_at: sql`now()`, locked_until: null, last_error: null }).where('id', '=', id).execute();
        await trx.insertInto('job').values({ id: newId(), kind: job.kind, run_at: job.next(new Date()) }).execute();
      });
      ran.push(job.kind);
      countJobRun(job.kind, true);
    } catch (error) {
      clearInterval(renew);
      // leave the lease to run out: the next try comes after LEASE_MINUTES, not in a tight loop
      await db.updateTable('job').set({ last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500) }).where('id', '=', id).execute();
      log?.error({ err: error, job: job.kind }, 'scheduled job failed');
      countJobRun(job.kind, false);
    }
  }
  return ran;
}

/** The next 03:00 UTC after `now` (a quiet hour in Norway), for nightly jobs. */
export function nextNight(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3, 0, 0));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export interface JobRegistry {
  register(job: JobDefinition): void;
  list(): JobDefinition[];
}

export function createJobRegistry(): JobRegistry {
  const jobs: JobDefinition[] = [];
  return { register: (job) => { if (!jobs.some((j) => j.kind === job.kind)) jobs.push(job); }, list: () => [...jobs] };
}

/** Polls for due jobs every `everyMs`; stop() waits for a run in progress. */
export function startWorker(db: Db, registry: JobRegistry, log: { error(obj: object, msg: string): void }, everyMs = 60_000) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running.then(() => runDueJobs(db, registry.list(), log)).catch((error: unknown) => log.error({ err: error }, 'job worker failed'));
  };
  const first = setTimeout(tick, FIRST_RUN_MS);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
