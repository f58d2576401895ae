import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from '../helpers/db.ts';
import { testApp, listenOnLoopback } from '../helpers/app.ts';
import { axeViolations, browserSkip, describeViolations, launchBrowser } from '../helpers/browser.ts';

describe('open-data page in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  before(async () => {
    database = await freshDatabase('pglite');
    app = await testApp(database.db);
    base = await listenOnLoopback(app);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  test('passes axe (WCAG 2.1 A and AA) and works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/apne-data`);
    assert.equal(await page.locator('h1').innerText(), 'Åpne data');
    await page.getByRole('link', { name: 'Åpne data' }).first().click();
    assert.match(page.url(), /\/apne-data$/);
    await context.close();
    // axe itself needs JavaScript: the same page in a context that runs it
    const checked = await browser.newContext({ bypassCSP: true });
    const axePage = await checked.newPage();
    await axePage.goto(`${base}/apne-data`);
    const violations = await axeViolations(axePage);
    assert.deepEqual(violations, [], describeViolations(violations));
    await checked.close();
  });
});
