// WCAG 2.1 1.4.10 (Reflow) and axe on every page of the app: each GET route that answers HTML, with
// its path parameters filled from the demo data, at 320, 390 and 1280 CSS px, signed out and signed
// in as each kind of account. The page itself must never scroll sideways (a wide table may scroll
// inside its own labelled region), and axe finds no WCAG 2.1 A/AA violation (checked at 320 px on
// the same page load; its colour rules once per shape of the page's parts, see axeOnce). Languages
// rotate from route to route and role to role; a last pass loads each page in whichever of bokmål,
// nynorsk and English it has not yet been seen in, so every route is checked in every language
// without a full pass per language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/platform/ids.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { DEMO_ACCOUNTS } from '../../src/accounts/demo.ts';
import { STYLE_RULES, axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm, styleShapes, type AxeContext } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';
import { loadServiceAggregate } from '../../src/directory/queries.ts';
import { saveChangeRequest } from '../../src/directory/intake/self-service/store.ts';
import { THEMES } from '../../src/experiences/stories/model.ts';
import { checkRun, createRun } from '../../src/directory/intake/imports/service.ts';

const WIDTHS = [320, 390, 1280];
const LANGUAGES = ['nb', 'nn', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** Every GET route's path, read from Fastify's own route tree. */
export function getRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false, method: 'GET' });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]?.split(', ').includes('GET')) routes.push(stack.join('').replace(/\/\/+/gu, '/'));
  }
  return [...new Set(routes)];
}

/** Pages worth a query beyond their bare route: the finder with hits for a word. */
const WITH_QUERY = ['/tilbud?q=band'];

/** Routes that answer something other than a page, or need a one-time token from a mail. */
const NOT_PAGES = /^\/(api|hsds|fhir|assets|healthz|readyz)\b|\.(csv|json|ics|atom|pdf)$|:token|:code|\/mine-data/u;

