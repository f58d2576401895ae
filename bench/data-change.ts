/**
 * npm run bench:data-change [-- --rate 40 --services 10000 --before DIR --print-only]
 * What a change to the directory costs the readers (issue #18): any write moves directory_version,
 * and every instance then finds the answers it keeps per directory version (open data) out of date
 * and asks the database whether the atlas's inputs changed, at its next request. The finder's
 * answers follow search_version, which a change the finder does not show leaves as it is. One app
 * instance at a time on a throw-away PostgreSQL cluster with N generated demo services, under bench:soak's mix of public requests sent open-loop
 * at --rate a second for 60 s; at 20, 30, 40 and 50 s directory_version is moved on (as a write
 * that changes nothing the pages show would move it). Reported: the app's and PostgreSQL's CPU in
 * the 3 s after each move against the 3 s before it, and the latency of the requests sent in
 * those windows. With --before DIR (an older checkout, e.g. `git worktree add --detach /tmp/before
 * <commit>` with node_modules linked) the two apps take turns, twice each, on the same database.
 * Writes the run into BENCHMARKS.md unless --print-only. Run it alone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { Pool } from 'undici';
import { openPostgres } from '../src/platform/db/index.ts';
import { freePort, startCluster } from '../scripts/pg-cluster.ts';
import { startInstance, waitUntilListening } from '../scripts/ops-stack.ts';
import { treeCpuSeconds } from './lib/cpu.ts';
import { demoDatabase } from './lib/demo-database.ts';
import { percentile } from './lib/load.ts';
import { commitOf, describeMachine } from './lib/machine.ts';
import { addRun, table } from './lib/report.ts';
import { MIX } from './soak.ts';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '40' }, services: { type: 'string', default: '10000' }, before: { type: 'string' }, 'print-only': { type: 'boolean', default: false } } });
const rate = Number(values.rate);
const services = Number(values.services);
if (!(rate > 0 && rate <= 500 && services > 0)) {
  console.error('Usage: npm run bench:data-change -- [--rate 40] [--services 10000] [--before DIR] [--print-only]');
  process.exit(64);
}
const RUN_MS = 60_000;
const MOVES_MS = [20_000, 30_000, 40_000, 50_000];
const WINDOW_MS = 3_000;

const cleanups: (() => void)[] = [];
const cleanup = () => { for (const fn of cleanups.splice(0).reverse()) try { fn(); } catch { /* keep going */ } };
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { cleanup(); process.exit(130); });
const log = (message: string) => console.log(`[bench:data-change] ${new Date().toISOString().slice(11, 19)} ${message}`);

const startedAt = new Date();
const loadBefore = loadavg();
const cluster = await startCluster();
if (!('url' in cluster)) throw new Error(`no PostgreSQL: ${cluster.reason}`);
cleanups.push(cluster.stop);
log(`loading ${services.toLocaleString('en-US')} generated demo services`);
const { url, corpus, postmaster } = await demoDatabase(cluster.url, 'samklang_data_change', services);
const database = await openPostgres(url, 2);
cleanups.push(() => void database.close());
const dir = mkdtempSync(join(tmpdir(), 'samklang-data-change-'));
cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

interface Turn { appMsBefore: number; appMsAfter: number; dbMsBefore: number; dbMsAfter: number; calm: number[]; moved: number[]; failed: number }

