/**
 * npm run bench:soak [-- --minutes 10 --rate 200 --warm-up 1 --services 10000 --print-only]
 * Issue #18 item 5, "load it holds": the production shape on this machine (a throw-away PostgreSQL
 * cluster with N generated demo services, two app instances with TRUST_PROXY=on behind Debian's
 * nginx running ops/nginx/samklang.conf over TLS; scripts/ops-stack.ts, as the operations test
 * starts it) under a steady, open-loop mix of public requests: each request is sent at its
 * scheduled moment whether or not earlier ones have finished, so a slow server shows as latency,
 * never as less load. Latency is counted from the scheduled moment. Once a minute a person signs
 * in, saves one change to an offer through the real form (with its CSRF token) and signs out.
 * Reports errors, p50/p95/p99 per request kind, the rate achieved, CPU and each process's memory
 * after the warm-up and at the end; writes the run into BENCHMARKS.md unless --print-only.
 * A benchmark, not a test: CPU-heavy, run it alone on the machine. Every process and temporary
 * folder it makes is removed on exit, on Ctrl-C and on SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import * as cheerio from 'cheerio';
import { Pool, type Dispatcher } from 'undici';
import { openPostgres, type Db } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { DEMO_ACCOUNTS } from '../src/accounts/demo.ts';
import { freshnessCutoffs } from '../src/directory/freshness.ts';
import { freePort, startCluster } from '../scripts/pg-cluster.ts';
import { countDirectory, replaceDemoData } from '../scripts/demo.ts';
import { createDatabase, makeCertificate, missingTools, startInstance, startNginx, until, waitUntilListening, type Instance, type Nginx } from '../scripts/ops-stack.ts';
import { parentOf, treeCpuSeconds } from './lib/cpu.ts';
import { percentile } from './lib/load.ts';
import { commitOf, describeMachine } from './lib/machine.ts';
import { memoryGrowth } from './lib/memory-growth.ts';
import { addRun, table } from './lib/report.ts';
import { parseSoakArgs, SOAK_USAGE, UsageError, type SoakArgs } from './soak-args.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const log = (text: string) => console.log(`[bench:soak] ${new Date().toISOString().slice(11, 19)} ${text}`);
const TARGET = { errors: 0, memoryGrowthPercent: 10 };
/** Visitors come from this many loopback addresses: nginx limits each address to 10 requests a second. */
const CLIENT_ADDRESSES = 100;
const TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// The mix

interface Planned { kind: string; path: string; accept: string }
interface Corpus { offers: string[]; municipalities: { number: string; name: string }[]; uniqueNames: string[] }

/** Words people type into the finder: hits, few hits and none. */
const WORDS = ['', '', '', 'musikkterapi', 'musikk', 'rus', 'ungdom', 'gruppe', 'sang', 'band', 'låtskriving', 'psykisk helse', 'lavterskel', 'eldre', 'traume', 'korps', 'gitar'];
const FILTERS = ['', '', '', '&niva=lavterskel', '&felt=rus'];
const RADII = [10, 25, 50, 100, 200];

/** A small, fast, seeded generator (mulberry32): the same mix on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const JSON_TYPE = 'application/json';

interface Draw {
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** a whole number from 0 to n − 1 */
  below: (n: number) => number;
}

const q = (draw: Draw) => encodeURIComponent(draw.pick(WORDS));

/** The kinds of public request, with their share of the load (they add up to 100). */
export const MIX: { kind: string; share: number; make: (draw: Draw, corpus: Corpus) => Omit<Planned, 'kind'> }[] = [
  { kind: 'finder page', share: 16, make: (d) => ({ path: `/tilbud?q=${q(d)}${d.pick(FILTERS)}${d.chance(0.2) ? `&side=${2 + d.below(3)}` : ''}`, accept: HTML }) },
  { kind: 'finder page with place', share: 14, make: (d, c) => ({ path: `/tilbud?q=${q(d)}&sted=${encodeURIComponent(d.pick(c.uniqueNames))}${d.chance(0.5) ? `&innen=${d.pick(RADII)}` : ''}${d.pick(FILTERS)}`, accept: HTML }) },
  { kind: 'finder API', share: 12, make: (d) => ({ path: `/api/v1/services?q=${q(d)}${d.pick(FILTERS)}${d.chance(0.2) ? '&side=2' : ''}`, accept: JSON_TYPE }) },
  { kind: 'finder API with place', share: 12, make: (d, c) => ({ path: `/api/v1/services?kommune=${d.pick(c.municipalities).number}${d.chance(0.5) ? `&innen=${d.pick(RADII)}` : ''}${d.chance(0.5) ? `&q=${q(d)}` : ''}${d.pick(FILTERS)}`, accept: JSON_TYPE }) },
  { kind: 'offer page', share: 24, make: (d, c) => ({ path: `/tilbud/${d.pick(c.offers)}`, accept: HTML }) },
  { kind: 'atlas', share: 6, make: (d, c) => ({ path: d.chance(0.6) ? '/dekning' : `/dekning/kommune/${d.pick(c.municipalities).number}`, accept: HTML }) },
  { kind: 'HSDS', share: 8, make: (d, c) => ({ path: d.chance(0.6) ? `/hsds/services?page=${1 + d.below(Math.max(1, Math.floor(c.offers.length / 50)))}&per_page=50` : `/hsds/services/${d.pick(c.offers)}`, accept: JSON_TYPE }) },
  { kind: 'FHIR', share: 8, make: (d, c) => ({ path: d.chance(0.6) ? `/fhir/HealthcareService?_count=20&_offset=${20 * d.below(50)}` : `/fhir/HealthcareService/${d.pick(c.offers)}`, accept: 'application/fhir+json' }) },
];