describe('reflow: no page scrolls sideways at 320, 390 or 1280 px', { skip: browserSkip }, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const fill = new Map<string, string>();
  const filled: string[] = [];
  const unfilled: string[] = [];

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await prepareDatabase(db, { demoData: true });
    const plain = await anAccount(db, { email: 'vanlig@example.no' });
    const member = await anAccount(db, { email: 'medlem@example.no' });
    const networkOrg = await db.selectFrom('network_organization').select(['id', 'slug']).orderBy('name').executeTakeFirstOrThrow();
    await db.insertInto('network_membership').values({ id: newId(), user_id: member, organization_id: networkOrg.id, role: 'participant', status: 'approved' }).execute();
    const planId = newId();
    await db.insertInto('establishment_plan').values({ id: planId, title: 'Plan for reflow (fiktiv)', organization_name: 'Eksempel DPS (fiktiv)', setting: 'dps', municipality_number: '0301', service_level: 'behandling', created_by: plain }).execute();
    await db.insertInto('establishment_plan_member').values({ plan_id: planId, user_id: plain, role: 'owner', invited_by: null }).execute();

    const first = async <T>(query: Promise<T | undefined>) => (await query) ?? undefined;
    const service = await first(db.selectFrom('service').select('id').orderBy('name').executeTakeFirst());
    const editor = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow();
    const grant = await first(db.selectFrom('organization_editor').select('organization_id').where('user_id', '=', editor.id).executeTakeFirst());
    const ownService = grant && await first(db.selectFrom('service').select('id').where('organization_id', '=', grant.organization_id).executeTakeFirst());
    // a change of the editor's own offer, sent for review: the moderator's and the editor's pages of it
    const ownAggregate = ownService && await loadServiceAggregate(db, ownService.id);
    const change = ownAggregate && await saveChangeRequest(db, { proposed: { ...ownAggregate, name: `${ownAggregate.name} (endret)` }, isNew: false, userId: editor.id, submit: true });
    const story = await first(db.selectFrom('experience_story').select('id').where('status', '=', 'publisert').executeTakeFirst());
    const surveyed = await first(db.selectFrom('experience_survey_answer').select('service_id').executeTakeFirst());
    const section = await first(db.selectFrom('handbook_section').select('slug').orderBy('slug').executeTakeFirst());
    const evidence = await first(db.selectFrom('evidence_entry').select('key').executeTakeFirst());
    const course = await first(db.selectFrom('network_course').select(['id', 'slug']).executeTakeFirst());
    const courseModule = await first(db.selectFrom('network_course_module').select('id').executeTakeFirst());
    const material = await first(db.selectFrom('network_course_material').select('id').executeTakeFirst());
    const run = await first(db.selectFrom('network_event').select('id').where('course_id', 'is not', null).executeTakeFirst());
    const event = await first(db.selectFrom('network_event').select('id').where('course_id', 'is', null).executeTakeFirst());
    const idea = await first(db.selectFrom('network_idea').select('id').executeTakeFirst());
    const action = await first(db.selectFrom('network_action').select('id').executeTakeFirst());
    // an upload the check refused (an offer without a name), as its run page shows it
    const admin = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_ACCOUNTS.admin.email).executeTakeFirstOrThrow();
    const importRun = await createRun(db, { id: admin.id, isAdmin: true, editorOf: [] }, [{ name: 'tilbud.json', text: JSON.stringify({ services: [{ name: '' }] }) }]);
    await checkRun(db, importRun);
    const put = (pattern: string, value: string | undefined) => { if (value) fill.set(pattern, value); };
    put('/tilbud/:id|:serviceId', service?.id);
    put('/moderering/historikk/:resourceId', service?.id);
    put('/moderering/endring/:id', change);
    put('/mine-tilbud/utkast/:id', change);
    put('/erfaringer/tema/:tema', THEMES[0]);
    put('/erfaringer/fortellinger/:id', story?.id);
    put('/nettverket/fortellinger/:id', story?.id);
    put('/erfaringer/tilbud/:serviceId', surveyed?.service_id);
    put('/erfaringer/sporsmal/:serviceId', surveyed?.service_id);
    put('/mine-tilbud/tilbud/:serviceId', ownService?.id);
    put('/mine-tilbud/:organizationId', grant?.organization_id);
    put('/nettverket/medlemmer/:slug', networkOrg.slug);
    put('/nettverket/kunnskap/kilde/:key', evidence?.key);
    put('/nettverket/kurs/filer/:id', material?.id);
    put('/nettverket/kurs/kursrunder/:id', run?.id);
    put('/nettverket/kurs/:slug', course?.slug);
    put('/nettverket/kurs/:slug/moduler/:id', courseModule?.id);
    put('/nettverket/arrangementer/:id', event?.id);
    put('/nettverket/arrangementer/:id/referat/historikk/:number', '1');
    put('/nettverket/ideer/tiltak/:id', action?.id);
    put('/nettverket/ideer/:id', idea?.id);
    put('/planlegger/:id', planId);
    put('/planlegger/:id/dokumenter/:kind', 'vedtaksnotat');
    put('/import/:id', importRun);
    put('/dekning/kommune/:nummer', '0301');
    put('/veileder/:slug', section?.slug);
    put('/veileder/:slug/historikk/:number', '1');
  } });
  before(() => ({ app, base, browser } = suite));

  function pages(app: FastifyInstance): string[] {
    const result: string[] = [];
    for (const route of getRoutes(app)) {
      if (NOT_PAGES.test(route)) continue;
      // resolve parameters segment by segment, remembering each filled prefix's template
      let path = '';
      let template = '';
      let ok = true;
      for (const part of route.split('/').slice(1)) {
        template += `/${part}`;
        if (part.startsWith(':')) {
          const value = fill.get(template);
          if (value === undefined) { ok = false; break; }
          path += `/${value}`;
        } else path += `/${part}`;
      }
      if (ok) { filled.push(route); result.push(path); } else unfilled.push(route);
    }
    return [...result, ...WITH_QUERY];
  }

  const signIn = async (context: BrowserContext, email: string, password: string): Promise<void> => {
    await (await signInWithForm(context, base, email, password)).close();
  };

  async function widths(page: Page, path: string): Promise<{ path: string; width: number; scrollWidth: number }[]> {
    const found = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) found.push({ path, width, scrollWidth });
    }
    return found;
  }

  interface Role { name: string; email?: string; password?: string }
  const roles: Role[] = [
    { name: 'signed out' },
    { name: 'admin', email: DEMO_ACCOUNTS.admin.email, password: DEMO_ACCOUNTS.admin.password },
    { name: 'editor', email: DEMO_ACCOUNTS.editor.email, password: DEMO_ACCOUNTS.editor.password },
    { name: 'network member', email: 'medlem@example.no', password: PASSWORD },
    { name: 'plain user', email: 'vanlig@example.no', password: PASSWORD },
  ];
  /** per path, the languages it has been checked in as itself (not redirected), and a role that sees it */
  const seen = new Map<string, { languages: Set<Language>; role: Role }>();
  let axeRuns = 0;
  /** the shapes (styleShapes) of the parts of pages whose style rules have run, in any language and role */
  const styled = new Set<string>();
  let styleRuns = 0;

  /**
   * axe on the page as loaded: every rule but the style rules always, and the style rules on the
   * part of the page (main, the rest, or both) whose shape they have not yet judged.
   */
  async function axeOnce(page: Page): Promise<string> {
    const shapes = await styleShapes(page);
    const newMain = shapes.main !== undefined && !styled.has(`main ${shapes.main}`);
    const newRest = !styled.has(`rest ${shapes.rest}`);
    if (shapes.main !== undefined) styled.add(`main ${shapes.main}`);
    styled.add(`rest ${shapes.rest}`);
    if (newMain || newRest) styleRuns += 1;
    if (newRest && (newMain || shapes.main === undefined)) return describeViolations(await axeViolations(page));
    const violations = await axeViolations(page, { without: STYLE_RULES });
    const within: AxeContext = newMain ? { include: 'main' } : { exclude: 'main' };
    if (newMain || newRest) violations.push(...await axeViolations(page, { only: STYLE_RULES, within }));
    return describeViolations(violations);
  }

  interface Problems { wrongLanguage: string[]; wide: { path: string; width: number; scrollWidth: number }[]; axe: string[] }

  /** One page load in one language: the language, axe at 320 px (once per page it lands on), then the widths. */
  async function check(context: BrowserContext, page: Page, role: Role, path: string, language: Language, axed: Set<string>, problems: Problems): Promise<void> {
    await context.addCookies([{ name: 'lang', value: language, url: base }]);
    await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
    const response = await page.goto(`${base}${path}`);
    if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
    // evaluate, not page.getAttribute: a locator call costs a page load about 45 ms more
    if ((await page.evaluate(() => document.documentElement.lang)) !== language) problems.wrongLanguage.push(`${path} (${language})`);
    const landed = new URL(page.url());
    const itself = response.status() === 200 && `${landed.pathname}${landed.search}` === path;
    if (itself) {
      const entry = seen.get(path) ?? { languages: new Set<Language>(), role };
      entry.languages.add(language);
      seen.set(path, entry);
    }
    // a page many routes land on (the sign-in page, a 404) is checked once per language and pass:
    // pages are told apart by status, title and heading, which every page of the app sets
    const axeKey = `${language} ${response.status()} ${await page.evaluate(() => `${document.title} ${document.querySelector('h1')?.textContent ?? ''}`)}`;
    if (!axed.has(axeKey)) {
      axed.add(axeKey);
      axeRuns += 1;
      const violations = await axeOnce(page);
      if (violations) problems.axe.push(`${path} (${language}, ${role.name}):\n${violations}`);
    }
    problems.wide.push(...await widths(page, path));
  }

  function report(role: string, problems: Problems): void {
    assert.deepEqual(problems.wrongLanguage, [], 'pages not in the language chosen');
    assert.deepEqual(problems.axe, [], `axe violations (${role})`);
    assert.deepEqual(problems.wide, [], `pages wider than the viewport (${role}):\n${problems.wide.map((w) => `${w.path} at ${w.width}: ${w.scrollWidth}px`).join('\n')}`);
  }

  async function openAs(role: Role): Promise<{ context: BrowserContext; page: Page }> {
    // bypassCSP only so axe can be injected; the site's own pages run under the CSP either way
    const context = await browser.newContext({ viewport: { width: WIDTHS[0]!, height: 800 }, bypassCSP: true });
    // the sign-in helper reads the bokmål labels; the language cookie is set per page after it
    if (role.email) await signIn(context, role.email, role.password!);
    return { context, page: await context.newPage() };
  }

  roles.forEach((role, turn) => {
    test(`every page, ${role.name}`, async () => {
      const paths = pages(app);
      assert.ok(paths.length > 50, `only ${paths.length} pages found`);
      const { context, page } = await openAs(role);
      const problems: Problems = { wrongLanguage: [], wide: [], axe: [] };
      const axed = new Set<string>();
      // route by route the language turns, each role starting one step further on
      for (const [index, path] of paths.entries()) await check(context, page, role, path, LANGUAGES[(index + turn) % LANGUAGES.length]!, axed, problems);
      await context.close();
      if (turn === 0) console.log(`reflow: ${filled.length} routes checked; not filled from demo data: ${[...new Set(unfilled)].join(', ') || 'none'}`);
      report(role.name, problems);
    });
  });

  test('every page in the languages it has not yet been checked in', async () => {
    const missing = new Map<Role, { path: string; language: Language }[]>();
    for (const [path, { languages, role }] of seen) {
      for (const language of LANGUAGES.filter((l) => !languages.has(l))) missing.set(role, [...missing.get(role) ?? [], { path, language }]);
    }
    const problems: Problems = { wrongLanguage: [], wide: [], axe: [] };
    for (const [role, loads] of missing) {
      const { context, page } = await openAs(role);
      const axed = new Set<string>();
      for (const { path, language } of loads) await check(context, page, role, path, language, axed, problems);
      await context.close();
    }
    console.log(`reflow: ${[...missing.values()].flat().length} extra page loads for the missing languages; axe ran ${axeRuns} times in all, its style rules (${STYLE_RULES.join(', ')}) on ${styleRuns} of those pages, each on the parts whose elements they had not yet seen`);
    for (const [path, { languages }] of seen) if (languages.size < LANGUAGES.length) problems.wrongLanguage.push(`${path}: seen in ${[...languages].join(', ')} only`);
    report('the missing languages', problems);
  });
});
