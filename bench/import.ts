// npm run bench:import [-- --services N] [--ndjson FILE] [--skip-pglite] [--print-only]: imports N services (default 100,000) from HSDS ndjson
// into PGlite and PostgreSQL and times it beside PostgreSQL's own COPY of the same rows (the
// ceiling). Writes its own section of BENCHMARKS.md, leaving other sections alone. A benchmark,
// not a test: no pass/fail.
import { chmodSync, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type OpenedDatabase, type Db } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemoData } from '../src/directory/index.ts';
import { importFromCommandLine } from '../src/directory/intake/imports/index.ts';
import { serviceDocuments } from '../src/opendata/hsds/documents.ts';
import { serviceIdBatches } from '../src/opendata/hsds/queries.ts';
import { TABLES } from '../src/directory/hsds/dataset.ts';
import { startCluster } from '../scripts/pg-cluster.ts';
import { addRun } from './lib/report.ts';

const FILE = new URL('../BENCHMARKS.md', import.meta.url);
const flag = process.argv.indexOf('--services');
const SERVICES = flag > 0 ? Number(process.argv[flag + 1]) : 100_000;
const log = (text: string) => console.log(`[bench:import] ${text}`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (ms: number) => Math.round(SERVICES / (ms / 1000)).toLocaleString('en-US');

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/**
 * The HSDS ndjson the import reads: full services of a generated demo directory, in the documents
 * /hsds/services?full=true&format=ndjson serves, but all of them (the public API leaves out
 * entries unconfirmed for 18 months, about a tenth of the demo data). Generated on PostgreSQL when there is one
 * (loading 100,000 demo services into PGlite first takes far longer than the benchmark itself).
 */
async function writeNdjson(path: string, source: OpenedDatabase): Promise<void> {
  await prepareDatabase(source.db, { demoData: false });
  await loadDemoData(source.db, { services: SERVICES });
  const out = createWriteStream(path);
  for await (const ids of serviceIdBatches(source.db, {})) {
    for (const document of await serviceDocuments(source.db, ids, 'full')) {
      if (!out.write(`${JSON.stringify(document)}\n`)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  await source.close();
}

/** A new, empty database on the cluster. */
async function createDatabase(url: string, name: string): Promise<OpenedDatabase> {
  const admin = await openPostgres(url, 1);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return openPostgres(target.toString(), 4);
}

async function importTwice(db: Db, file: string) {
  const first = await timed(() => importFromCommandLine(db, file, { dryRun: false }));
  if (!first.value.ok) throw new Error(`import failed: ${JSON.stringify(first.value.problems.slice(0, 5))}`);
  const again = await timed(() => importFromCommandLine(db, file, { dryRun: false }));
  const unchanged = Object.values(again.value.counts).every((c) => c.added === 0 && c.changed === 0);
  const audited = (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db)).rows[0]!.n;
  return { first: first.ms, again: again.ms, unchanged, audited, rows: Object.values(first.value.counts).reduce((n, c) => n + c.added, 0) };
}

/** PostgreSQL's COPY of exactly the rows the import wrote (its finder index included), into emptied tables. */
async function copyCeiling(db: Db): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'samklang-copy-'));
  chmodSync(dir, 0o777); // the server process writes and reads these files
  const tables = [...TABLES, 'service_search'];
  for (const table of tables) await sql`copy ${sql.table(table)} to ${sql.lit(join(dir, `${table}.csv`))} with (format csv)`.execute(db);
  await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} cascade`.execute(db);
  const { ms } = await timed(async () => {
    for (const table of tables) await sql`copy ${sql.table(table)} from ${sql.lit(join(dir, `${table}.csv`))} with (format csv)`.execute(db);
  });
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main() {
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const dir = mkdtempSync(join(tmpdir(), 'samklang-bench-'));
  const cluster = await startCluster();
  // --ndjson FILE reuses a file an earlier run wrote (generating it is the slowest step), or writes it there to keep
  const given = process.argv.indexOf('--ndjson');
  const file = given > 0 ? process.argv[given + 1]! : join(dir, 'services.ndjson');
  if (!existsSync(file)) {
    log(`writing ${SERVICES} services as HSDS ndjson…`);
    await writeNdjson(file, 'url' in cluster ? await createDatabase(cluster.url, 'bench_source') : await openPGlite());
  }
  const megabytes = statSync(file).size / 1e6;
  const rows: string[] = [];
  let embedded = { unchanged: true };
  if (!process.argv.includes('--skip-pglite')) {
    log(`${megabytes.toFixed(0)} MB; importing into PGlite…`);
    const pglite = await openPGlite();
    await prepareDatabase(pglite.db, { demoData: false });
    const measured = await importTwice(pglite.db, file);
    await pglite.close();
    embedded = measured;
    rows.push(`| PGlite (embedded) | ${seconds(measured.first)} | ${rate(measured.first)} | ${seconds(measured.again)} | – |`);
  } else rows.push('| PGlite (embedded) | not run (--skip-pglite) | | | |');
  log('importing into PostgreSQL…');
  let note = '';
  if ('url' in cluster) {
    const postgres = await createDatabase(cluster.url, 'bench_target');
    await prepareDatabase(postgres.db, { demoData: false });
    const server = await importTwice(postgres.db, file);
    const copy = await copyCeiling(postgres.db);
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(postgres.db)).rows[0]!.v;
    await postgres.close();
    cluster.stop();
    rows.push(`| PostgreSQL ${version} (local, fsync off) | ${seconds(server.first)} | ${rate(server.first)} | ${seconds(server.again)} | ${seconds(copy)} s (${rate(copy)} services/s) |`);
    note = `Rows written per import: ${server.rows.toLocaleString('en-US')} (${TABLES.length} tables) plus the finder index, and ${server.audited.toLocaleString('en-US')} audit entries (not in the COPY). Re-import changed nothing: ${server.unchanged && embedded.unchanged ? 'yes' : 'NO'}.`;
  } else rows.push(`| PostgreSQL | not measured: ${cluster.reason} | | | |`);
  rmSync(dir, { recursive: true, force: true });

  const header = [
    '## HSDS import (`npm run bench:import`)',
    '',
    'Generated demo services as HSDS 3.0 ndjson (full documents), imported by `npm run import`\'s code: read, validate every',
    'row, compare with the directory, write in one transaction with the audit entries (since 2026-11-30 one per new service',
    'or organisation, standing for the rows created with it, and one per changed field; before, one per new row) and the',
    'run record, rebuild the finder index. The COPY column is the ceiling: PostgreSQL loading exactly the rows the import',
    'wrote (finder index included) from server-side CSV files into empty tables, with no parsing, validation, comparison or',
    'index build of ours. Target: the import at least half as fast as COPY. Newest run first.',
  ].join('\n');
  const section = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${load} at start. One run each.`,
    `Input: ${SERVICES.toLocaleString('en-US')} services (${megabytes.toFixed(0)} MB). Command: \`npm run bench:import${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    '',
    '| Database | Import (s) | Services/s | Re-import, no changes (s) | COPY of the same rows |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
    note,
  ].join('\n');
  if (!process.argv.includes('--print-only')) addRun(FILE.pathname, header, section, 'import');
  log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
