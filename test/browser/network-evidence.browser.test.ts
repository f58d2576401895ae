import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../helpers/browser.ts';
import { PASSWORD } from '../accounts/client.ts';
import { PEOPLE, evidencePeople, fixture } from '../network/evidence/helpers.ts';

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/evidence/${name}`, import.meta.url));

describe('the evidence library in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await evidencePeople(db);
  } });
  before(() => ({ base, browser } = suite));

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

  for (const javaScriptEnabled of [false, true]) {
    test(`filter the list, follow the map, and import references as the secretariat — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${base}/nettverket/kunnskap`);
      await page.getByLabel('Studiedesign').selectOption('rct');
      await page.getByLabel('Utfall').selectOption('craving');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL(/design=rct/);
      assert.match(await page.locator('#evidence-count').innerText(), /^2 kilder$/);
      assert.equal(await page.getByLabel('Studiedesign').inputValue(), 'rct');

      await page.getByRole('link', { name: 'Kunnskapskart' }).first().click();
      await page.waitForURL(/\/kart$/);
      await page.getByRole('link', { name: '2 kilder: Engasjement og motivasjon, Randomisert kontrollert studie' }).click();
      await page.waitForURL(/utfall=engagement_motivation/);
      assert.equal(await page.locator('.evidence-table tbody tr').count(), 2);
      await context.close();

      const secretariat = await browser.newContext({ javaScriptEnabled });
      const own = await signIn(secretariat, PEOPLE.coordinator);
      await own.goto(`${base}/nettverket/kunnskap`);
      await own.getByRole('link', { name: 'Importer referanser' }).click();
      if (javaScriptEnabled) {
        await own.getByLabel('Referanser').fill(fixture('studies.bib'));
        await own.locator('form[action$="/lim-inn"]').getByRole('button', { name: 'Se over før import' }).click();
      } else {
        await own.getByLabel('Fil', { exact: true }).setInputFiles(fixturePath('two-studies.ris'));
        await own.locator('form[enctype="multipart/form-data"]').getByRole('button', { name: 'Se over før import' }).click();
      }
      await own.waitForSelector('h1:has-text("Se over importen")');
      await own.getByRole('button', { name: 'Importer 2 referanser' }).click();
      await own.waitForURL(/importert=2/);
      assert.match(await own.locator('main').innerText(), /2 kilder importert/);
      // the JavaScript-off run comes first: 24 seeded + 2, then 2 more
      assert.equal(await own.locator('#evidence-count').innerText(), javaScriptEnabled ? '28 kilder' : '26 kilder');
      await secretariat.close();
    });
  }

  test('axe finds no WCAG 2.1 A/AA violations on the library\'s pages, forms and error states; they reflow at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await signIn(context, PEOPLE.coordinator);
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    const pages = ['/nettverket/kunnskap', '/nettverket/kunnskap?design=qualitative&populasjon=mental_health', '/nettverket/kunnskap?design=ukjent', '/nettverket/kunnskap?utfall=anxiety&design=cohort',
      '/nettverket/kunnskap/kart', '/nettverket/kunnskap/retningslinjer', '/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud', '/nettverket/kunnskap/ny',
      '/nettverket/kunnskap/kilde/hdir2013-is1957-psykose/endre', '/nettverket/kunnskap/import', '/om'];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await check(path);
    }
    // a form with errors, an import preview and an import error
    await page.goto(`${base}/nettverket/kunnskap/ny`);
    await page.getByLabel('DOI').fill('ikke en doi');
    await page.getByLabel('Effektstørrelse', { exact: true }).fill('d = 0,3 (fiktiv)');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForSelector('#doi-error');
    await check('entry form with errors');
    await page.goto(`${base}/nettverket/kunnskap/import`);
    await page.getByLabel('Referanser').fill(fixture('studies.csl.json'));
    await page.locator('form[action$="/lim-inn"]').getByRole('button', { name: 'Se over før import' }).click();
    await page.waitForSelector('.evidence-preview');
    await check('import preview');
    await page.goto(`${base}/nettverket/kunnskap/import`);
    await page.getByLabel('Referanser').fill(fixture('malformed.bib'));
    await page.locator('form[action$="/lim-inn"]').getByRole('button', { name: 'Se over før import' }).click();
    await page.waitForSelector('#import-error');
    await check('import error');

    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px`);
    }
    await context.close();
  });
});
