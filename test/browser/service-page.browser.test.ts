import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';

describe('an offer\'s page in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Nordlys helse (fiktiv)', isDemo: true });
  const open = aService(org, {
    name: 'Lavterskel band og låtskriving i Bodø for unge voksne (fiktiv)', isDemo: true, email: 'musikkterapi.lavterskel@nordlys-helse.example',
    terms: ['niva:lavterskel', 'felt:rus', 'tilgang:egenhenvisning', 'tilgang:henvisning', 'henviser:fastlege', 'henviser:nav', 'henviser:kommunen', 'format:gruppe'],
    phones: [{ number: '+47 75 12 34 56', description: 'Musikkterapeuten (fiktivt nummer)' }],
    contacts: [{ name: 'Ola Eksempel (fiktiv)', title: 'Musikkterapeut', email: 'ola.eksempel.musikkterapeut@nordlys-helse.example' }],
    applicationProcess: 'Kom innom på tirsdager, eller ring.', waitTime: 'Ingen ventetid', feesDescription: 'Gratis',
    locations: [aLocation({ name: 'Kulturhuset (fiktivt)', latitude: 67.2804, longitude: 14.4049, municipalityNumber: '1804', address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
  });
  const secret = aService(org, { name: 'Skjermet gruppe (fiktiv)', isDemo: true, terms: ['niva:behandling', 'tilgang:henvisning', 'henviser:spesialisthelsetjenesten'], locations: [aLocation({ isConfidential: true })] });

  const suite = browserSuite({ seed: async (db) => {
    await store(db, [org], [open, secret]);
  } });
  before(() => ({ base, browser } = suite));

  for (const service of [open, secret]) {
    test(`${service.name}: no axe violations, the help lines open without JavaScript, and no request fails`, async () => {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
      await page.goto(`${base}/tilbud/${service.id}`);
      await page.getByText('Flere hjelpetelefoner').click();
      assert.equal(await page.getByRole('link', { name: '22 40 00 40' }).isVisible(), true);
      // the browser asks for the icon itself; it must be there
      const icon = await page.request.get(`${base}/favicon.ico`);
      assert.equal(icon.status(), 200);
      await context.close();
      assert.deepEqual(failed, []);

      const withJs = await browser.newContext({ bypassCSP: true });
      const checked = await withJs.newPage();
      await checked.goto(`${base}/tilbud/${service.id}`);
      const violations = await axeViolations(checked);
      assert.deepEqual(violations, [], describeViolations(violations));
      await withJs.close();
    });
  }

  for (const width of [320, 390, 1280]) {
    test(`at ${width} px the offer's content fits the screen: nothing in it scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/tilbud/${open.id}`);
      await page.getByText('Flere hjelpetelefoner').click();
      // the site's header is item 1's (navigation); this page's own content is checked here
      const overflowing = await page.evaluate((viewport) => {
        const main = document.querySelector('main')!;
        return [...main.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > viewport + 0.5 && el.getClientRects().length > 0)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      }, width);
      assert.deepEqual(overflowing, []);
      const svgBox = await page.locator('.location-map svg').boundingBox();
      assert.ok(svgBox && svgBox.width > 100 && svgBox.width <= width, 'the small map is shown and fits');
      await context.close();
    });
  }
});
