import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';

// "Bruk posisjonen min" in a real browser: the position given to Chromium is Jernbanetorget, Oslo S.
describe('"Bruk posisjonen min" in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Posisjonsprøven' });
  const station = aService(org, { name: 'Sangstund ved Oslo S', locations: [aLocation({ latitude: 59.9111, longitude: 10.7528, municipalityNumber: '0301' })] });
  const bodo = aService(org, {
    name: 'Band i Bodø', locations: [aLocation({ latitude: 67.28, longitude: 14.4, municipalityNumber: '1804', address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
  });
  const where = { latitude: 59.9111, longitude: 10.7528 };
  // axe is injected as a script: the test context bypasses the page's CSP for it
  const granted = (): BrowserContextOptions => ({ geolocation: where, permissions: ['geolocation'], bypassCSP: true });

  const suite = browserSuite({ seed: async (db) => {
    await store(db, [org], [station, bodo]);
  } });
  before(() => ({ base, browser } = suite));

  test('with the position granted, the button searches from it: lat and lon through the form, nearest first, said on the page', async () => {
    const context = await browser.newContext(granted());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // (the browser's own request for /favicon.ico is not the page's)
    page.on('response', (response) => { if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`); });
    await page.goto(`${base}/tilbud?q=&sted=Bod%C3%B8`);
    const button = page.getByRole('button', { name: 'Bruk posisjonen min' });
    assert.equal(await button.isVisible(), true);
    assert.deepEqual(describeViolations(await axeViolations(page)), '');
    await button.click();
    await page.waitForURL(/lat=59\.911&lon=10\.753/);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/tilbud');
    // the typed place gives way to the position, and the list is nearest first
    assert.equal(url.searchParams.get('sted') ?? '', '');
    assert.equal(url.searchParams.get('sortering'), 'avstand');
    assert.equal(await page.locator('#distance-origin').innerText(), 'Avstand målt i luftlinje fra posisjonen din: 59.911, 10.753.');
    assert.equal(await page.locator('.hit h3').first().innerText(), station.name);
    assert.equal(await page.getByRole('textbox', { name: 'Sted', exact: true }).inputValue(), '59.911, 10.753');
    // the results came in place: the line that said "finding your position" is empty again
    assert.equal(await page.locator('.use-location__status').textContent(), '');
    assert.deepEqual(describeViolations(await axeViolations(page)), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('from the front page the button goes to the finder with the position', async () => {
    const context = await browser.newContext(granted());
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Bruk posisjonen min' }).click();
    await page.waitForURL(/\/tilbud\?.*lat=59\.911&lon=10\.753/);
    assert.equal(await page.locator('.hit h3').first().innerText(), station.name);
    await context.close();
  });

  test('when the position is refused, a polite message says what to do instead, and nothing is submitted', async () => {
    // no permission granted: headless Chromium refuses as a person's "Block" would (PERMISSION_DENIED)
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud?sted=8006`);
    const before = page.url();
    await page.getByRole('button', { name: 'Bruk posisjonen min' }).click();
    const status = page.getByRole('status').filter({ hasText: 'posisjonen' });
    await status.waitFor();
    assert.match(await status.innerText(), /Vi fikk ikke bruke posisjonen din, og det er helt i orden\. Skriv postnummer eller kommune/);
    assert.equal(page.url(), before);
    assert.equal(await page.getByRole('textbox', { name: 'Sted', exact: true }).inputValue(), '8006');
    // the button can be tried again
    assert.equal(await page.getByRole('button', { name: 'Bruk posisjonen min' }).getAttribute('aria-disabled'), null);
    assert.deepEqual(describeViolations(await axeViolations(page)), '');
    await context.close();
  });

  test('without JavaScript there is no button, and the place field works as before', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, geolocation: where, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud`);
    assert.equal(await page.getByRole('button', { name: 'Bruk posisjonen min' }).count(), 0);
    assert.equal(await page.getByText('Bruk posisjonen min').count(), 0);
    await page.getByRole('textbox', { name: 'Sted', exact: true }).fill('0154');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/sted=0154/);
    assert.equal(await page.locator('#distance-origin').innerText(), 'Avstand målt i luftlinje fra postnummerets punkt: 0154 Oslo (Oslo).');
    assert.equal(await page.locator('.hit h3').first().innerText(), station.name);
    await context.close();
  });
});
