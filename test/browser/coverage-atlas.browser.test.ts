import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { storeAtlasFixture } from '../coverage/fixtures.db.ts';

const PAGES = ['/dekning', '/dekning?metode=3sfca&vekt=gravitasjon&beta=2&radius=90', '/dekning?helseregion=helse-nord', '/dekning?fylke=03&indikator=mangel', '/dekning/kommune/1804', '/dekning/slik-har-vi-regnet'];

describe('the coverage atlas in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ seed: async (db) => {
    await storeAtlasFixture(db);
  } });
  before(() => ({ base, browser } = suite));

  test('the atlas, a zoomed region, a municipality and the method pass axe and reflow at 320, 390 and 1280 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of PAGES) {
        await page.goto(`${base}${path}`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${path} is ${scrollWidth} px wide at ${width} px`);
        if (width === 390) {
          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], `${path}: ${describeViolations(violations)}`);
        }
      }
    }
    await context.close();
  });

  test('without JavaScript the map is links and no controls; with it, buttons, keys and the tooltip work on the same SVG', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(`${base}/dekning?helseregion=helse-nord`);
    assert.equal(await still.locator('.atlas-map__controls').isVisible(), false);
    await still.getByRole('link', { name: /^Bodø: / }).focus();
    await Promise.all([still.waitForURL(/\/dekning\/kommune\//), still.keyboard.press('Enter')]);
    assert.equal(new URL(still.url()).pathname, '/dekning/kommune/1804');
    await off.close();

    const on = await browser.newContext();
    const page = await on.newPage();
    await page.goto(`${base}/dekning`);
    const svg = page.locator('svg.atlas-map__svg');
    const home = await svg.getAttribute('viewBox');
    await page.getByRole('button', { name: 'Zoom inn' }).click();
    const zoomed = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
    assert.ok(zoomed[2]! < Number(home!.split(' ')[2]), 'zooming in shows a smaller box');
    await page.getByRole('button', { name: 'Tilbake til utgangspunktet' }).click();
    assert.deepEqual((await svg.getAttribute('viewBox'))!.split(' ').map(Number), home!.split(' ').map(Number));
    // Keyboard: focus a municipality, its name and value show in the tooltip; + zooms, Escape hides the tooltip.
    await page.getByRole('link', { name: /^Bodø: / }).focus();
    const tip = page.locator('.atlas-map__tip');
    assert.match((await tip.textContent())!, /^Bodø: \d+,\d\d$/);
    assert.equal(await tip.isVisible(), true);
    await page.keyboard.press('+');
    assert.notEqual(await svg.getAttribute('viewBox'), home);
    await page.keyboard.press('Escape');
    assert.equal(await tip.isVisible(), false);
    // Two fingers moving apart zoom in around the place between them; moving together zooms out.
    await page.keyboard.press('0');
    // Written as a string: the test's TypeScript is compiled with helpers the page does not have.
    const pinchTo = (spread: number) => page.evaluate(`(() => {
      const element = document.querySelector('svg.atlas-map__svg');
      const r = element.getBoundingClientRect();
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      for (const [type, id, dx] of [['pointerdown', 1, -20], ['pointerdown', 2, 20], ['pointermove', 1, -${spread}], ['pointermove', 2, ${spread}], ['pointerup', 1, -${spread}], ['pointerup', 2, ${spread}]]) {
        element.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: cx + dx, clientY: cy, button: type === 'pointermove' ? -1 : 0, bubbles: true, cancelable: true }));
      }
    })()`);
    await pinchTo(60);
    const pinched = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
    const homeWidth = Number(home!.split(' ')[2]);
    assert.ok(Math.abs(pinched[2]! - homeWidth / 3) < 1, `fingers three times as far apart show a third of the width (${pinched[2]})`);
    assert.equal(await svg.evaluate((element) => element.classList.contains('is-zoomed')), true);
    await pinchTo(5);
    assert.ok((await svg.getAttribute('viewBox'))!.split(' ').map(Number)[2]! > pinched[2]!, 'fingers moving together zoom out');
    await on.close();
  });
});
