/**
 * npm run bench:search [-- --backends pglite,postgres --seconds 20 --connections 50 --services 100000
 *                         --workers N --only a,b,c,page,relevance --profile --print-only --reuse-data]
 * For each backend: loads N demo services, starts the real app on loopback (rate limit off, log
 * level warn), warms up, then runs autocannon against three finder API queries and the finder page.
 * PostgreSQL: BENCH_DATABASE_URL (its demo data is replaced!) or a throw-away local cluster.
 * --reuse-data keeps a BENCH_DATABASE_URL's demo data when it already holds exactly N services.
 * "relevance" judges the finder against the relevance test set (test/directory/finder/relevance-queries.ts)
 * over the demo set `npm start` loads, on PGlite (the relevance suite checks both databases).
 * Writes a run into BENCHMARKS.md unless --print-only. A benchmark, not a test: no pass/fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type OpenedDatabase } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { freePort, startCluster } from '../scripts/pg-cluster.ts';
import { countDirectory, replaceDemoData } from '../scripts/demo.ts';
import { percentile, runLoad, type LoadResult } from './lib/load.ts';
import { describeMachine, loadAverage } from './lib/machine.ts';
import { parentOf, treeCpuSeconds } from './lib/cpu.ts';
import { summariseProfiles } from './lib/profile.ts';
import { addRun, table } from './lib/report.ts';
import { DEMO_SERVICES } from '../src/setup.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { demoDataFor } from '../src/directory/index.ts';
import { judgeRelevance } from '../test/directory/finder/relevance-judge.ts';
import { RELEVANCE_QUERIES } from '../test/directory/finder/relevance-queries.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    backends: { type: 'string', default: 'pglite,postgres' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    services: { type: 'string', default: '100000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    profile: { type: 'boolean', default: false },
    'print-only': { type: 'boolean', default: false },
    'reuse-data': { type: 'boolean', default: false },
    only: { type: 'string', default: 'a,b,c,page,relevance' },
  },
});
const SECONDS = Number(options.seconds);
const CONNECTIONS = Number(options.connections);
const SERVICES = Number(options.services);
const WARM_UP_SECONDS = 3;

const QUERIES = [
  // a text search that ranks many hits: every demo offer mentions the music therapist, and «låter»
  // (with its synonyms) the songwriting offers, about a quarter (until 2026-11-30 it was every
  // low-threshold offer; until 2026-11-23 this was "musikkterapi band", which matched none)
  { id: 'a', label: '(a) API, text only', path: '/api/v1/services?q=musikkterapi%20l%C3%A5ter', target: true },
  { id: 'b', label: '(b) API, text + filters + place ≤ 100 km', path: '/api/v1/services?q=musikkterapi&niva=lavterskel&felt=rus&sted=5003&innen=100', target: true },
  { id: 'c', label: '(c) API, place, sorted by distance', path: '/api/v1/services?sted=0150&sortering=avstand', target: true },
  { id: 'page', label: '(b) as the HTML page /tilbud', path: '/tilbud?q=musikkterapi&niva=lavterskel&felt=rus&sted=5003&innen=100', target: false },
].filter((q) => options.only.split(',').includes(q.id));
const TARGET = { p95: 25, requestsPerSecond: 1000 };

const cleanups: (() => void)[] = [];
const log = (text: string) => console.log(`[bench:search] ${text}`);

interface Backend {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  workers: number;
  /** the database server's process, to count its CPU; undefined when it is not on this machine */
  databasePid: number | undefined;
  loadSeconds: number | null;
}

/** Seconds the load took, or null when --reuse-data found the set already there. */
async function loadDemo(database: OpenedDatabase): Promise<number | null> {
  await prepareDatabase(database.db, { demoData: false });
  if (options['reuse-data'] && (await countDirectory(database.db)).services === SERVICES) return null;
  const timing = await replaceDemoData(database.db, { services: SERVICES });
  const counts = await countDirectory(database.db);
  if (counts.services < SERVICES) throw new Error(`expected ${SERVICES} services, found ${counts.services}`);
  return timing.loadMs / 1000;
}

async function preparePGlite(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'samklang-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = await openPGlite({ dataDir: join(dir, 'db') });
  const loadSeconds = await loadDemo(database);
  await database.close();
  // one process: PGlite's data directory belongs to a single process
  return { name: 'pglite', env: { DATA_DIR: dir }, workers: 1, databasePid: undefined, loadSeconds };
}

async function preparePostgres(): Promise<Backend> {
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const cluster = await startCluster();
    if (!('url' in cluster)) throw new Error(`no PostgreSQL for the benchmark: ${cluster.reason} (or set BENCH_DATABASE_URL)`);
    cleanups.push(cluster.stop);
    url = cluster.url;
  }
  const database = await openPostgres(url, 4);
  const loadSeconds = await loadDemo(database);
  await sql`vacuum analyze`.execute(database.db);
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
  await database.close();
  const databasePid = parentOf(rows[0]!.pid);
  return { name: 'postgres', env: { DATABASE_URL: url }, workers: Number(options.workers), databasePid, loadSeconds };
}

