// WCAG 2.1 1.4.10 (Reflow) on every page of the app: each GET route that answers HTML, with its
// path parameters filled from the demo data, at 320, 390 and 1280 CSS px, signed out and signed in
// as each kind of account. The page itself must never scroll sideways (a wide table may scroll
// inside its own labelled region).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/platform/ids.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { DEMO_ACCOUNTS } from '../../src/accounts/demo.ts';
import { browserSkip, browserSuite, signInWithForm } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';

const WIDTHS = [320, 390, 1280];

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
    const change = await first(db.selectFrom('change_request').select('id').executeTakeFirst());
    const section = await first(db.selectFrom('handbook_section').select('slug').orderBy('slug').executeTakeFirst());
    const evidence = await first(db.selectFrom('evidence_entry').select('key').executeTakeFirst());
    const course = await first(db.selectFrom('network_course').select(['id', 'slug']).executeTakeFirst());
    const courseModule = await first(db.selectFrom('network_course_module').select('id').executeTakeFirst());
    const material = await first(db.selectFrom('network_course_material').select('id').executeTakeFirst());
    const run = await first(db.selectFrom('network_event').select('id').where('course_id', 'is not', null).executeTakeFirst());
    const event = await first(db.selectFrom('network_event').select('id').where('course_id', 'is', null).executeTakeFirst());
    const idea = await first(db.selectFrom('network_idea').select('id').executeTakeFirst());
    const action = await first(db.selectFrom('network_action').select('id').executeTakeFirst());
    const importRun = await first(db.selectFrom('import_run').select('id').executeTakeFirst());
    const put = (pattern: string, value: string | undefined) => { if (value) fill.set(pattern, value); };
    put('/tilbud/:id|:serviceId', service?.id);
    put('/moderering/historikk/:resourceId', service?.id);
    put('/moderering/endring/:id', change?.id);
    put('/mine-tilbud/utkast/:id', change?.id);
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
    put('/import/:id', importRun?.id);
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
    return result;
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

  const roles: { name: string; email?: string; password?: string; language?: 'nn' | 'en' }[] = [
    { name: 'signed out' },
    // every page in the other two languages too: other words, other lengths
    { name: 'signed out, nynorsk', language: 'nn' },
    { name: 'admin, English', email: DEMO_ACCOUNTS.admin.email, password: DEMO_ACCOUNTS.admin.password, language: 'en' },
    { name: 'admin', email: DEMO_ACCOUNTS.admin.email, password: DEMO_ACCOUNTS.admin.password },
    { name: 'editor', email: DEMO_ACCOUNTS.editor.email, password: DEMO_ACCOUNTS.editor.password },
    { name: 'network member', email: 'medlem@example.no', password: PASSWORD },
    { name: 'plain user', email: 'vanlig@example.no', password: PASSWORD },
  ];

  for (const role of roles) {
    test(`every page, ${role.name}`, async () => {
      const paths = pages(app);
      assert.ok(paths.length > 50, `only ${paths.length} pages found`);
      const context = await browser.newContext({ viewport: { width: WIDTHS[0]!, height: 800 } });
      if (role.email) await signIn(context, role.email, role.password!);
      // after signing in (the sign-in helper reads the bokmål labels)
      if (role.language) await context.addCookies([{ name: 'lang', value: role.language, url: base }]);
      const page = await context.newPage();
      const wrongLanguage: string[] = [];
      const wide: { path: string; width: number; scrollWidth: number }[] = [];
      for (const path of paths) {
        await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
        const response = await page.goto(`${base}${path}`);
        if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
        if (role.language && (await page.getAttribute('html', 'lang')) !== role.language) wrongLanguage.push(path);
        wide.push(...await widths(page, path));
      }
      await context.close();
      if (role.name === 'signed out') console.log(`reflow: ${filled.length} routes checked; not filled from demo data: ${[...new Set(unfilled)].join(', ') || 'none'}`);
      assert.deepEqual(wrongLanguage, [], `pages not in ${role.language}`);
      assert.deepEqual(wide, [], `pages wider than the viewport (${role.name}):\n${wide.map((w) => `${w.path} at ${w.width}: ${w.scrollWidth}px`).join('\n')}`);
    });
  }
});
