// The page a person gets when an instance sheds load (MAX_REQUESTS_IN_FLIGHT): readable in each
// language, styled (its files are never shed), no sideways scrolling at 320, 390 and 1280 px, and
// no WCAG 2.1 A/AA violation found by axe.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/index.ts';
import { assertReflowsAndPassesAxe, browserSkip, browserSuite } from '../helpers/browser.ts';
import { holdFinderTable, untilInFlight } from '../helpers/busy.ts';

describe('the busy page (load shedding)', { skip: browserSkip }, () => {
  let app: FastifyInstance;
  let db: Db;
  let base: string;
  let browser: Browser;
  const suite = browserSuite({ env: { JOB_WORKER: 'off', MAX_REQUESTS_IN_FLIGHT: '1' } });
  before(() => ({ app, base, browser } = suite, db = suite.database.db));

  test('says in the reader\'s language to try again, reflows and passes axe', async () => {
    // one page first: the app's first-request work is done before the table is held
    assert.equal((await fetch(`${base}/tilbud`)).status, 200);
    const table = await holdFinderTable(db);
    const held = fetch(`${base}/api/v1/services?q=gitar`);
    try {
      await untilInFlight(app, 1);
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      for (const [lang, heading] of [['nb', 'Mange bruker Samklang akkurat nå'], ['nn', 'Mange bruker Samklang akkurat no'], ['en', 'Samklang is busy right now']]) {
        for (const width of [320, 390, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          const response = await page.goto(`${base}/tilbud?q=sang&lang=${lang}`);
          assert.equal(response?.status(), 503);
          assert.equal(await page.locator('h1').textContent(), heading);
          // styled: the design system's stylesheet was served, not shed
          assert.notEqual(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily), 'Times New Roman');
          await assertReflowsAndPassesAxe(page, `the busy page in ${lang}`);
        }
      }
      await context.close();
    } finally {
      await table.release();
    }
    assert.equal((await held).status, 200);
  });
});
