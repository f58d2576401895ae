// No page sends a person to a page that is not there: every internal link of the demo site, followed
// from the front page signed out and as the demo moderator, opens (or, signed out, asks them to sign
// in). Each kind of page is visited a few times, not every offer and municipality, so the walk stays
// short while reaching every part of the site. On every page it opens, no two landmarks of one role
// share a name. PGlite only: links do not depend on the database.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CheerioAPI } from 'cheerio';
import { prepareDatabase } from '../../src/setup.ts';
import { DEMO_ACCOUNTS } from '../../src/accounts/demo.ts';
import { freshnessCutoffs, shownInFinder } from '../../src/directory/index.ts';
import { appSuite } from '../helpers/app.ts';
import { Visitor } from '../accounts/client.ts';

/** The same kind of page: ids and numbers in the path stand for any, a query by its parameter names. */
const kindOf = (url: string) => url
  .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
  .replace(/\/\d+(?=\/|\?|$)/g, '/:n')
  .replace(/\?.*/, (query) => `?${[...new URLSearchParams(query.slice(1)).keys()].sort().join('&')}`);

const VISITS_PER_KIND = 3;
/** Links that are not pages to walk: signing out ends the walk's session; files and feeds are checked by their own tests. */
const NOT_WALKED = /^\/(logg-ut|assets\/)/;

const OFFER = /^\/tilbud\/([0-9a-f-]{36})$/;

/** The landmark role an element has by its tag or role attribute (sections and forms only when named). */
const LANDMARKS = 'nav, aside, [role=region], [role=search], section[aria-labelledby], section[aria-label], form[aria-labelledby], form[aria-label]';
const IMPLICIT_ROLE: Record<string, string> = { nav: 'navigation', aside: 'complementary', section: 'region', form: 'form' };

/**
 * Landmarks of one role that share a name on a page: a screen reader's list of landmarks shows
 * them as the same place (a table's scrolling region named like the section around it, say).
 */
function repeatedLandmarks($: CheerioAPI): string[] {
  const seen = new Map<string, number>();
  $(LANDMARKS).each((_, node) => {
    const element = $(node);
    const labelledBy = element.attr('aria-labelledby');
    const name = labelledBy
      ? labelledBy.split(/\s+/).map((id) => $(`[id="${id}"]`).text()).join(' ').replace(/\s+/g, ' ').trim()
      : (element.attr('aria-label') ?? '').trim();
    const role = element.attr('role') ?? IMPLICIT_ROLE[String(element.prop('tagName')).toLowerCase()]!;
    const key = `${role} «${name}»`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  return [...seen].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`);
}

/**
 * Walks the site from the front page. Each kind of page is opened a few times; every offer linked
 * from any page opened is collected (`offers`: id → a page linking it), as only some of them are opened.
 */
async function walk(visitor: Visitor): Promise<{ visited: number; kinds: number; broken: string[]; signInAsked: string[]; offers: Map<string, string>; landmarks: string[] }> {
  const seen = new Set<string>();
  const visits = new Map<string, number>();
  const queue: [url: string, from: string][] = [['/', '(start)']];
  const broken: string[] = [];
  const signInAsked: string[] = [];
  const offers = new Map<string, string>();
  const landmarks: string[] = [];
  let visited = 0;
  while (queue.length > 0) {
    const [url, from] = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const kind = kindOf(url);
    if ((visits.get(kind) ?? 0) >= VISITS_PER_KIND) continue;
    visits.set(kind, (visits.get(kind) ?? 0) + 1);
    visited += 1;
    const page = await visitor.get(url);
    if (page.status === 401) signInAsked.push(url);
    else if (page.status >= 400) broken.push(`${page.status} ${url} (linked from ${from})`);
    if (!String(page.headers['content-type'] ?? '').startsWith('text/html')) continue;
    for (const repeated of repeatedLandmarks(page.$)) landmarks.push(`${url}: ${repeated}`);
    page.$('a[href^="/"]').each((_, a) => {
      const href = page.$(a).attr('href')!.split('#')[0]!;
      const offer = OFFER.exec(href)?.[1];
      if (offer && !offers.has(offer)) offers.set(offer, url);
      if (href && !NOT_WALKED.test(href) && !seen.has(href)) queue.push([href, url]);
    });
  }
  return { visited, kinds: visits.size, broken, signInAsked, offers, landmarks };
}

describe('links between the pages', () => {
  const suite = appSuite('pglite', { env: { JOB_WORKER: 'off', RATE_LIMIT_PER_MINUTE: '0' }, seed: (db) => prepareDatabase(db, { demoData: true }) });
  let app: typeof suite.app;
  before(() => ({ app } = suite));

  /** Linked offers the finder does not show (their pages answer 404): the rule of findPublicService. */
  async function hiddenOffers(offers: Map<string, string>): Promise<string[]> {
    const ids = [...offers.keys()];
    const shown = new Set((await suite.db.selectFrom('service_search').select('service_id')
      .where('service_id', 'in', ids)
      .where(shownInFinder(freshnessCutoffs().hidden))
      .execute()).map((row) => row.service_id));
    return ids.filter((id) => !shown.has(id)).map((id) => `/tilbud/${id} (linked from ${offers.get(id)})`);
  }

  test('signed out: every link opens, or asks to sign in first', async (t) => {
    const result = await walk(new Visitor(app));
    t.diagnostic(`${result.visited} pages of ${result.kinds} kinds; ${result.offers.size} offers linked`);
    assert.deepEqual(await hiddenOffers(result.offers), [], 'offers linked that the finder does not show');
    assert.ok(result.kinds > 150, `only ${result.kinds} kinds of page reached`);
    assert.deepEqual(result.broken, []);
    assert.deepEqual(result.landmarks, [], 'landmarks of one role with the same name on a page');
    // what asks to sign in is the planner, the import and the network's forms, never a public page
    for (const url of result.signInAsked) assert.match(url, /^\/(planlegger|import|nettverket\/(ideer\/ny|kurs\/mine))/, url);
  });

  test('as the moderator: every link opens', async (t) => {
    const visitor = new Visitor(app);
    const signedIn = await visitor.signIn(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    assert.equal(signedIn.status, 303);
    const result = await walk(visitor);
    t.diagnostic(`${result.visited} pages of ${result.kinds} kinds; ${result.offers.size} offers linked`);
    assert.deepEqual(await hiddenOffers(result.offers), [], 'offers linked that the finder does not show');
    assert.ok(result.kinds > 250, `only ${result.kinds} kinds of page reached`);
    assert.deepEqual([...result.broken, ...result.signInAsked], []);
    assert.deepEqual(result.landmarks, [], 'landmarks of one role with the same name on a page');
  });
});
