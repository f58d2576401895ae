/**
 * npm run bench:kinds [-- --seconds 10 --services 10000 --only KIND,KIND --before DIR --profile DIR --node-env X --print-only]
 * Where the soak's CPU goes (issue #18 item 5): one app instance on a throw-away PostgreSQL cluster
 * with N generated demo services, no proxy, no rate limit; each request kind of bench:soak's mix
 * (the same makers) in turn, closed-loop from 4 connections for a few seconds. Prints, per kind,
 * requests/s and the CPU milliseconds each request cost the app process and the PostgreSQL server
 * (from /proc, so backends that exit are missed: the pool keeps its few open). With --profile DIR
 * the instance runs with --cpu-prof and writes its V8 profile there when stopped; --node-env sets
 * the instance's NODE_ENV (unset, src/main.ts runs as production). --only measures the named kinds
 * alone (names as in the table, comma-separated), so a profile holds one kind; the mix's figure then
 * covers those kinds only.
 * With --before DIR, the same is measured first with the app in DIR (an older checkout, e.g.
 * `git worktree add --detach /tmp/before <commit>` with node_modules linked), on the same database,
 * so before and after come from one run. The mix's CPU per request is each kind's app + database
 * CPU weighted by its share. Writes the run into BENCHMARKS.md unless --print-only. Run it alone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { freePort, startCluster } from '../scripts/pg-cluster.ts';
import { startInstance, waitUntilListening } from '../scripts/ops-stack.ts';
import { treeCpuSeconds } from './lib/cpu.ts';
import { percentile } from './lib/load.ts';
import { demoDatabase } from './lib/demo-database.ts';
import { commitOf, describeMachine } from './lib/machine.ts';
import { addRun, table } from './lib/report.ts';
import { MIX } from './soak.ts';
import { loadavg } from 'node:os';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, services: { type: 'string', default: '10000' }, profile: { type: 'string' }, 'node-env': { type: 'string' }, only: { type: 'string' }, before: { type: 'string' }, 'print-only': { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const services = Number(values.services);
const only = values.only?.split(',').map((name) => name.trim());
const kinds = only ? MIX.filter((entry) => only.includes(entry.kind)) : MIX;
if (!(seconds > 0 && services > 0) || (only && kinds.length !== only.length)) {
  console.error('Usage: npm run bench:kinds -- [--seconds 10] [--services 10000] [--only KIND,KIND] [--before DIR] [--profile DIR] [--node-env development] [--print-only]');
  console.error(`Kinds: ${MIX.map((entry) => entry.kind).join(', ')}`);
  process.exit(64);
}
const cleanups: (() => void)[] = [];
const cleanup = () => { for (const fn of cleanups.splice(0).reverse()) try { fn(); } catch { /* keep going */ } };
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { cleanup(); process.exit(130); });

const cluster = await startCluster();
if (!('url' in cluster)) throw new Error(`no PostgreSQL: ${cluster.reason}`);
cleanups.push(cluster.stop);
const { url, corpus, postmaster } = await demoDatabase(cluster.url, 'samklang_kinds', services);

const dir = mkdtempSync(join(tmpdir(), 'samklang-kinds-'));
cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
const WARM_UP_MS = 2000;

interface Row { kind: string; share: number; perSecond: number; appMs: number; dbMs: number; p50: number; p95: number; failed: number }

