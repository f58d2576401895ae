import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';

describe('open-data page in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite();
  before(() => ({ base, browser } = suite));

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
