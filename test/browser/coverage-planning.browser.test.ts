// "Beste neste plassering" and "Hva om?" with results: no JavaScript needed, reflow at 320 px, and
// axe finds nothing, at phone and desktop widths.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { storeAtlasFixture } from '../coverage/fixtures.db.ts';

const PAGES = [
  '/dekning/beste-plassering?antall=2&arsverk=1&mal=naerhet&niva=alle',
  '/dekning/hva-om?kommune=&arsverk=1&stillingsniva=lavterskel&breddegrad=69%2C6496&lengdegrad=18%2C956',
  '/dekning/hva-om?kommune=&arsverk=1&stillingsniva=lavterskel&breddegrad=66&lengdegrad=6',
];

describe('coverage planning pages in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ seed: async (db) => {
    await storeAtlasFixture(db);
  } });
  before(() => ({ base, browser } = suite));

  test('the results show without JavaScript and fit 320 px without sideways scrolling', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}${PAGES[0]}`);
    assert.equal(await page.locator('#plasseringer tbody tr').count(), 2);
    for (const path of PAGES) {
      await page.goto(`${base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow} px too wide at 320 px`);
    }
    await context.close();
  });

  test('axe finds no violations at 320 and 1280 px', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of PAGES) {
        await page.goto(`${base}${path}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${path} at ${width} px: ${describeViolations(violations)}`);
      }
    }
    await context.close();
  });
});
