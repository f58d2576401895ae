/**
 * The test harness behind `npm test`. Prepares what the suites run against, then runs every
 * test file once with Node's test runner:
 * - PGlite: a migrated database with reference data, dumped once; each test file loads a copy.
 * - PostgreSQL: TEST_DATABASE_URL if given, else a throw-away cluster (Debian's initdb/pg_ctl)
 *   on a free loopback port; a template database each test file copies.
 * - Chromium at /usr/bin/chromium for *.browser.test.ts: one browser server for the whole run, which
 *   each suite connects to (test/helpers/browser.ts).
 * Test files share processes (groupFiles): the app is loaded once per process, not once per file.
 * With CI=true a missing PostgreSQL or Chromium fails the run; elsewhere those suites skip and say why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';
import { chromium, type BrowserServer } from 'playwright-core';
import { openPGlite, openPostgres } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { startCluster } from './pg-cluster.ts';
import { CHROMIUM_ARGS } from '../test/helpers/chromium.ts';

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

/**
 * Test files run together in one process, through an entry file that imports them: each file's
 * suites still open their own databases, apps and browser connections, but the app and its
 * ~2,300 modules are loaded once (about 3 s of CPU per process under tsx).
 */
function oneProcess(files: string[], name: string): string {
  const dir = join(ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name}-${process.pid}.test.ts`);
  cleanups.push(() => rmSync(entry, { force: true }));
  writeFileSync(entry, `// made by scripts/test.ts for one run: these test files in one process\n${files.map((file) => `import '${relative(dir, resolve(ROOT, file))}';\n`).join('')}`);
  return relative(ROOT, entry);
}

/** At most this many test files share a process, so no one process becomes the run's long pole. */
const FILES_PER_PROCESS = 8;

/**
 * Which test files share a process: the browser test files all together (listed first, as the
 * longest entry); the others by folder, up to FILES_PER_PROCESS each, larger groups first.
 * TEST_GROUP=files runs every file in a process of its own, as Node's runner does by itself.
 */
function groupFiles(files: string[]): string[] {
  if (process.env.TEST_GROUP === 'files') return files;
  const browser = files.filter((file) => /\.browser\.test\.tsx?$/.test(file));
  const folders = new Map<string, string[]>();
  for (const file of files.filter((f) => !browser.includes(f))) folders.set(dirname(file), [...folders.get(dirname(file)) ?? [], file]);
  const groups = [browser, ...[...folders.values()].flatMap((group) => {
    const chunks = Math.ceil(group.length / FILES_PER_PROCESS);
    const size = Math.ceil(group.length / chunks);
    return Array.from({ length: chunks }, (_, i) => group.slice(i * size, (i + 1) * size));
  }).sort((a, b) => b.length - a.length)].filter((group) => group.length > 0);
  const entries = groups.map((group, i) => (group.length > 1 ? oneProcess(group, group === browser ? 'browser-suites' : `suites-${i}`) : group[0]!));
  note(`${files.length} test files in ${entries.length} processes (TEST_GROUP=files: one each)`);
  return entries;
}

async function main() {
  // production, as the site runs: React renders with the build it serves pages with (its development
  // build, whose warnings no test reads, cost the bad-input sweep about a tenth more time)
  const env: Record<string, string> = { ...process.env as Record<string, string>, NODE_ENV: 'production', TEST_RUN_ID: String(process.pid) };
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
  let browserServer: BrowserServer | undefined;
  let files = requested.length > 0 ? requested : testFiles(join(ROOT, 'test'));
  if (env.TEST_CHROMIUM && files.some((file) => file.includes('.browser.test.'))) {
    started = Date.now();
    browserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const { pid } = browserServer.process();
    // normally closed below; this is for an interrupted run (a process already gone is fine)
    cleanups.push(() => { try { if (pid) process.kill(pid); } catch { /* already exited */ } });
    env.TEST_BROWSER_WS = browserServer.wsEndpoint();
    note(`Chromium server ready (${Date.now() - started} ms)`);
  }
  files = groupFiles(files);
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: ROOT, env, stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  await browserServer?.close();
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
