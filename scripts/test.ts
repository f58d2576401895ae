/**
 * The test harness behind `npm test`. Prepares what the suites run against, then runs every
 * test file once with Node's test runner:
 * - PGlite: a migrated database with reference data, dumped once; each test file loads a copy.
 * - PostgreSQL: TEST_DATABASE_URL if given, else a throw-away cluster (Debian's initdb/pg_ctl)
 *   on a free loopback port; a template database each test file copies.
 * - Chromium at /usr/bin/chromium for *.browser.test.ts.
 * With CI=true a missing PostgreSQL or Chromium fails the run; elsewhere those suites skip and say why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { openPGlite, openPostgres } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { startCluster } from './pg-cluster.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CI = process.env.CI === 'true';
const CHROMIUM = '/usr/bin/chromium';
const cleanups: (() => void)[] = [];
const note = (text: string) => console.log(`[test harness] ${text}`);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx') ? [relative(ROOT, path)] : [];
  }).sort();
}

async function preparePostgresTemplate(adminUrl: string): Promise<string> {
  const name = `samklang_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 2);
  await prepareDatabase(database.db, { demoData: false });
  await database.close();
  return name;
}

async function preparePGliteTemplate(): Promise<string> {
  const dir = join(ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  // one file per run: several runs may share a checkout
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  cleanups.push(() => rmSync(file, { force: true }));
  const database = await openPGlite();
  await prepareDatabase(database.db, { demoData: false });
  writeFileSync(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
  await database.close();
  return file;
}

/** On a server we did not start, remove the databases this run made. */
async function dropTestDatabases(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'samklang_test_${process.pid}_%' or datname = 'samklang_template_${process.pid}'`);
  for (const row of rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
  await admin.end();
}

async function main() {
  const env: Record<string, string> = { ...process.env as Record<string, string>, NODE_ENV: 'test', TEST_RUN_ID: String(process.pid) };
  let started = Date.now();
  env.TEST_PGLITE_TEMPLATE = await preparePGliteTemplate();
  note(`PGlite template ready (${Date.now() - started} ms)`);

  started = Date.now();
  let postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl) {
    const cluster = await startCluster();
    if ('url' in cluster) {
      postgresUrl = cluster.url;
      cleanups.push(cluster.stop);
    } else if (CI) throw new Error(`PostgreSQL is required in CI: ${cluster.reason}`);
    else note(`PostgreSQL suites SKIPPED: ${cluster.reason}`);
  }
  if (postgresUrl) {
    env.TEST_DATABASE_URL = postgresUrl;
    env.TEST_PG_TEMPLATE = await preparePostgresTemplate(postgresUrl);
    note(`PostgreSQL template ready (${Date.now() - started} ms)`);
  }
  if (!existsSync(CHROMIUM)) {
    if (CI) throw new Error(`Chromium is required in CI at ${CHROMIUM} (apt-get install chromium)`);
    note(`browser suites SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  } else env.TEST_CHROMIUM = CHROMIUM;

  const requested = process.argv.slice(2);
  const files = requested.length > 0 ? requested : testFiles(join(ROOT, 'test'));
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: ROOT, env, stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (postgresUrl && process.env.TEST_DATABASE_URL) await dropTestDatabases(postgresUrl);
  process.exitCode = code;
}

function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) fn();
}
process.on('exit', cleanup);
process.on('SIGINT', () => { cleanup(); process.exit(130); });
main().catch((error: unknown) => {
  console.error(`[test harness] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
