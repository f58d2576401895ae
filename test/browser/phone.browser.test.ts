// Phone first: the collapsing site menu and the finder's "Filtrer" disclosure, with and without
// JavaScript, and axe on both at phone and desktop widths.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

describe('phone first in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Nordlys helse (fiktiv)', isDemo: true });
  const low = aService(org, { name: 'Lavterskel band (fiktiv)', isDemo: true, terms: ['niva:lavterskel', 'felt:rus'] });
  const treatment = aService(org, { name: 'Musikkterapi ved DPS (fiktiv)', isDemo: true, terms: ['niva:behandling', 'felt:psykisk-helse'] });

  const suite = browserSuite({ seed: async (db) => {
    await store(db, [org], [low, treatment]);
  } });
  before(() => ({ base, browser } = suite));

  test('the site menu is a disclosure at 320 px and a plain list at 1280 px, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const menu = page.getByText('Meny', { exact: true });
    assert.equal(await menu.isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Logg inn' }).isVisible(), false);
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByRole('link', { name: 'Logg inn' }).isVisible(), true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}/`);
    assert.equal(await menu.isVisible(), false);
    assert.equal(await page.getByRole('link', { name: 'Logg inn' }).isVisible(), true);
    await context.close();

    // axe needs JavaScript: the same page, menu open at 320 px and plain at 1280 px
    const checked = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 800 } });
    const axePage = await checked.newPage();
    await axePage.goto(`${base}/`);
    await axePage.getByText('Meny', { exact: true }).click();
    let violations = await axeViolations(axePage);
    assert.equal(violations.length, 0, describeViolations(violations));
    await axePage.setViewportSize({ width: 1280, height: 800 });
    await axePage.goto(`${base}/`);
    violations = await axeViolations(axePage);
    assert.equal(violations.length, 0, describeViolations(violations));
    await checked.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`finder at 390 px: hits before the filters, "Filtrer" opens them, "Vis N treff" applies them — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/tilbud`);
      const filter = page.getByLabel(/^Behandling/);
      assert.equal(await filter.isVisible(), false);
      const count = await page.locator('#results-heading').boundingBox();
      const firstHit = await page.locator('.hit').first().boundingBox();
      const toggle = await page.getByText('Filtrer', { exact: true }).boundingBox();
      assert.ok(count && firstHit && toggle && toggle.y < count.y && count.y < firstHit.y);
      await page.getByText('Filtrer', { exact: true }).click();
      await filter.check();
      const show = page.getByRole('button', { name: /^Vis \d+ treff$/ });
      // with JavaScript the count on the button follows the ticks without leaving the page
      if (javaScriptEnabled) await page.getByRole('button', { name: 'Vis 1 treff' }).waitFor();
      assert.equal(page.url(), `${base}/tilbud`);
      await show.click();
      await page.waitForURL(/niva=behandling/);
      assert.match(await page.locator('#results-heading').innerText(), /1 tilbud/);
      assert.equal(await page.getByLabel(/^Behandling/).isVisible(), false);
      if (javaScriptEnabled) {
        // the toggle now says how many filters are chosen
        assert.equal(await page.locator('.filter-disclosure__toggle').textContent(), 'Filtrer (1 valgt)');
        await page.locator('.filter-disclosure__toggle').click();
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      }
      await context.close();
    });
  }

  test('finder at 1280 px: filters beside the list, and "Hopp til resultatene" skips them', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud`);
    assert.equal(await page.getByText('Filtrer', { exact: true }).isVisible(), false);
    assert.equal(await page.getByLabel(/^Behandling/).isVisible(), true);
    const filters = await page.locator('.filters').boundingBox();
    const results = await page.locator('#resultater').boundingBox();
    assert.ok(filters && results && filters.x + filters.width <= results.x);
    await page.locator('.skip-to-results').focus();
    assert.equal(await page.locator('.skip-to-results').isVisible(), true);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'resultater');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.hits') !== null), true);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });
});
