import type { FastifyInstance } from 'fastify';
import { load, type CheerioAPI } from 'cheerio';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/index.ts';
import { createApp } from '../../src/app.ts';

/** The real app on a test database, quiet, without rate limits unless asked. */
export function testApp(db: Db, env: Record<string, string> = {}): Promise<FastifyInstance> {
  return createApp(db, loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', ...env }));
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