/** What the mix draws from: offers the finder shows, municipalities, and names only one municipality has. */
export async function corpusOf(db: Db): Promise<Corpus> {
  // offers the finder shows, and will still show in a week (past FRESHNESS_HIDDEN_MONTHS unconfirmed offers leave it)
  const { hidden } = freshnessCutoffs();
  const offers = (await sql<{ id: string }>`select service_id as id from service_search
    where confirmed_on is null or confirmed_on >= ${hidden}::date + 7 order by service_id`.execute(db)).rows.map((r) => r.id);
  if (offers.length === 0) throw new Error('no offer is in the finder after loading the demo data');
  const municipalities = (await sql<{ number: string; name: string }>`select number, name from municipality order by number`.execute(db)).rows;
  const counted = new Map<string, number>();
  for (const m of municipalities) counted.set(m.name, (counted.get(m.name) ?? 0) + 1);
  return { offers, municipalities, uniqueNames: municipalities.map((m) => m.name).filter((name) => counted.get(name) === 1) };
}

function planner(corpus: Corpus): () => Planned {
  const next = random(18);
  const draw: Draw = {
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    below: (n) => Math.floor(next() * n),
  };
  const total = MIX.reduce((sum, m) => sum + m.share, 0);
  return () => {
    let roll = next() * total;
    const entry = MIX.find((m) => (roll -= m.share) < 0) ?? MIX[MIX.length - 1]!;
    return { kind: entry.kind, ...entry.make(draw, corpus) };
  };
}

// ---------------------------------------------------------------------------------------------
// Results

/** atMs: when it was sent (scheduled), ms after the run began */
interface Outcome { kind: string; atMs: number; latencyMs: number; measured: boolean; bytes: number; error?: string; path?: string }

class Results {
  readonly outcomes: Outcome[] = [];
  sent = 0;
  inFlight = 0;
  maxLagMs = 0;
  /** moments (ms after the run began) of the events the public requests might feel: the editor's saves, the memory samples */
  readonly events: { atMs: number; what: string }[] = [];
  add(outcome: Outcome) { this.outcomes.push(outcome); }
  measured() { return this.outcomes.filter((o) => o.measured); }
}

const errorOf = (kind: string, status: number, expected: number[]) => (expected.includes(status) ? undefined : `${kind}: HTTP ${status}`);
const failureOf = (kind: string, error: unknown) => `${kind}: ${(error as { code?: string }).code ?? (error as Error).name ?? 'error'}${(error as { code?: string }).code ? '' : ` (${(error as Error).message})`}`;

// ---------------------------------------------------------------------------------------------
// Memory and CPU of every process

/** judged: whether the growth target applies (not to the load generator, nor to a pool of fixed size filling up) */
interface Memory { name: string; rssMb: number; heapMb?: number; how: string; judged?: boolean; cacheLookups?: Map<string, number> }

/** `samklang_cache_lookups_total` of one /metrics text, keyed "cache result" ("search hit"). */
function cacheLookups(metrics: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, cache, result, n] of metrics.matchAll(/^samklang_cache_lookups_total\{cache="([a-z_]+)",result="(hit|miss)"\} ([0-9.e+]+)$/gm)) {
    counts.set(`${cache} ${result}`, Number(n));
  }
  return counts;
}

/**
 * Hit rates of the app's caches between two samples, both instances together: "search 93 % of
 * 4,120, …"; a cache not looked up in between is left out.
 */
export function cacheHitRates(start: Memory[], end: Memory[]): string {
  const lookups = new Map<string, { hit: number; miss: number }>();
  for (const [i, last] of end.entries()) {
    const first = start[i]?.cacheLookups;
    if (!last.cacheLookups || !first) continue;
    for (const [key, n] of last.cacheLookups) {
      const [cache, result] = key.split(' ') as [string, 'hit' | 'miss'];
      const entry = lookups.get(cache) ?? { hit: 0, miss: 0 };
      entry[result] += n - (first.get(key) ?? 0);
      lookups.set(cache, entry);
    }
  }
  const parts = [...lookups].filter(([, { hit, miss }]) => hit + miss > 0)
    .map(([cache, { hit, miss }]) => `${cache} ${((100 * hit) / (hit + miss)).toFixed(0)} % of ${(hit + miss).toLocaleString('en-US')}`);
  return parts.join(', ') || 'none read (/metrics did not answer)';
}

/**
 * The "Name: N kB" lines of /proc/<pid>/<file>, in MB, or {} for a process that is gone. status
 * gives VmRSS; smaps_rollup gives Pss (proportional set size: shared pages divided among the
 * processes sharing them, so a process tree's sum is honest) and Pss_Shmem, its part in shared
 * memory (PostgreSQL's buffer pool).
 */
