// Samklang in bokmål, nynorsk and English (issue 17): the switch keeps the page and its query, and
// bokmål passages are marked in another frame. Axe (zero violations), reflow and <html lang> of
// every route in every language are checked in reflow.browser.test.ts, on the same page loads.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { prepareDatabase } from '../../src/setup.ts';
import { browserSkip, browserSuite } from '../helpers/browser.ts';

describe('languages in the browser', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await prepareDatabase(db, { demoData: true });
  } });
  before(() => ({ base, browser } = suite));

  test('the switch keeps the page and its query, is remembered, and each link is named in its own language', async () => {
    // a Norwegian browser: Accept-Language makes bokmål the first guess
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud?q=band&niva=lavterskel`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    const english = page.locator('.language-switch a[hreflang="en"]');
    assert.equal(await english.getAttribute('lang'), 'en');
    await english.click();
    await page.waitForLoadState();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/tilbud');
    assert.equal(url.searchParams.get('q'), 'band');
    assert.equal(url.searchParams.get('niva'), 'lavterskel');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('.language-switch a[aria-current="true"]').textContent(), 'English');
    // remembered: the next page, without the parameter, is English too
    await page.goto(`${base}/om`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // hreflang alternates for every language
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
    assert.deepEqual(alternates.sort(), ['en', 'nb', 'nn', 'x-default']);
    // absolute addresses, as search engines require
    const hrefs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    assert.ok(hrefs.every((href) => /^https?:\/\/[^/]+\/om\?lang=(nb|nn|en)$/.test(href)), hrefs.join(' '));
    await context.close();
  });

  test('a handbook section in the English frame says it is in bokmål and marks the passage so', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/veileder?lang=en`);
    const href = await page.locator('main a[href^="/veileder/"]').first().getAttribute('href');
    await page.goto(`${base}${href}`);
    assert.equal(await page.getAttribute('.handbook-body', 'lang'), 'nb');
    assert.ok(await page.locator('.only-bokmal').isVisible());
    await context.close();
  });
});
