/**
 * npm run bench:kinds [-- --seconds 10 --services 10000 --profile DIR]
 * Where the soak's CPU goes (issue #18 item 5): one app instance on a throw-away PostgreSQL cluster
 * with N generated demo services, no proxy, no rate limit; each request kind of bench:soak's mix
 * (the same makers) in turn, closed-loop from 4 connections for a few seconds. Prints, per kind,
 * requests/s and the CPU milliseconds each request cost the app process and the PostgreSQL server
 * (from /proc, so backends that exit are missed: the pool keeps its few open). With --profile DIR
 * the instance runs with --cpu-prof and writes its V8 profile there when stopped; --node-env sets
 * the instance's NODE_ENV (unset, src/main.ts runs as production).
 * Prints only (the soak's report in BENCHMARKS.md is the figure of record); run it alone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { Pool } from 'undici';
import { openPostgres } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { freshnessCutoffs } from '../src/directory/freshness.ts';
import { freePort, startCluster } from '../scripts/pg-cluster.ts';
import { replaceDemoData } from '../scripts/demo.ts';
import { createDatabase, startInstance, waitUntilListening } from '../scripts/ops-stack.ts';
import { parentOf, treeCpuSeconds } from './lib/cpu.ts';
import { percentile } from './lib/load.ts';
import { MIX } from './soak.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, services: { type: 'string', default: '10000' }, profile: { type: 'string' }, 'node-env': { type: 'string' } } });
const seconds = Number(values.seconds);
const services = Number(values.services);
if (!(seconds > 0 && services > 0)) {
  console.error('Usage: npm run bench:kinds -- [--seconds 10] [--services 10000] [--profile DIR] [--node-env development]');
  process.exit(64);
}
const cleanups: (() => void)[] = [];
const cleanup = () => { for (const fn of cleanups.splice(0).reverse()) try { fn(); } catch { /* keep going */ } };
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { cleanup(); process.exit(130); });

const cluster = await startCluster();
if (!('url' in cluster)) throw new Error(`no PostgreSQL: ${cluster.reason}`);
cleanups.push(cluster.stop);
const { url } = await createDatabase(cluster.url, 'samklang_kinds');
const database = await openPostgres(url, 4);
await prepareDatabase(database.db, { demoData: false });
await replaceDemoData(database.db, { services });
await prepareDatabase(database.db, { demoData: true });
await sql`vacuum analyze`.execute(database.db);
const { hidden } = freshnessCutoffs();
const offers = (await sql<{ id: string }>`select service_id as id from service_search
  where confirmed_on is null or confirmed_on >= ${hidden}::date + 7 order by service_id`.execute(database.db)).rows.map((r) => r.id);
const municipalities = (await sql<{ number: string; name: string }>`select number, name from municipality order by number`.execute(database.db)).rows;
const counted = new Map<string, number>();
for (const m of municipalities) counted.set(m.name, (counted.get(m.name) ?? 0) + 1);
const corpus = { offers, municipalities, uniqueNames: municipalities.map((m) => m.name).filter((name) => counted.get(name) === 1) };
const postmaster = parentOf((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid)!;
await database.close();

const dir = mkdtempSync(join(tmpdir(), 'samklang-kinds-'));
cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
const port = await freePort();
const instance = startInstance({
  port, keepLines: 200,
  nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [],
  env: { ...(values['node-env'] ? { NODE_ENV: values['node-env'] } : {}), DATABASE_URL: url, DEMO_DATA: 'off', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: join(dir, 'data'), TMPDIR: mkdirSync(join(dir, 'tmp'), { recursive: true }) ?? join(dir, 'tmp') },
});
cleanups.push(() => { if (instance.child.exitCode === null) instance.child.kill('SIGKILL'); });
await waitUntilListening([instance]);
const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 4 });
let seed = 18;
const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const draw = { pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p, below: (n: number) => Math.floor(next() * n) };

console.log(`${services} services, ${seconds} s per kind, 4 connections, NODE_ENV ${values['node-env'] ?? '(unset)'}\n`);
console.log('| Request | per s | app CPU ms each | PostgreSQL CPU ms each | p50 ms | p95 ms | not 200 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const entry of MIX) {
  const [app0, pg0] = [treeCpuSeconds([instance.child.pid!]), treeCpuSeconds([postmaster])];
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
  const app = (treeCpuSeconds([instance.child.pid!]) - app0) * 1000 / n;
  const pg = (treeCpuSeconds([postmaster]) - pg0) * 1000 / n;
  latencies.sort((a, b) => a - b);
  console.log(`| ${entry.kind} | ${(n / seconds).toFixed(0)} | ${app.toFixed(1)} | ${pg.toFixed(1)} | ${percentile(latencies, 0.5).toFixed(0)} | ${percentile(latencies, 0.95).toFixed(0)} | ${failed} |`);
}
await pool.close();
instance.child.kill('SIGTERM');
await instance.exited;
process.exit(0);