/** Each kind of the mix in turn against one instance of the app in `appDir`. */
async function measure(label: string, appDir: string | undefined): Promise<Row[]> {
  const port = await freePort();
  const instance = startInstance({
    port, keepLines: 200, cwd: appDir,
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [],
    env: {
      ...(values['node-env'] ? { NODE_ENV: values['node-env'] } : {}),
      DATABASE_URL: url, DEMO_DATA: 'off', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: join(dir, `data-${label}`),
      TMPDIR: mkdirSync(join(dir, `tmp-${label}`), { recursive: true }) ?? join(dir, `tmp-${label}`),
    },
  });
  cleanups.push(() => { if (instance.child.exitCode === null) instance.child.kill('SIGKILL'); });
  await waitUntilListening([instance]);
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 4 });
  let seed = 18;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const draw = { pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p, below: (n: number) => Math.floor(next() * n) };
  // untimed first: the instance compiles its code paths and fills what it keeps per data version
  for (const entry of kinds) {
    const until = performance.now() + WARM_UP_MS;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        const planned = entry.make(draw, corpus);
        await (await pool.request({ method: 'GET', path: planned.path, headers: { accept: planned.accept, 'accept-encoding': 'br' } })).body.arrayBuffer();
      }
    }));
  }
  const rows: Row[] = [];
  for (const entry of kinds) {
    const [app0, db0] = [treeCpuSeconds([instance.child.pid!]), treeCpuSeconds([postmaster])];
    const end = performance.now() + seconds * 1000;
    const latencies: number[] = [];
    let failed = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (performance.now() < end) {
        const planned = entry.make(draw, corpus);
        const started = performance.now();
        const response = await pool.request({ method: 'GET', path: planned.path, headers: { accept: planned.accept, 'accept-encoding': 'br' } });
        await response.body.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.statusCode !== 200) failed++;
      }
    }));
    const n = latencies.length;
    latencies.sort((a, b) => a - b);
    rows.push({
      kind: entry.kind, share: entry.share, perSecond: n / seconds, failed,
      appMs: (treeCpuSeconds([instance.child.pid!]) - app0) * 1000 / n, dbMs: (treeCpuSeconds([postmaster]) - db0) * 1000 / n,
      p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95),
    });
    console.log(`[bench:kinds] ${label}: ${entry.kind} done`);
  }
  await pool.close();
  instance.child.kill('SIGTERM');
  await instance.exited;
  return rows;
}

const startedAt = new Date();
const loadBefore = loadavg();
const before = values.before ? await measure('before', resolve(values.before)) : undefined;
const after = await measure('after', undefined);
const loadAfter = loadavg();

const mixMs = (rows: Row[]) => rows.reduce((sum, r) => sum + r.share * (r.appMs + r.dbMs), 0) / rows.reduce((sum, r) => sum + r.share, 0);
const ms = (value: number) => value.toFixed(1);
const cells = (r: Row) => [r.perSecond.toFixed(0), ms(r.appMs), ms(r.dbMs), r.p50.toFixed(0), r.p95.toFixed(0)];
const head = ['Request', 'Share', ...(before ? ['before: per s', 'app ms', 'db ms', 'p50', 'p95'] : []), 'per s', 'app CPU ms each', 'PostgreSQL CPU ms each', 'p50 ms', 'p95 ms'];
const body = after.map((r, i) => [r.kind, `${r.share} %`, ...(before ? cells(before[i]!) : []), ...cells(r)]);
body.push([only ? '**these kinds, weighted by their shares: app + database CPU ms per request**' : '**mix: app + database CPU ms per request**', only ? '' : '100 %', ...(before ? ['', `**${ms(mixMs(before))}**`, '', '', ''] : []), '', `**${ms(mixMs(after))}**`, '', '', '']);
const machine = describeMachine();
const failures = [...(before ?? []), ...after].reduce((sum, r) => sum + r.failed, 0);
const run = `### ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commitOf(process.cwd())}${before ? ` (before: ${commitOf(resolve(values.before!))})` : ''}

${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, Node ${machine.node}; load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} at start, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} at end.
Command: \`npm run bench:kinds -- --seconds ${seconds} --services ${services}${only ? ` --only '${only.join(',')}'` : ''}${values.before ? ' --before <checkout>' : ''}${values['node-env'] ? ` --node-env ${values['node-env']}` : ''}\`. Answers other than 200: ${failures}.
The mix's CPU per request is app + database CPU of each kind weighted by its share${before ? '; the two columns "db ms" and "PostgreSQL CPU ms" are the same server, measured one after the other' : ''}.

${table(head, body, head.map((_, i) => i).filter((i) => i > 0))}
`;
console.log(`\n${run}`);
const HEADER = `## CPU per request kind (\`npm run bench:kinds\`)

Where the soak's CPU goes: one app instance (no proxy, no rate limit) on a throw-away PostgreSQL cluster with generated demo
services; each request kind of bench:soak's mix in turn, closed-loop from 4 connections, after 2 s of each untimed. CPU from /proc for the app process and
the PostgreSQL server (backends that exit are missed; the pool keeps its few open). Latencies here are with 4 requests at a
time and no TLS; the soak's are the figures of record.`;
if (!values['print-only']) {
  addRun(join(import.meta.dirname, '..', 'BENCHMARKS.md'), HEADER, run, 'kinds');
  console.log('[bench:kinds] written to BENCHMARKS.md');
}
process.exit(0);
