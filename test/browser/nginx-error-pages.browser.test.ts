// nginx's own error pages (ops/nginx/_errors, served by the shipped ops/nginx/samklang.conf when its
// limit refuses or no instance answers): no sideways scrolling at 320, 390 and 1280 px, and no
// WCAG 2.1 A/AA violation found by axe. test/ops/nginx-errors.test.ts checks that nginx serves them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertReflowsAndPassesAxe, browserSkip, launchBrowser } from '../helpers/browser.ts';

const DIR = join(import.meta.dirname, '../../ops/nginx/_errors');
const PAGES = readdirSync(DIR).filter((name) => name.endsWith('.html'));

describe('nginx\'s error pages', { skip: browserSkip }, () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(() => browser?.close());

  test('reflow at 320, 390 and 1280 px and pass axe', async () => {
    assert.deepEqual(PAGES.sort(), ['429.html', 'unavailable.html']);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const name of PAGES) {
      for (const width of [320, 390, 1280]) {
        await page.setViewportSize({ width, height: 700 });
        await page.setContent(readFileSync(join(DIR, name), 'utf8'));
        await assertReflowsAndPassesAxe(page, name);
      }
    }
    await context.close();
  });
});
