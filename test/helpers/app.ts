import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { load, type CheerioAPI } from 'cheerio';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db, OpenedDatabase } from '../../src/platform/db/index.ts';
import { createApp } from '../../src/app.ts';
import { freshDatabase, type Backend } from './db.ts';

/** The real app on a test database, quiet, without rate limits unless asked. */
export function testApp(db: Db, env: Record<string, string> = {}): Promise<FastifyInstance> {
  return createApp(db, loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', ...env }));
}

/** What an app suite runs against; the fields are set in the suite's first before() hook. */
export interface AppSuite {
  database: OpenedDatabase;
  /** database.db */
  db: Db;
  app: FastifyInstance;
}

/**
 * The setup most database test files share, registered as before/after hooks of the describe() it
 * is called in: a fresh database on `backend` (freshDatabase), `seed` run on it, then the app on it
 * (testApp with `env`); after the suite, the app and the database are closed. Read the returned
 * fields in later hooks and tests, e.g. `before(() => ({ database, app } = suite))`, as with
 * browserSuite (test/helpers/browser.ts). Setup that needs the app goes in a before() after that.
 */
export function appSuite(backend: Backend['name'], options: { env?: Record<string, string>; seed?: (db: Db) => Promise<unknown> } = {}): AppSuite {
  const suite = {} as AppSuite;
  before(async () => {
    suite.database = await freshDatabase(backend);
    suite.db = suite.database.db;
    await options.seed?.(suite.db);
    suite.app = await testApp(suite.db, options.env);
  });
  after(async () => {
    await suite.app?.close();
    await suite.database?.close();
  });
  return suite;
}

/** GET a page through the app (no network) and parse its HTML. */
export async function getPage(app: FastifyInstance, url: string): Promise<{ status: number; $: CheerioAPI; body: string }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, $: load(response.body), body: response.body };
}

/** Starts the app on a free loopback port (for a real browser) and returns its base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('the app has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
