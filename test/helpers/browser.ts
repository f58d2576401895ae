import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Db, OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from './db.ts';
import { listenOnLoopback, testApp } from './app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

/** The harness's (scripts/test.ts) one Chromium for the whole run, when it started one. */
const BROWSER_SERVER = process.env.TEST_BROWSER_WS;

/** Why browser tests are skipped here, or false when Chromium is available. */
export const browserSkip: string | false = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

/**
 * Chromium, as a Norwegian reader's: every new context (and page) asks for bokmål first
 * (Accept-Language nb-NO), as the flows' Norwegian labels expect, unless a test gives its own
 * locale; the language tests choose nynorsk and English themselves.
 * Under `npm test` this is a connection to the run's one browser server (starting Chromium costs
 * about a second of CPU per test file); close() then closes this connection and its contexts.
 * Run by hand (`node --test file`), it starts a Chromium of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = BROWSER_SERVER ? await chromium.connect(BROWSER_SERVER) : await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'nb-NO', ...options });
  browser.newPage = (options = {}) => newPage({ locale: 'nb-NO', ...options });
  return browser;
}

/** What a browser suite runs against; the fields are set in the suite's first before() hook. */
export interface BrowserSuite {
  database: OpenedDatabase;
  app: FastifyInstance;
  /** the app's address, http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
}

/**
 * The setup every browser suite shares, registered as before/after hooks of the describe() it is
 * called in: a fresh PGlite database, `seed` run on it, the app on a loopback port (quiet, without
 * rate limits, with `env`), and Chromium (launchBrowser); after the suite, all three are closed.
 * Read the returned fields in later hooks and tests, e.g. `before(() => ({ base, browser } = suite))`.
 */
export function browserSuite(options: { env?: Record<string, string>; seed?: (db: Db) => Promise<unknown> } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  before(async () => {
    suite.database = await freshDatabase('pglite');
    await options.seed?.(suite.database.db);
    suite.app = await testApp(suite.database.db, options.env);
    suite.base = await listenOnLoopback(suite.app);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.database?.close();
  });
  return suite;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page (the context must bypass CSP to inject it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/**
 * The page as loaded never scrolls sideways at the viewport's width (WCAG 1.4.10), and at 320 px
 * axe finds no WCAG 2.1 A/AA violation on it (the context must bypass CSP). `label` names it in failures.
 */
export async function assertReflowsAndPassesAxe(page: Page, label: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${label} at ${width} px scrolls sideways (${scrollWidth} px)`);
  if (width !== 320) return;
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

/** Signs in through the sign-in page in a new page of `context`, as a person would; the page is left where the sign-in lands. */
export async function signInWithForm(context: BrowserContext, base: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/logg-inn`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  return page;
}