function procMb(pid: number, file: 'status' | 'smaps_rollup'): Record<string, number> {
  try {
    const text = readFileSync(`/proc/${pid}/${file}`, 'utf8');
    return Object.fromEntries([...text.matchAll(/^(\w+):\s+(\d+) kB$/gm)].map((m) => [m[1]!, Number(m[2]) / 1024]));
  } catch {
    return {};
  }
}
/** A process's PSS, or its resident memory where the kernel gives no PSS, and the PSS's part in shared memory. */
function pssOf(pid: number): { pss: number; shared: number } {
  const rollup = procMb(pid, 'smaps_rollup');
  return { pss: rollup.Pss ?? procMb(pid, 'status').VmRSS ?? 0, shared: rollup.Pss_Shmem ?? 0 };
}
/** The process and its descendants alive now (one pass over /proc). */
function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const parent = parentOf(Number(name));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

/**
 * An instance's resident memory from /proc (instant, even when the instance is swamped) and its V8
 * heap from its own /metrics, when that answers within 5 s.
 */
async function appMemory(instance: Instance, token: string, name: string): Promise<Memory> {
  const rssMb = procMb(instance.child.pid!, 'status').VmRSS ?? Number.NaN;
  try {
    const response = await fetch(`http://127.0.0.1:${instance.port}/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
    const text = await response.text();
    const heap = Number(/^nodejs_heap_size_used_bytes ([0-9.e+]+)$/m.exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
    return { name, rssMb, heapMb: heap, how: '/proc, heap from /metrics', cacheLookups: cacheLookups(text) };
  } catch {
    return { name, rssMb, how: '/proc (/metrics did not answer within 5 s)' };
  }
}

async function memoryNow(stack: Stack): Promise<Memory[]> {
  const list: Memory[] = [];
  for (const [i, instance] of stack.instances.entries()) list.push(await appMemory(instance, stack.metricsToken, `app instance ${i + 1}`));
  const nginxPids = treeOf(stack.nginx.child.pid!);
  list.push({ name: `nginx (${nginxPids.length} processes)`, rssMb: nginxPids.reduce((s, pid) => s + pssOf(pid).pss, 0), how: 'PSS, /proc' });
  if (stack.postmasterPid) {
    const pids = treeOf(stack.postmasterPid);
    const each = pids.map(pssOf);
    const pss = each.reduce((s, p) => s + p.pss, 0);
    // the shared buffer pool is mapped as backends first touch its pages: it grows to shared_buffers and no further
    const shared = each.reduce((s, p) => s + p.shared, 0);
    list.push({ name: 'PostgreSQL (server and backends)', rssMb: pss, how: `PSS over ${pids.length} processes, /proc`, judged: false });
    list.push({ name: 'PostgreSQL without shared memory', rssMb: pss - shared, how: `PSS − Pss_Shmem over ${pids.length} processes, /proc` });
  }
  const own = process.memoryUsage();
  list.push({ name: 'load generator (this process)', rssMb: own.rss / 2 ** 20, heapMb: own.heapUsed / 2 ** 20, how: 'process.memoryUsage()' });
  return list;
}

// ---------------------------------------------------------------------------------------------
// The stack

interface Stack {
  dir: string;
  instances: Instance[];
  nginx: Nginx;
  cert: Buffer;
  metricsToken: string;
  postmasterPid: number | undefined;
  corpus: Corpus;
  databaseUrl: string;
}

const cleanups: (() => void)[] = [];
function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) {
    try { fn(); } catch { /* keep cleaning */ }
  }
}

async function startStack(args: SoakArgs): Promise<Stack> {
  const absent = missingTools();
  if (absent) throw new Error(`the soak needs ${absent}`);
  const dir = mkdtempSync(join(tmpdir(), 'samklang-soak-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

  log('starting a throw-away PostgreSQL cluster');
  const cluster = await startCluster();
  if (!('url' in cluster)) throw new Error(`no PostgreSQL for the soak: ${cluster.reason}`);
  cleanups.push(cluster.stop);
  const { url: databaseUrl } = await createDatabase(cluster.url, 'samklang_soak');
  log(`database: ${databaseUrl}`);

  log(`loading ${args.services.toLocaleString('en-US')} generated demo services`);
  const started = performance.now();
  const database = await openPostgres(databaseUrl, 4);
  let corpus: Corpus;
  let postmasterPid: number | undefined;
  try {
    await prepareDatabase(database.db, { demoData: false });
    await replaceDemoData(database.db, { services: args.services });
    // then the rest of the demo content (accounts: the editor edits the first demo organisation's offers)
    await prepareDatabase(database.db, { demoData: true });
    await sql`vacuum analyze`.execute(database.db);
    const counts = await countDirectory(database.db);
    log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${counts.services} services, ${counts.searchable} in the finder`);
    corpus = await corpusOf(database.db);
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    postmasterPid = parentOf(rows[0]!.pid);
  } finally {
    await database.close();
  }

  const cert = makeCertificate(dir);
  const [port1, port2, httpPort, httpsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const metricsToken = randomBytes(32).toString('hex');
  const instances = [port1, port2].map((port) => startInstance({
    port,
    keepLines: 500,
    nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : [],
    env: {
      // as docs/operations.md runs a real site: demo content was loaded above, not by the instances
      DATABASE_URL: databaseUrl, TRUST_PROXY: 'on', PUBLIC_URL: `https://localhost:${httpsPort}`, DEMO_DATA: 'off', LOG_LEVEL: 'info',
      METRICS_TOKEN: metricsToken, DATA_DIR: join(dir, `data-${port}`),
      // the exports' cache files too go into the folder removed at the end
      TMPDIR: mkdirSync(join(dir, `tmp-${port}`), { recursive: true }) ?? join(dir, `tmp-${port}`),
    },
  }));
  cleanups.push(() => { for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL'); });
  const nginx = startNginx({ dir, upstreams: [port1, port2], httpPort, httpsPort, workerConnections: 4096 });
  cleanups.push(() => { if (nginx.child.exitCode === null) nginx.child.kill('SIGTERM'); });
  log('starting two app instances and nginx');
  await waitUntilListening(instances);
  const probe = tlsPool(httpsPort, cert, '127.0.0.1');
  try {
    await until('nginx to answer /readyz', async () => {
      const answer = await probe.request({ method: 'GET', path: '/readyz', headers: { host: `localhost:${httpsPort}` } }).catch(() => undefined);
      await answer?.body.arrayBuffer();
      return answer?.statusCode === 200;
    }, 200, 100);
  } finally {
    await probe.close();
  }
  return { dir, instances, nginx, cert, metricsToken, postmasterPid, corpus, databaseUrl };
}

function tlsPool(port: number, cert: Buffer, localAddress: string): Pool {
  return new Pool(`https://127.0.0.1:${port}`, {
    connect: { ca: cert, servername: 'localhost' },
    localAddress,
    connections: 8,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
    keepAliveTimeout: 20_000,
  });
}

// ---------------------------------------------------------------------------------------------
// A person signing in and saving a change, once a minute

class Person {
  private readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly pool: Pool, private readonly host: string) {}

  async send(method: 'GET' | 'POST', path: string, form?: URLSearchParams): Promise<{ status: number; location: string; body: string }> {
    const response = await this.pool.request({
      method, path,
      headers: {
        host: this.host, accept: HTML,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await response.body.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: response.statusCode, location: String(response.headers.location ?? ''), body };
  }
}

/** The fields a browser would send for a form (its successful controls), with one submit button pressed. */
export function formFields(html: string, formSelector: string, button: { name: string; value: string }): { action: string; fields: URLSearchParams } | undefined {
  const $ = cheerio.load(html);
  const form = $(formSelector).first();
  if (form.length === 0) return undefined;
  const fields = new URLSearchParams();
  form.find('input, select, textarea').each((_i, element) => {
    const field = $(element);
    const name = field.attr('name');
    if (!name || field.is('[disabled]')) return;
    if (field.is('textarea')) fields.append(name, field.text());
    else if (field.is('select')) {
      const chosen = field.find('option[selected]');
      const options = chosen.length > 0 ? chosen : field.is('[multiple]') ? chosen : field.find('option').first();
      options.each((_j, option) => { fields.append(name, $(option).attr('value') ?? $(option).text()); });
    } else {
      const type = (field.attr('type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) return;
      if ((type === 'checkbox' || type === 'radio') && !field.is('[checked]')) return;
      fields.append(name, field.attr('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
    }
  });
  fields.append(button.name, button.value);
  return { action: form.attr('action') ?? '', fields };
}

type Answer = Awaited<ReturnType<Person['send']>>;

/** Sign in, open "my offers", change one offer's waiting time through its form, sign out: each step timed as its own kind. */
async function editorVisit(person: Person, round: number, record: (kind: string, started: number, bytes: number, error?: string) => void): Promise<void> {
  /** One request; its answer when the status is expected and `check` finds nothing wrong, else undefined (the error recorded). */
  const step = async (kind: string, method: 'GET' | 'POST', path: string, expected: number[], form?: URLSearchParams, check?: (answer: Answer) => string | undefined) => {
    const started = performance.now();
    try {
      const answer = await person.send(method, path, form);
      const error = errorOf(kind, answer.status, expected) ?? (check && check(answer) ? `${kind}: ${check(answer)}` : undefined);
      record(kind, started, answer.body.length, error);
      return error ? undefined : answer;
    } catch (error) {
      record(kind, started, 0, failureOf(kind, error));
      return undefined;
    }
  };
  const account = DEMO_ACCOUNTS.editor;
  const editLink = (body: string) => /href="(\/mine-tilbud\/(?:tilbud\/[0-9a-f-]{36}\/endre|utkast\/[0-9a-f-]{36}))"/.exec(body)?.[1];
  const serviceForm = 'form[method="post"]:has([name="waitTime"])';
  if (await step('sign-in form', 'GET', '/logg-inn', [200])
    && await step('sign-in', 'POST', '/logg-inn', [303], new URLSearchParams({ _csrf: person.csrf, email: account.email, password: account.password }))) {
    const mine = await step('editor: my offers', 'GET', '/mine-tilbud', [200], undefined, (a) => (editLink(a.body) ? undefined : 'no offer to edit on the page'));
    let form = mine && await step('editor: form', 'GET', editLink(mine.body)!, [200, 303]);
    // an open change request: the form is the draft's
    if (form && form.status === 303) form = await step('editor: form', 'GET', form.location, [200]);
    const filled = form && form.status === 200 ? formFields(form.body, serviceForm, { name: 'handling', value: 'send' }) : undefined;
    if (filled) {
      // a change of a trusted field only (the waiting time), so it is published at once: what derives from
      // the directory (open data, atlas) moves to a new version; the finder's row holds no waiting time, so its caches stay
      filled.fields.set('waitTime', `Omtrent ${2 + (round % 5)} uker (endret ${new Date().toISOString().slice(11, 19)})`);
      await step('editor: save', 'POST', filled.action, [303], filled.fields, (a) => (a.location.includes('melding=publisert') ? undefined : `not published (to ${a.location})`));
    } else if (form) record('editor: save', performance.now(), 0, 'editor: save: no service form on the page');
  }
  await step('sign-out', 'POST', '/logg-ut', [303], new URLSearchParams({ _csrf: person.csrf }));
}

// ---------------------------------------------------------------------------------------------
// The run

interface Sample { atSeconds: number; memory: Memory[] }

async function drive(stack: Stack, args: SoakArgs): Promise<{ results: Results; start: Sample; end: Sample; samples: Sample[]; cpu: Record<string, number>; measuredSeconds: number; editorRounds: number }> {
  const host = `localhost:${stack.nginx.httpsPort}`;
  const pools = Array.from({ length: CLIENT_ADDRESSES }, (_, i) => tlsPool(stack.nginx.httpsPort, stack.cert, `127.0.2.${1 + i}`));
  cleanups.push(() => { for (const pool of pools) void pool.destroy(); });
  const plan = planner(stack.corpus);
  const results = new Results();
  const interval = 1000 / args.rate;
  const warmUpMs = args.warmUpMinutes * 60_000;
  const totalMs = warmUpMs + args.minutes * 60_000;
  const t0 = performance.now();
  const total = Math.floor(totalMs / interval);
  let sentIndex = 0;

  const fire = (index: number, scheduled: number) => {
    const planned = plan();
    const pool = pools[index % pools.length]!;
    const measured = scheduled - t0 >= warmUpMs;
    results.sent++;
    results.inFlight++;
    pool.request({ method: 'GET', path: planned.path, headers: { host, accept: planned.accept, 'accept-encoding': 'gzip, deflate, br' } })
      .then(async (response: Dispatcher.ResponseData) => {
        // read to the end (dump() would close a connection whose answer is large)
        const bytes = (await response.body.arrayBuffer()).byteLength;
        results.add({ kind: planned.kind, atMs: scheduled - t0, latencyMs: performance.now() - scheduled, measured, bytes, error: errorOf(planned.kind, response.statusCode, [200]), path: planned.path });
      }, (error: unknown) => {
        results.add({ kind: planned.kind, atMs: scheduled - t0, latencyMs: performance.now() - scheduled, measured, bytes: 0, error: failureOf(planned.kind, error), path: planned.path });
      })
      .finally(() => { results.inFlight--; });
  };

  // open loop: every few milliseconds, send whatever is due by the clock
  const finished = new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sentIndex < total && t0 + sentIndex * interval <= now) {
        const scheduled = t0 + sentIndex * interval;
        results.maxLagMs = Math.max(results.maxLagMs, now - scheduled);
        fire(sentIndex, scheduled);
        sentIndex++;
      }
      if (sentIndex >= total) resolve();
      else setTimeout(tick, Math.min(5, Math.max(1, t0 + sentIndex * interval - now)));
    };
    tick();
  });

  // a person once a minute, from its own address, beginning 20 s in
  const personPool = tlsPool(stack.nginx.httpsPort, stack.cert, '127.0.3.1');
  cleanups.push(() => void personPool.destroy());
  let editorRounds = 0;
  const recordPerson = (kind: string, started: number, bytes: number, error?: string) => {
    results.events.push({ atMs: started - t0, what: kind });
    results.add({ kind, atMs: started - t0, latencyMs: performance.now() - started, measured: started - t0 >= warmUpMs, bytes, ...(error ? { error } : {}) });
  };
  const personTimers: NodeJS.Timeout[] = [];
  const visits: Promise<void>[] = [];
  for (let at = 20_000; at < totalMs; at += 60_000) {
    personTimers.push(setTimeout(() => { visits.push(editorVisit(new Person(personPool, host), editorRounds++, recordPerson)); }, at));
  }

  // memory every minute; the first after the warm-up is "start"
  const samples: Sample[] = [];
  let start: Sample | undefined;
  let cpuAtStart: Record<string, number> = {};
  const cpuNow = (): Record<string, number> => ({
    ...Object.fromEntries(stack.instances.map((instance, i) => [`app instance ${i + 1}`, treeCpuSeconds([instance.child.pid!])])),
    nginx: treeCpuSeconds([stack.nginx.child.pid!]),
    PostgreSQL: stack.postmasterPid ? treeCpuSeconds([stack.postmasterPid]) : 0,
    'load generator': (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  });
  const takeSample = async (): Promise<Sample> => {
    results.events.push({ atMs: performance.now() - t0, what: 'memory sample' });
    const sample = { atSeconds: Math.round((performance.now() - t0) / 1000), memory: await memoryNow(stack) };
    samples.push(sample);
    return sample;
  };
  const progress = setInterval(() => {
    const elapsed = (performance.now() - t0) / 1000;
    const done = results.outcomes.length;
    const errors = results.outcomes.filter((o) => o.error).length;
    log(`${elapsed.toFixed(0)} s: sent ${results.sent}, finished ${done}, in flight ${results.inFlight}, errors ${errors}${elapsed * 1000 < warmUpMs ? ' (warming up)' : ''}`);
  }, 30_000);
  cleanups.push(() => clearInterval(progress));
  const sampler = (async () => {
    if (warmUpMs > 0) await new Promise((resolve) => setTimeout(resolve, warmUpMs));
    cpuAtStart = cpuNow();
    start = await takeSample();
    log(`warm-up over; memory: ${start.memory.map((m) => `${m.name} ${m.rssMb.toFixed(0)} MB`).join(', ')}`);
    for (let at = 60_000; at < args.minutes * 60_000; at += 60_000) {
      await new Promise((resolve) => setTimeout(resolve, t0 + warmUpMs + at - performance.now()));
      await takeSample();
    }
  })();

  await finished;
  const endedAt = performance.now();
  const cpuAtEnd = cpuNow();
  const end = await takeSample();
  await sampler;
  for (const timer of personTimers) clearTimeout(timer);
  clearInterval(progress);
  log(`schedule done; waiting for ${results.inFlight} requests still in flight`);
  await until('the last answers', async () => results.inFlight === 0, Math.ceil(TIMEOUT_MS / 100) + 50, 100).catch(() => undefined);
  await Promise.all(visits);
  const measuredSeconds = (endedAt - t0 - warmUpMs) / 1000;
  const cpu = Object.fromEntries(Object.keys(cpuAtEnd).map((name) => [name, (cpuAtEnd[name]! - (cpuAtStart[name] ?? 0)) / measuredSeconds]));
  return { results, start: start!, end, samples, cpu, measuredSeconds, editorRounds };
}

interface NginxSummary { perUpstream: Map<string, number>; retried: number; statuses: Map<string, number>; errors: Map<string, number> }

/** What nginx's logs say about the whole run: answers per instance, retries on the other one, statuses, and its errors by kind. */
function nginxSummary(accessLog: string, errorLog: string): NginxSummary {
  const perUpstream = new Map<string, number>();
  const statuses = new Map<string, number>();
  const errors = new Map<string, number>();
  let retried = 0;
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  if (existsSync(errorLog)) {
    for (const line of readFileSync(errorLog, 'utf8').split('\n')) {
      const level = /\[(error|crit|alert|emerg)\]/.exec(line)?.[1];
      // "… [error] 123#123: *456 no live upstreams while connecting to upstream, client: …": the message without its numbers
      if (level) count(errors, `${level}: ${(/\*\d+ (.*?)(, client:|$)/.exec(line)?.[1] ?? line).replace(/\d+/g, 'N')}`);
    }
  }
  if (existsSync(accessLog)) {
    for (const line of readFileSync(accessLog, 'utf8').split('\n')) {
      if (!line) continue;
      // "upstream=127.0.0.1:3001, 127.0.0.1:3002 upstream_status=502, 200": the instances tried, in order
      const tried = (/upstream=(.*?) upstream_status=/.exec(line)?.[1] ?? '-').split(',').map((u) => u.trim());
      if (tried.length > 1) retried++;
      const last = tried[tried.length - 1]!;
      count(perUpstream, last === 'samklang' ? 'no instance (nginx had marked both failed)' : last === '-' ? 'nginx itself' : last);
      count(statuses, /" (\d{3}) /.exec(line)?.[1] ?? '?');
    }
  }
  return { perUpstream, retried, statuses, errors };
}

async function stopStack(stack: Stack): Promise<(number | null)[]> {
  for (const instance of stack.instances) instance.child.kill('SIGTERM');
  const codes = await Promise.all(stack.instances.map((i) => Promise.race([i.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))])));
  if (stack.nginx.child.exitCode === null) stack.nginx.child.kill('SIGQUIT');
  return codes;
}

// ---------------------------------------------------------------------------------------------
// The report

const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const mb = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));

/** Public requests are grouped by the 5 s in which they were sent; a window is slow when its p50 is over 3 times the median window's p50 (and over 100 ms). */
const WINDOW_MS = 5_000;

/**
 * The slow stretches while measuring: each slow window with its p50 / p95 and the last event
 * (an editor's step, a memory sample) sent before it ended, so a stall can be put beside its cause.
 */
function slowStretches(publicMeasured: Outcome[], events: { atMs: number; what: string }[], warmUpMs: number): string {
  const windows = new Map<number, number[]>();
  for (const o of publicMeasured) {
    const at = Math.floor((o.atMs - warmUpMs) / WINDOW_MS);
    if (!windows.has(at)) windows.set(at, []);
    windows.get(at)!.push(o.latencyMs);
  }
  const stats = [...windows].sort((x, y) => x[0] - y[0]).map(([at, times]) => {
    times.sort((a, b) => a - b);
    return { at, n: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  });
  if (stats.length === 0) return 'Slow stretches: no public requests measured.';
  const typical = percentile(stats.map((w) => w.p50).sort((a, b) => a - b), 0.5);
  const limit = Math.max(3 * typical, 100);
  const slow = stats.filter((w) => w.p50 > limit);
  const seconds = (msAfter: number) => `${(msAfter / 1000).toFixed(0)} s`;
  // events are pushed when a step ends but timed from when it began: ordered by that time here
  const inOrder = [...events].sort((x, y) => x.atMs - y.atMs);
  const listed = slow.map((w) => {
    const start = warmUpMs + w.at * WINDOW_MS;
    const before = inOrder.filter((e) => e.atMs < start + WINDOW_MS).at(-1);
    const cause = before ? `; last before its end: ${before.what} at ${seconds(before.atMs - warmUpMs)}` : '';
    return `${seconds(start - warmUpMs)}–${seconds(start - warmUpMs + WINDOW_MS)}: p50 ${ms(w.p50)}, p95 ${ms(w.p95)} ms (${w.n} requests${cause})`;
  });
  return `Slow stretches (public requests grouped by the ${WINDOW_MS / 1000} s in which they were sent; times in s after the warm-up): the median window's p50 is ${ms(typical)} ms; `
    + `${slow.length} of ${stats.length} windows had a p50 over ${ms(limit)} ms${listed.length ? `: ${listed.slice(0, 12).join('; ')}${listed.length > 12 ? `; and ${listed.length - 12} more` : ''}` : ''}.`;
}

const HEADER = `## Soak: two instances behind nginx (\`npm run bench:soak\`)

A throw-away PostgreSQL 15 cluster (Debian's initdb, fsync off) with generated demo services (\`scripts/demo.ts\`),
two app instances (\`node --import tsx src/main.ts\`, \`TRUST_PROXY=on\`, \`LOG_LEVEL=info\`, job worker on, default
rate limit) behind Debian's nginx running \`ops/nginx/samklang.conf\` over TLS, started by \`scripts/ops-stack.ts\` as the
operations test starts them. The load generator (undici, in this process) sends a fixed mix of public requests
**open-loop**: each at its scheduled moment whether or not earlier ones have finished, from ${CLIENT_ADDRESSES} loopback addresses
(nginx allows 10 requests a second per address), with \`Accept-Encoding: gzip, deflate, br\`; latency runs from the scheduled
moment to the last byte of the answer, so a stall shows as latency and never as less load. Mix: ${MIX.map((m) => `${m.kind} ${m.share} %`).join(', ')}
(finder words, filters, places and pages drawn with a fixed seed; offer ids from the finder's index). Once a minute a person
signs in (argon2), opens "my offers", changes one offer's waiting time through the real form with its CSRF token (published at
once: the directory's data version moves on, while the finder's caches stay, its rows holding no waiting time) and signs out. The warm-up is left out of every figure.
Memory: app instances' resident memory from \`/proc/<pid>/status\` and V8 heap from their \`/metrics\` (\`nodejs_heap_size_used_bytes\`), nginx
and PostgreSQL as PSS summed over their processes (\`/proc/<pid>/smaps_rollup\`). Targets (issue #18): ${TARGET.errors} errors, memory
growth under ${TARGET.memoryGrowthPercent} % from the end of the warm-up to the end, each end's level the median of up to three samples a minute apart
(one sample can sit tens of MB off the level, taken just before a garbage collection). PostgreSQL's target is judged without its shared memory
(\`Pss_Shmem\`): that is the buffer pool, whose pages count once a backend has touched them, so it fills up to \`shared_buffers\` (128 MB here)
and no further as more of the data is read; what is left (the backends' own memory) is where a leak would show. Both are given. The load generator shares the machine's cores with
everything else, and so does every other process on it: the load average is given with each run.`;

function report(args: SoakArgs, run: Awaited<ReturnType<typeof drive>>, startedAt: Date, loads: { before: number[]; after: number[] }, nginx: NginxSummary, exitCodes: (number | null)[], appErrorLines: number[], stopErrorLines: number[]): string {
  const measured = run.results.measured();
  const kinds = [...new Set([...MIX.map((m) => m.kind), ...measured.map((o) => o.kind)])];
  const row = (label: string, list: Outcome[]) => {
    const times = list.map((o) => o.latencyMs).sort((a, b) => a - b);
    const errors = list.filter((o) => o.error).length;
    const kb = list.length ? list.reduce((sum, o) => sum + o.bytes, 0) / list.length / 1024 : Number.NaN;
    const rate = list.length / run.measuredSeconds;
    return [label, String(list.length), rate.toFixed(rate >= 10 ? 0 : 2), String(errors), ms(percentile(times, 0.5)), ms(percentile(times, 0.95)), ms(percentile(times, 0.99)), ms(times[times.length - 1] ?? Number.NaN), Number.isNaN(kb) ? '–' : kb.toFixed(1)];
  };
  const rows = kinds.map((kind) => row(kind, measured.filter((o) => o.kind === kind))).filter((r) => r[1] !== '0');
  rows.push(row('**all**', measured));
  const errorCounts = new Map<string, number>();
  const examples = new Map<string, string>();
  for (const o of measured) {
    if (!o.error) continue;
    errorCounts.set(o.error, (errorCounts.get(o.error) ?? 0) + 1);
    if (o.path && !examples.has(o.error)) examples.set(o.error, o.path);
  }
  const warmUpErrors = run.results.outcomes.filter((o) => !o.measured && o.error).length;
  const errorsTotal = [...errorCounts.values()].reduce((a, b) => a + b, 0);
  const publicMeasured = measured.filter((o) => MIX.some((m) => m.kind === o.kind));
  const publicOk = publicMeasured.filter((o) => !o.error).length;
  const growths = run.start.memory.map((_, i) => memoryGrowth(run.samples.map((s) => s.memory[i]?.rssMb ?? Number.NaN)));
  const window = Math.max(1, ...growths.map((growth) => growth.window));
  const memoryRows = run.start.memory.map((first, i) => {
    const last = run.end.memory[i]!;
    const growth = growths[i]!;
    const verdict = first.name.startsWith('load generator') ? '' : first.judged === false ? 'not judged (next row)'
      : growth.percent < TARGET.memoryGrowthPercent ? 'met' : 'NOT met';
    const heap = first.heapMb !== undefined && last.heapMb !== undefined ? `${mb(first.heapMb)} → ${mb(last.heapMb)}` : '–';
    const series = run.samples.map((s) => mb(s.memory[i]?.rssMb ?? Number.NaN)).join(', ');
    return [first.name, `${mb(growth.from)} → ${mb(growth.to)}`, `${growth.percent >= 0 ? '+' : ''}${growth.percent.toFixed(1)} %`, heap, series, verdict];
  });
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
  const machine = describeMachine();
  const command = `npm run bench:soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const cpu = Object.entries(run.cpu).map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ');
  const upstreams = [...nginx.perUpstream].map(([address, n]) => `${address} ${n}`).join(', ');
  const nginxStatuses = [...nginx.statuses].sort().map(([status, n]) => `${status}: ${n}`).join(', ');
  return `### ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commitOf(ROOT)}

${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, Node ${machine.node}; load average (1 / 5 / 15 min, as \`uptime\`) ${load(loads.before)} at start, ${load(loads.after)} at end.
Command: \`${command}\`: ${args.services.toLocaleString('en-US')} services, ${args.rate} requests/s for ${args.minutes} min after a ${args.warmUpMinutes} min warm-up.
Achieved: ${(publicOk / run.measuredSeconds).toFixed(1)} public requests/s answered as expected, ${(publicMeasured.length / run.measuredSeconds).toFixed(1)} finished in all (of ${args.rate} scheduled; ${run.results.sent.toLocaleString('en-US')} sent in the whole run), generator lag at most ${ms(run.results.maxLagMs)} ms behind schedule; ${run.editorRounds} sign-in + save rounds started.
**Errors: ${errorsTotal}** (target ${TARGET.errors}: ${errorsTotal <= TARGET.errors ? 'met' : 'NOT met'})${errorCounts.size ? `: ${[...errorCounts].sort((x, y) => y[1] - x[1]).map(([what, n]) => `${n} × ${what}${examples.has(what) ? ` (e.g. \`${examples.get(what)}\`)` : ''}`).join('; ')}` : ''}${warmUpErrors ? `; during the warm-up, not counted: ${warmUpErrors}` : ''}.
Error lines in the instances' logs: ${appErrorLines.join(' and ')} while running. Stopped with SIGTERM at the end, they exited with ${exitCodes.map((c) => (c === null ? 'no exit within 30 s' : String(c))).join(' and ')}, logging ${stopErrorLines.join(' and ')} error lines while draining.
nginx (whole run, warm-up included): answered by ${upstreams || '–'}; ${nginx.retried} requests retried on the other instance; statuses ${nginxStatuses || '–'}; its error log: ${nginx.errors.size ? [...nginx.errors].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([what, n]) => `${n} × ${what}`).join('; ') : 'nothing at level error or worse'}.
CPU cores used while measuring: ${cpu}.
Cache hits while measuring (/metrics, both instances; \`atlas_page\` holds a municipality's figures): ${cacheHitRates(run.start.memory, run.end.memory)}.
${slowStretches(publicMeasured, run.results.events, args.warmUpMinutes * 60_000)}

${table(['Request', 'Answered', 'per s', 'Errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'KB each'], rows, [1, 2, 3, 4, 5, 6, 7, 8])}

Memory, MB, after the warm-up → at the end (RSS, or PSS for nginx and PostgreSQL, each the median of the first and of the last ${window} samples, a minute apart; heap used for Node, first and last sample):

${table(['Process', 'RSS', 'Growth', 'Heap', 'Each minute', `Under ${TARGET.memoryGrowthPercent} %`], memoryRows, [1, 2, 3])}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let args: SoakArgs;
  try {
    args = parseSoakArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${SOAK_USAGE}`);
    process.exit(64); // EX_USAGE
  }
  const startedAt = new Date();
  const loadBefore = loadavg();
  const stack = await startStack(args);
  log(`running ${args.rate} requests/s for ${args.warmUpMinutes} min warm-up + ${args.minutes} min measured, through nginx at https://localhost:${stack.nginx.httpsPort}`);
  const run = await drive(stack, args);
  const loadAfter = loadavg();
  const appErrorLines = stack.instances.map((i) => i.errorLines);
  const exitCodes = await stopStack(stack);
  const nginx = nginxSummary(stack.nginx.accessLog, stack.nginx.errorLog);
  const stopErrorLines = stack.instances.map((i, n) => i.errorLines - appErrorLines[n]!);
  for (const [i, instance] of stack.instances.entries()) {
    if (instance.errorLines > 0) log(`app instance ${i + 1}'s last error lines:\n${instance.out.filter((l) => /^\{"level":(5\d|60)\b/.test(l)).slice(-5).join('\n')}`);
  }
  const text = report(args, run, startedAt, { before: loadBefore, after: loadAfter }, nginx, exitCodes, appErrorLines, stopErrorLines);
  console.log(`\n${text}\n`);
  if (!args.printOnly) {
    addRun(join(ROOT, 'BENCHMARKS.md'), HEADER, text, 'soak');
    log('written to BENCHMARKS.md');
  }
}

// Run only as a script, so a test can import the argument parser and the mix.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n[bench:soak] ${signal}: stopping every process and removing the temporary folders`);
      cleanup();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  main().then(() => process.exit(0), (error: unknown) => {
    console.error(`[bench:soak] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
