import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';

describe('finder in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Nordlys helse (fiktiv)', isDemo: true });
  const bodo = aService(org, {
    name: 'Lavterskel band i Bodø (fiktiv)', isDemo: true, terms: ['niva:lavterskel', 'felt:rus', 'tilgang:egenhenvisning', 'format:gruppe'],
    locations: [aLocation({ latitude: 67.28, longitude: 14.40, municipalityNumber: '1804', address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
  });
  const dps = aService(org, {
    name: 'Musikkterapi ved DPS Salten (fiktiv)', isDemo: true, terms: ['niva:behandling', 'felt:psykisk-helse', 'arena:spesialist:dps', 'tilgang:henvisning', 'format:individuell'],
    locations: [aLocation({ latitude: 67.29, longitude: 14.42, municipalityNumber: '1804', address: { address1: 'Parkveien 5', postalCode: '8005', city: 'Bodø', stateProvince: 'Nordland' } })],
  });
  const oslo = aService(org, { name: 'Korverksted i Oslo (fiktiv)', isDemo: true });

  const suite = browserSuite({ seed: async (db) => {
    await store(db, [org], [bodo, dps, oslo]);
  } });
  before(() => ({ base, browser } = suite));

  for (const javaScriptEnabled of [false, true]) {
    test(`search by postal code, filter, open a result — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.getByLabel('Sted').fill('8006');
      await page.getByRole('button', { name: 'Søk' }).click();
      await page.waitForURL(/\/tilbud\?/);
      assert.match(await page.locator('#results-heading').innerText(), /3 tilbud/);
      assert.match(await page.locator('.hit').first().innerText(), /I Bodø kommune/);

      await page.getByLabel(/^Behandling/).check();
      // with JavaScript the form submits itself on change; without it the person presses the button
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Bruk filtrene' }).click();
      await page.waitForURL(/niva=behandling/);
      assert.match(await page.locator('#results-heading').innerText(), /1 tilbud/);
      assert.equal(await page.getByLabel(/^Behandling/).isChecked(), true);

      await page.getByRole('link', { name: dps.name }).click();
      await page.waitForURL(new RegExp(`/tilbud/${dps.id}`));
      assert.equal(await page.locator('h1').innerText(), dps.name);
      assert.match(await page.locator('main').innerText(), /Parkveien 5, 8005 Bodø/);
      await context.close();
    });
  }

  test('with JavaScript a filter updates the results in place: focus stays, the count is announced, the URL is shareable, back restores', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud?sted=8006`);
    assert.match(await page.locator('#results-heading').innerText(), /3 tilbud/);
    // a marker on window survives only if the page is not loaded again
    await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });
    const checkbox = page.getByLabel(/^Behandling/);
    await checkbox.check();
    await page.waitForURL(/niva=behandling/);
    await page.waitForFunction(() => document.querySelector('[data-module="finder-status"]')?.textContent === '1 treff');
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'no full navigation');
    assert.match(await page.locator('#results-heading').innerText(), /1 tilbud/);
    assert.equal(await page.locator('.hit').count(), 1);
    assert.match(page.url(), /sted=8006/);
    assert.equal(await checkbox.evaluate((el) => el === document.activeElement), true, 'focus stays on the checkbox');
    assert.equal(await page.locator('[aria-live]').count(), 1, 'one live region');
    assert.match(await page.title(), /^1 tilbud/);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // the address is the search: opened anew it shows the same
    const shared = await context.newPage();
    await shared.goto(page.url());
    assert.match(await shared.locator('#results-heading').innerText(), /1 tilbud/);
    await shared.close();

    await page.goBack();
    await page.waitForFunction(() => /3 tilbud/.test(document.getElementById('results-heading')?.textContent ?? ''));
    assert.doesNotMatch(page.url(), /niva=/);
    assert.equal(await checkbox.isChecked(), false);
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true);
    await page.goForward();
    await page.waitForFunction(() => /1 tilbud/.test(document.getElementById('results-heading')?.textContent ?? ''));
    assert.equal(await checkbox.isChecked(), true);
    await context.close();
  });

  test('on a phone the filters stay behind "Filtrer": a tick updates "Vis N treff", which then shows the hits', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud?sted=8006`);
    await page.getByText('Filtrer', { exact: true }).click();
    await page.getByLabel(/^Behandling/).check();
    const show = page.locator('[data-module="hit-count"]');
    await page.waitForFunction(() => document.querySelector('[data-module="hit-count"]')?.textContent === 'Vis 1 treff');
    // a preview: the hits (behind the open filters) and the address wait for the button
    assert.equal(await page.locator('[data-module="finder-status"]').textContent(), '1 treff');
    assert.doesNotMatch(page.url(), /niva=/);
    await show.click();
    await page.waitForURL(/niva=behandling/);
    await page.waitForFunction(() => document.activeElement?.id === 'resultater');
    assert.equal(await page.locator('.filter-disclosure').evaluate((el) => (el as HTMLDetailsElement).open), false);
    assert.match(await page.locator('#results-heading').innerText(), /1 tilbud/);
    assert.match(await page.locator('.filter-disclosure__toggle').innerText(), /1 valgt/);
    await context.close();
  });

  test('keyboard only: skip link, search, and open a result without a mouse', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/tilbud`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Hopp til hovedinnhold');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // the first field after the skip target is the free-text field
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    await page.keyboard.type('korverksted');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=korverksted/);
    const link = page.getByRole('link', { name: oslo.name });
    for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.equal(await link.evaluate((el) => el === document.activeElement), true, 'the result link is reachable by Tab');
    // focus is visible: the focused link has an outline or box shadow
    const focusStyle = await link.evaluate((el) => { const s = getComputedStyle(el); return `${s.outlineStyle} ${s.boxShadow}`; });
    assert.notEqual(focusStyle, 'none none');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/tilbud/${oslo.id}`));
    await context.close();
  });

  test('axe finds no WCAG 2.1 A/AA violations on the front page, results, a service and an error state', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/', '/tilbud?sted=8006', '/tilbud?q=korverksted%20Bod%C3%B8', '/tilbud?q=korverksed', '/tilbud?q=finnesikke', `/tilbud/${bodo.id}`, '/tilbud?sted=9999&alder=tolv', '/tilbud?sted=Herøy', '/om', '/finnes-ikke']) {
      await page.goto(`${base}${path}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path}:\n${describeViolations(violations)}`);
    }
    await context.close();
  });
});