async function startApp(backend: Backend, profileDir: string | undefined): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), join(ROOT, 'bench/lib/serve.ts')], {
    cwd: ROOT,
    env: {
      // No scheduled jobs: their first run after start (freshness reminders over every demo service)
      // holds PGlite's one connection for seconds, which is worth knowing but is not search.
      ...process.env, ...backend.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', JOB_WORKER: 'off',
      BENCH_PORT: String(port), BENCH_WORKERS: String(backend.workers),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app did not start within 60 s')), 60_000);
    child.once('message', () => { clearTimeout(timer); resolve(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the app exited with ${code}`)); });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

/** One probe request: the line is only worth measuring when it answers 200; returns the hit count. */
async function probe(url: string): Promise<string> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? String(((await response.json()) as { total: number }).total) : 'page';
}

interface Line { label: string; hits: string; result: LoadResult; cores: { app: number; database: number | null; loadGenerator: number } ; target: boolean; cold?: { p50: number; p95: number } }

const COLD_REQUESTS = 40;

/**
 * The same request with every cache empty, one at a time: before each request the data version
 * moves on (as a write would move it), so counts, typo words and the order of the first hits are
 * all worked out again. PostgreSQL only: PGlite's database lives inside the app's process.
 */
async function coldLatencies(url: string, databaseUrl: string): Promise<{ p50: number; p95: number }> {
  const database = await openPostgres(databaseUrl, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < COLD_REQUESTS; i++) {
      await sql`update search_version set version = version + 1`.execute(database.db);
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
  } finally {
    await database.close();
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function measureBackend(backend: Backend): Promise<{ lines: Line[]; profile: string | undefined }> {
  const profileDir = options.profile ? join(ROOT, '.tmp', 'profiles', `search-${backend.name}-${Date.now()}`) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const { child, base } = await startApp(backend, profileDir);
  const lines: Line[] = [];
  try {
    for (const query of QUERIES) {
      const url = base + query.path;
      const hits = await probe(url);
      await runLoad(url, { connections: Math.min(10, CONNECTIONS), seconds: WARM_UP_SECONDS });
      const roots = [child.pid!];
      const before = { app: treeCpuSeconds(roots), database: backend.databasePid ? treeCpuSeconds([backend.databasePid]) : 0, self: process.cpuUsage() };
      const result = await runLoad(url, { connections: CONNECTIONS, seconds: SECONDS });
      const self = process.cpuUsage(before.self);
      const cores = {
        app: (treeCpuSeconds(roots) - before.app) / SECONDS,
        database: backend.databasePid ? (treeCpuSeconds([backend.databasePid]) - before.database) / SECONDS : null,
        loadGenerator: (self.user + self.system) / 1e6 / SECONDS,
      };
      const cold = backend.env.DATABASE_URL ? await coldLatencies(url, backend.env.DATABASE_URL) : undefined;
      lines.push({ label: query.label, hits, result, cores, target: query.target && backend.name === 'postgres', ...(cold ? { cold } : {}) });
      log(`${backend.name} ${query.label}: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, ${Math.round(result.requestsPerSecond)} req/s, ${result.failures} failures ${result.failureDetail}`);
    }
  } finally {
    await stopApp(child);
  }
  return { lines, profile: profileDir };
}

const loaded = (backend: Backend) => (backend.loadSeconds === null ? 'reused from an earlier load' : `loaded in ${backend.loadSeconds.toFixed(0)} s`);
const fixed = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

function verdict(line: Line): string {
  if (line.result.failures > 0) return `INVALID: ${line.result.failureDetail || `${line.result.failures} failed requests`}`;
  if (!line.target) return '';
  const met = line.result.p95 <= TARGET.p95 && line.result.requestsPerSecond >= TARGET.requestsPerSecond;
  return met ? 'met' : 'NOT met';
}

function backendTable(backend: Backend, lines: Line[], profile: string | undefined): string {
  const processes = backend.workers > 1 ? `${backend.workers} app processes (node:cluster)` : 'one app process';
  const intro = `**${backend.name}**, ${SERVICES.toLocaleString('en-US')} demo services (${loaded(backend)}), ${processes}:`;
  const rows = lines.map((l) => [
    l.label, l.hits, fixed(l.result.p50), fixed(l.result.p95), fixed(l.result.p99), Math.round(l.result.requestsPerSecond).toLocaleString('en-US'),
    `${l.cores.app.toFixed(2)} / ${l.cores.database === null ? '–' : l.cores.database.toFixed(2)} / ${l.cores.loadGenerator.toFixed(2)}`,
    l.cold ? `${fixed(l.cold.p50)} / ${fixed(l.cold.p95)}` : '–',
    verdict(l),
  ]);
  const head = ['Request', 'Hits', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'CPU cores: app / database / autocannon', `Cold, one at a time: p50 / p95 ms (${COLD_REQUESTS} requests)`, 'Target'];
  const summary = profile ? `\n\nCPU profile of the app (${profile.slice(ROOT.length)}), share of samples: ${summariseProfiles(profile).slice(0, 12).map((b) => `${b.bucket} ${(b.share * 100).toFixed(0)} %`).join(', ')}.` : '';
  return `${intro}\n\n${table(head, rows, [1, 2, 3, 4, 5])}${summary}`;
}

const HEADER = `## Finder search (\`npm run bench:search\`)

Each run loads generated demo services (\`scripts/demo.ts\`) into each backend, starts the real app
(\`createApp\`, \`NODE_ENV=production\`, rate limit off, log level warn, \`JOB_WORKER=off\`) on loopback, warms each request
up for ${WARM_UP_SECONDS} s with 10 connections, then measures it with autocannon on the same machine.
Latency percentiles come from every response autocannon timed; req/s counts 2xx answers only.
"CPU cores" is CPU time over the measuring time, read from /proc, for the app's processes, the
PostgreSQL server's processes (PGlite runs inside the app) and the load generator: on a small
machine they compete for the same cores. The load repeats one request, so after the first one the
search caches (counts, typo words, order of the first 500 hits, per data version) answer most of
it; "Cold" times the same request with every cache emptied first (PostgreSQL only). Target (PostgreSQL, API lines): p95 ≤ ${TARGET.p95} ms and
≥ ${TARGET.requestsPerSecond.toLocaleString('en-US')} req/s. The analysis is in the section after this one.`;

/** The relevance test set over the demo set `npm start` loads, through the real GET /api/v1/services. */
async function relevance(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'samklang-relevance-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = await openPGlite({ dataDir: join(dir, 'db') });
  try {
    await prepareDatabase(database.db, { demoData: true });
    const app = await createApp(database.db, loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', JOB_WORKER: 'off' }));
    try {
      const report = await judgeRelevance(app, await demoDataFor(database.db, { services: DEMO_SERVICES }));
      const places = RELEVANCE_QUERIES.filter((q) => q.place).length;
      const wrongPlaces = report.outcomes.filter((o) => o.wrongPlace !== null).length;
      const zeroHits = report.outcomes.filter((o) => o.hits === 0).length;
      const line = `**Relevance** (\`test/directory/finder/relevance-queries.ts\`: ${report.queries} queries over the ${DEMO_SERVICES} demo offers \`npm start\` loads, `
        + `PGlite, judged through \`GET /api/v1/services\`): zero-hit rate ${(report.zeroHitRate * 100).toFixed(1)} % (${zeroHits} queries; `
        + `${report.zeroHitWithMatches.length} of the ${report.withMatches} with right offers), precision@5 ${report.precisionAt5.toFixed(3)}, `
        + `no hit where none is right ${report.noHitIsRight.right} of ${report.noHitIsRight.queries}, place taken from the text ${places - wrongPlaces} of ${places}.`;
      log(line);
      return line;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function main() {
  const machine = describeMachine();
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const tables: string[] = [];
  if (options.only.split(',').includes('relevance')) tables.push(await relevance());
  for (const name of QUERIES.length === 0 ? [] : options.backends.split(',').map((b) => b.trim())) {
    if (name !== 'pglite' && name !== 'postgres') throw new Error(`unknown backend "${name}" (pglite, postgres)`);
    log(`${name}: loading ${SERVICES} demo services`);
    const backend = name === 'pglite' ? await preparePGlite() : await preparePostgres();
    log(`${name}: ${loaded(backend)}; measuring`);
    const { lines, profile } = await measureBackend(backend);
    tables.push(backendTable(backend, lines, profile));
  }
  const minutes = ((Date.now() - startedAt.getTime()) / 60_000).toFixed(1);
  const command = `npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const run = `### ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC

${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, Node ${machine.node}; load average ${loadBefore} at start, ${loadAverage()} at end
(other work on the machine shares the cores). ${CONNECTIONS} connections, ${SECONDS} s per line; run took ${minutes} min.
Command: \`${command}\`

${tables.join('\n\n')}`;
  console.log(`\n${run}\n`);
  if (!options['print-only']) {
    addRun(join(ROOT, 'BENCHMARKS.md'), HEADER, run);
    log('written to BENCHMARKS.md');
  }
}

function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) fn();
}
process.on('exit', cleanup);
process.on('SIGINT', () => { cleanup(); process.exit(130); });
main().catch((error: unknown) => {
  console.error(`[bench:search] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
