/**
 * Prometheus metrics (prom-client). Two registries, exposed together at /metrics:
 * - the process's (`processRegistry`): Node's own metrics (memory, CPU, event loop, GC), database
 *   query durations, pg pool use, scheduled job runs and failures, cache hits and misses. Code that
 *   knows no app (drivers, jobs, caches) counts into it through the small functions below.
 * - each app's (`createAppMetrics`): HTTP requests per route pattern and status class, and the
 *   mail outbox backlog, read from the app's database when scraped.
 * Labels come from short fixed sets (route patterns, never raw URLs), so series stay few.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import type { LogEvent } from 'kysely';
import { sql } from 'kysely';
import type { Db } from './db/index.ts';
import { MAX_ATTEMPTS } from './mail/smtp.ts';

export const processRegistry = new Registry();
let defaultMetrics = false;

const DB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const queryDuration = new Histogram({
  name: 'samklang_db_query_duration_seconds',
  help: 'Time each database query took on its connection, by driver and outcome',
  labelNames: ['backend', 'outcome'] as const,
  buckets: DB_BUCKETS,
  registers: [processRegistry],
});

/** Kysely's `log` option: times every query (both drivers), without logging anything. */
export function observeQueries(backend: 'pglite' | 'postgres'): (event: LogEvent) => void {
  return (event) => queryDuration.observe({ backend, outcome: event.level === 'error' ? 'error' : 'ok' }, event.queryDurationMillis / 1000);
}

const pools = new Map<pg.Pool, string>();
new Gauge({
  name: 'samklang_db_pool_connections',
  help: 'PostgreSQL pool connections: open (total), idle, and requests waiting for one',
  labelNames: ['pool', 'state'] as const,
  registers: [processRegistry],
  collect() {
    this.reset();
    for (const [pool, name] of pools) {
      if (pool.ended) {
        pools.delete(pool);
        continue;
      }
      this.inc({ pool: name, state: 'total' }, pool.totalCount);
      this.inc({ pool: name, state: 'idle' }, pool.idleCount);
      this.inc({ pool: name, state: 'waiting' }, pool.waitingCount);
    }
  },
});
new Gauge({
  name: 'samklang_db_pool_max_connections',
  help: 'The most connections each PostgreSQL pool opens',
  labelNames: ['pool'] as const,
  registers: [processRegistry],
  collect() {
    this.reset();
    for (const [pool, name] of pools) if (!pool.ended) this.inc({ pool: name }, pool.options.max ?? 10);
  },
});

/** Reports a pg pool's use at each scrape (until the pool ends). */
export function observePool(pool: pg.Pool, name = 'primary'): void {
  pools.set(pool, name);
}

const jobRuns = new Counter({
  name: 'samklang_job_runs_total', help: 'Scheduled job runs started, by job kind',
  labelNames: ['kind'] as const, registers: [processRegistry],
});
const jobFailures = new Counter({
  name: 'samklang_job_failures_total', help: 'Scheduled job runs that failed, by job kind',
  labelNames: ['kind'] as const, registers: [processRegistry],
});

const shedRequests = new Counter({
  name: 'samklang_http_requests_shed_total',
  help: 'Page and API reads answered 503 at once because the instance already worked on MAX_REQUESTS_IN_FLIGHT requests',
  registers: [processRegistry],
});

/** Counts one read answered 503 at once (load shedding). */
export function countShedRequest(): void {
  shedRequests.inc();
}

/** Counts one run of a scheduled job, and whether it failed. */
export function countJobRun(kind: string, ok: boolean): void {
  jobRuns.inc({ kind });
  if (!ok) jobFailures.inc({ kind });
}

const cacheLookups = new Counter({
  name: 'samklang_cache_lookups_total',
  help: 'Cache lookups by cache and result (hit rate = hit / all)',
  labelNames: ['cache', 'result'] as const,
  registers: [processRegistry],
});
/** The app's in-memory caches, as /metrics labels them. */
const CACHES = ['search', 'atlas', 'atlas_page', 'finder_page', 'finder_api', 'opendata'] as const;
export type CacheName = (typeof CACHES)[number];
for (const cache of CACHES) for (const result of ['hit', 'miss']) cacheLookups.inc({ cache, result }, 0);

/** Counts one lookup in one of the app's in-memory caches. */
export function countCacheLookup(cache: CacheName, hit: boolean): void {
  cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
}

export interface AppMetrics {
  registry: Registry;
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
}

/** The metrics of one app: its requests, and its database's outbox read at each scrape. */
export function createAppMetrics(db: Db): AppMetrics {
  // Node's own metrics only in a process that serves them (scripts import this module too)
  if (!defaultMetrics) collectDefaultMetrics({ register: processRegistry });
  defaultMetrics = true;
  const registry = new Registry();
  const requests = new Counter({
    name: 'samklang_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const, registers: [registry],
  });
  const duration = new Histogram({
    name: 'samklang_http_request_duration_seconds', help: 'Time to answer HTTP requests, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const, buckets: HTTP_BUCKETS, registers: [registry],
  });
  new Gauge({
    name: 'samklang_mail_outbox_unsent',
    help: `Mail in the outbox not sent yet: pending (will be tried) and failed (gave up after ${MAX_ATTEMPTS} attempts)`,
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const rows = await sql<{ failed: boolean; n: number }>`select attempts >= ${MAX_ATTEMPTS} as failed, count(*)::int as n
        from mail_outbox where sent_at is null group by 1`.execute(db).then((r) => r.rows, () => null);
      this.reset();
      if (!rows) return; // database unreachable: no value rather than a wrong one
      this.set({ state: 'pending' }, rows.find((r) => !r.failed)?.n ?? 0);
      this.set({ state: 'failed' }, rows.find((r) => r.failed)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'samklang_mail_outbox_oldest_pending_seconds',
    help: 'Age of the oldest mail still to be tried (0: none waiting)',
    registers: [registry],
    async collect() {
      const rows = await sql<{ age: number | null }>`select extract(epoch from now() - min(created_at))::float8 as age
        from mail_outbox where sent_at is null and attempts < ${MAX_ATTEMPTS}`.execute(db).then((r) => r.rows, () => null);
      if (rows) this.set(rows[0]?.age ?? 0);
    },
  });
  return {
    registry: Registry.merge([processRegistry, registry]),
    observeRequest({ method, route, status }, seconds) {
      const labels = { method, route, status_class: `${Math.floor(status / 100)}xx` };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}
