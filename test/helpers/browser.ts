import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
let axeAddress: Promise<string> | undefined;

/**
 * axe-core's address on a small server in this process. Given as a script's address (not as its
 * text), Chromium keeps it compiled between page loads: a page's axe cost about 0.1 s less.
 */
function axeScript(): Promise<string> {
  axeAddress ??= new Promise((resolve, reject) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400, immutable' });
      response.end(axeSource);
    });
    // neither the server nor Chromium's open connections to it keep the test process alive
    server.on('connection', (socket) => socket.unref());
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`);
    });
  });
  return axeAddress;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The part of the page axe looks at (axe-core's context): a selector, or one to leave out; the whole document if not given. */
export type AxeContext = { include: string } | { exclude: string };

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page (the context must bypass CSP to inject
 * it). `only` or `without` narrows the rules, `within` the part of the page their checks cover, for
 * a caller that has already run some of them on the same elements (see STYLE_RULES).
 */
export async function axeViolations(page: Page, options: { only?: readonly string[]; without?: readonly string[]; within?: AxeContext } = {}): Promise<AxeViolation[]> {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ url: await axeScript() });
  return page.evaluate(async ({ only, without = [], within }) => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
    const rules = Object.fromEntries(without.map((rule) => [rule, { enabled: false }]));
    const result = await axe.run(within ?? document, { runOnly, rules });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, options);
}

/**
 * axe's rules (of the WCAG A and AA ones) whose outcome follows from the elements and their styles,
 * not from the words: the colours of text against what is behind it, and of links against the text
 * around them. They take about half of axe's time on our pages (colour contrast alone about 45 %).
 */
export const STYLE_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * What the style rules' outcome depends on, as a digest for the page's `main` (with the elements
 * it sits in) and one for the rest of the page (main left out), or for the whole page if it has no
 * main: every element in document order with its depth, its tag, its attributes (those that carry
 * words, addresses or per-load values left out: a stylesheet may select on any other) and whether
 * it holds text of its own. Two loads of the same shape (one page in two languages, a page seen by
 * two accounts with the same buttons, the same header above two pages) give the style rules the
 * same elements with the same styles to judge.
 */
export async function styleShapes(page: Page): Promise<{ main?: string; rest: string }> {
  const shapes = await page.evaluate(() => {
    const words = new Set(['href', 'action', 'value', 'content', 'alt', 'title', 'aria-label', 'aria-labelledby', 'aria-describedby', 'placeholder', 'lang', 'hreflang', 'datetime', 'nonce', 'src', 'srcset', 'for', 'name']);
    const main = document.querySelector('main');
    const lines = new Map<Element, string>();
    const mainParts: string[] = [];
    const rest: string[] = [];
    // a loop with no inner functions: tsx names functions with a helper the page does not have
    const stack: [Element, number, boolean][] = [[document.documentElement, 0, false]];
    while (stack.length > 0) {
      const [element, depth, inMain] = stack.pop()!;
      const attributes = [...element.attributes].filter((a) => !words.has(a.name)).map((a) => `${a.name}=${a.value}`).sort().join(' ');
      const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      const line = `${depth} ${element.tagName} ${attributes}${text ? ' +text' : ''}`;
      lines.set(element, line);
      if (element === main) {
        // main's styles also follow from the elements it sits in
        for (let up = element.parentElement; up; up = up.parentElement) mainParts.unshift(lines.get(up)!);
        rest.push(`${depth} (main)`);
      }
      (inMain || element === main ? mainParts : rest).push(line);
      stack.push(...[...element.children].reverse().map((child): [Element, number, boolean] => [child, depth + 1, inMain || element === main]));
    }
    return { main: main ? mainParts.join('\n') : undefined, rest: rest.join('\n') };
  });
  const digest = (shape: string) => createHash('sha256').update(shape).digest('base64');
  return { main: shapes.main === undefined ? undefined : digest(shapes.main), rest: digest(shapes.rest) };
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
