/**
 * Replaces the demo data with a generated set of N fictional services:
 *   npm run demo -- --services 100000 [--seed N] [--database-url URL]
 * Uses the app's configuration (DATA_DIR, DATABASE_URL); --database-url overrides it.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Db } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemoData, removeDemoData } from '../src/directory/index.ts';

export const USAGE = 'Usage: npm run demo -- --services N [--seed N] [--database-url postgres://…]';
const MAX_SERVICES = 1_000_000;

export interface DemoArgs {
  services: number;
  seed: number | undefined;
  databaseUrl: string | undefined;
}

export class UsageError extends Error {}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^[0-9]+$/.test(value)) throw new UsageError(`${flag} needs a whole number (got ${value === undefined ? 'nothing' : `"${value}"`})`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max} (got ${n})`);
  return n;
}

/** Reads the command line; throws UsageError naming the first bad flag. */
export function parseDemoArgs(argv: string[]): DemoArgs {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!['--services', '--seed', '--database-url'].includes(flag)) throw new UsageError(`unknown argument "${argv[i]}"`);
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    const value = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
    values.set(flag, value);
  }
  if (!values.has('--services')) throw new UsageError('--services is required');
  const url = values.get('--database-url');
  if (values.has('--database-url') && !/^postgres(ql)?:\/\/.+/.test(url ?? '')) throw new UsageError('--database-url must be a postgres:// or postgresql:// URL');
  return {
    services: wholeNumber('--services', values.get('--services'), 1, MAX_SERVICES),
    seed: values.has('--seed') ? wholeNumber('--seed', values.get('--seed'), 0, 2 ** 32 - 1) : undefined,
    databaseUrl: url,
  };
}

export interface DemoCounts { organizations: number; services: number; searchable: number; locations: number }

export async function countDirectory(db: Db): Promise<DemoCounts> {
  const { rows } = await sql<DemoCounts>`select
    (select count(*) from organization) as organizations, (select count(*) from service) as services,
    (select count(*) from service_search) as searchable, (select count(*) from location) as locations`.execute(db);
  return rows[0]!;
}

/** Removes the old demo set and loads a new one; returns how long each step took (ms). */
export async function replaceDemoData(db: Db, options: { services: number; seed?: number }): Promise<{ removeMs: number; loadMs: number }> {
  let started = performance.now();
  await removeDemoData(db);
  const removeMs = performance.now() - started;
  started = performance.now();
  await loadDemoData(db, options);
  return { removeMs, loadMs: performance.now() - started };
}

async function main() {
  let args: DemoArgs;
  try {
    args = parseDemoArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    process.exit(64); // EX_USAGE
  }
  let config;
  try {
    config = loadConfig({ ...process.env, ...(args.databaseUrl ? { DATABASE_URL: args.databaseUrl } : {}) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.db, { demoData: false });
    const seed = args.seed === undefined ? {} : { seed: args.seed };
    const timing = await replaceDemoData(database.db, { services: args.services, ...seed });
    const counts = await countDirectory(database.db);
    console.log(`Demo data on ${database.kind}: removed the old set in ${(timing.removeMs / 1000).toFixed(1)} s, `
      + `loaded ${args.services} services in ${(timing.loadMs / 1000).toFixed(1)} s.`);
    console.log(`Now: ${counts.organizations} organisations, ${counts.services} services `
      + `(${counts.searchable} in the finder), ${counts.locations} locations.`);
  } finally {
    await database.close();
  }
}

// Run only as a script, so tests can import the parser.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