/** One minute of the mix against the app in `appDir` (this checkout when undefined), moving the data version four times. */
async function turn(label: string, appDir: string | undefined): Promise<Turn> {
  const port = await freePort();
  const instance = startInstance({
    port, keepLines: 200, cwd: appDir,
    env: {
      DATABASE_URL: url, DEMO_DATA: 'off', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', JOB_WORKER: 'off', DATA_DIR: join(dir, `data-${port}`),
      TMPDIR: mkdirSync(join(dir, `tmp-${port}`), { recursive: true }) ?? join(dir, `tmp-${port}`),
    },
  });
  cleanups.push(() => { if (instance.child.exitCode === null) instance.child.kill('SIGKILL'); });
  await waitUntilListening([instance]);
  log(`${label}: running ${rate} requests/s for ${RUN_MS / 1000} s`);
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 32 });
  let seed = 18;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const draw = { pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p, below: (n: number) => Math.floor(next() * n) };
  const total = MIX.reduce((sum, entry) => sum + entry.share, 0);
  const answered: { sentAt: number; ms: number; ok: boolean }[] = [];
  const cpu: { at: number; app: number; db: number }[] = [];
  const t0 = performance.now();
  const sample = () => cpu.push({ at: performance.now() - t0, app: treeCpuSeconds([instance.child.pid!]), db: treeCpuSeconds([postmaster]) });
  const sampler = setInterval(sample, 100);
  const moves = MOVES_MS.map((at) => setTimeout(() => { void sql`update directory_version set version = version + 1`.execute(database.db); }, at));
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      for (; t0 + (sent * 1000) / rate <= now && sent * (1000 / rate) < RUN_MS; sent++) {
        const sentAt = (sent * 1000) / rate;
        let roll = next() * total;
        const entry = MIX.find((m) => (roll -= m.share) < 0) ?? MIX[MIX.length - 1]!;
        const planned = entry.make(draw, corpus);
        const request = pool.request({ method: 'GET', path: planned.path, headers: { accept: planned.accept, 'accept-encoding': 'br' } })
          .then(async (response) => {
            await response.body.arrayBuffer();
            answered.push({ sentAt, ms: performance.now() - t0 - sentAt, ok: response.statusCode === 200 });
            if (response.statusCode !== 200) log(`${label}: HTTP ${response.statusCode} for ${planned.path}`);
          }, () => { answered.push({ sentAt, ms: performance.now() - t0 - sentAt, ok: false }); })
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      if (now - t0 >= RUN_MS) done();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(inFlight);
  clearInterval(sampler);
  sample();
  for (const move of moves) clearTimeout(move);
  await pool.close();
  instance.child.kill('SIGTERM');
  await instance.exited;
  const at = (ms: number) => cpu.find((c) => c.at >= ms) ?? cpu[cpu.length - 1]!;
  const used = (from: number, to: number, which: 'app' | 'db') => (at(to)[which] - at(from)[which]) * 1000;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const inWindows = (offset: number) => answered.filter((a) => MOVES_MS.some((m) => a.sentAt >= m + offset && a.sentAt < m + offset + WINDOW_MS));
  return {
    appMsBefore: sum(MOVES_MS.map((m) => used(m - WINDOW_MS, m, 'app'))) / MOVES_MS.length,
    appMsAfter: sum(MOVES_MS.map((m) => used(m, m + WINDOW_MS, 'app'))) / MOVES_MS.length,
    dbMsBefore: sum(MOVES_MS.map((m) => used(m - WINDOW_MS, m, 'db'))) / MOVES_MS.length,
    dbMsAfter: sum(MOVES_MS.map((m) => used(m, m + WINDOW_MS, 'db'))) / MOVES_MS.length,
    calm: inWindows(-WINDOW_MS).map((a) => a.ms).sort((a, b) => a - b),
    moved: inWindows(0).map((a) => a.ms).sort((a, b) => a - b),
    failed: answered.filter((a) => !a.ok).length,
  };
}

const apps: { label: string; dir: string | undefined }[] = [...(values.before ? [{ label: 'before', dir: resolve(values.before) }] : []), { label: 'after', dir: undefined }];
const turns = new Map<string, Turn[]>(apps.map((app) => [app.label, []]));
for (const round of [1, 2]) for (const app of apps) turns.get(app.label)!.push(await turn(`${app.label}, round ${round}`, app.dir));
const loadAfter = loadavg();

const ms = (value: number) => value.toFixed(0);
const latency = (sorted: number[]) => (sorted.length ? `${ms(percentile(sorted, 0.5))} / ${ms(percentile(sorted, 0.95))} / ${ms(sorted[sorted.length - 1]!)}` : '–');
const rows = apps.flatMap((app) => turns.get(app.label)!.map((t, i) => [
  `${app.label === 'after' ? 'this checkout' : 'before'}, round ${i + 1}`,
  `${ms(t.appMsBefore)} → ${ms(t.appMsAfter)}`, `${ms(t.dbMsBefore)} → ${ms(t.dbMsAfter)}`, latency(t.calm), latency(t.moved), String(t.failed),
]));
const machine = describeMachine();
const run = `### ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commitOf(process.cwd())}${values.before ? ` (before: ${commitOf(resolve(values.before))})` : ''}

${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, Node ${machine.node}; load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} at start, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} at end.
Command: \`npm run bench:data-change -- --rate ${rate} --services ${services}${values.before ? ' --before <checkout>' : ''}\`.

${table(['App', 'App CPU ms, 3 s before → after a move', 'PostgreSQL CPU ms, before → after', 'Sent in the 3 s before: p50 / p95 / max ms', 'Sent in the 3 s after: p50 / p95 / max ms', 'Not 200'], rows, [1, 2, 3, 4, 5])}
`;
console.log(`\n${run}`);
const HEADER = `## After a change to the directory (\`npm run bench:data-change\`)

Any write moves directory_version, and each instance then finds what it keeps per directory version (the open data's
answers; until 2026-12-02 the finder's too) out of date, and asks whether the atlas's inputs changed. One instance on a
throw-away PostgreSQL cluster with generated demo services, bench:soak's public mix sent open-loop for 60 s, directory_version moved on at 20, 30, 40 and 50 s. CPU from /proc (app process; PostgreSQL
server), averaged over the four moves; latency from when each request was due. "Not 200" counts other answers, each logged
with its address (with few services, a finder page past the last one answers 303).`;
if (!values['print-only']) {
  addRun(join(import.meta.dirname, '..', 'BENCHMARKS.md'), HEADER, run, 'data-change');
  log('written to BENCHMARKS.md');
}
process.exit(0);
