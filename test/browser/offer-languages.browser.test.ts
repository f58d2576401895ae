import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from '../helpers/db.ts';
import { testApp, listenOnLoopback } from '../helpers/app.ts';
import { axeViolations, browserSkip, describeViolations, launchBrowser } from '../helpers/browser.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

// An offer's own text in the reader's language (issue #17), in a real browser: the English finder
// shows an English description marked lang="en" and a bokmål-only one marked lang="nb", with no
// axe violations; the offer page and the editor's form likewise.
describe('offers in the reader\'s language in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Fjordklang (fiktiv)', isDemo: true });
  const english = aService(org, {
    name: 'Trommegruppe i Molde (fiktiv)', isDemo: true, description: 'Fiktivt demotilbud. Vi spiller trommer sammen hver tirsdag.',
    translations: [{ language: 'en', name: 'Drumming group in Molde (fictional)', description: 'Fictional demo service. We play drums together every Tuesday.', applicationProcess: null }],
  });
  const bokmal = aService(org, { name: 'Korgruppe i Molde (fiktiv)', isDemo: true, description: 'Fiktivt demotilbud. Vi synger sammen hver torsdag.' });

  before(async () => {
    database = await freshDatabase('pglite');
    await store(database.db, [org], [english, bokmal]);
    app = await testApp(database.db);
    base = await listenOnLoopback(app);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  test('/tilbud?lang=en: an English description with lang="en", a bokmål-only one with lang="nb", and no axe violations', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/tilbud?lang=en`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const translated = page.locator('.hit', { has: page.locator(`a[href="/tilbud/${english.id}"]`) });
    assert.equal(await translated.locator('h3 a').innerText(), 'Drumming group in Molde (fictional)');
    const summary = translated.locator('.hit__summary');
    assert.equal(await summary.getAttribute('lang'), 'en');
    assert.match(await summary.innerText(), /We play drums together every Tuesday/);
    const plain = page.locator('.hit', { has: page.locator(`a[href="/tilbud/${bokmal.id}"]`) }).locator('.hit__summary');
    assert.equal(await plain.getAttribute('lang'), 'nb');
    assert.match(await plain.innerText(), /Vi synger sammen/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // the English description's page, then the bokmål one's, with the note that it is in bokmål
    await translated.locator('h3 a').click();
    await page.waitForURL(`**/tilbud/${english.id}`);
    assert.equal(await page.locator('h1').getAttribute('lang'), 'en');
    assert.equal(await page.locator('.lead').getAttribute('lang'), 'en');
    await page.goto(`${base}/tilbud/${bokmal.id}`);
    assert.equal(await page.locator('.lead').getAttribute('lang'), 'nb');
    assert.equal(await page.getByText('The service has described itself in Norwegian (Bokmål) only.', { exact: false }).count(), 1);
    const onOffer = await axeViolations(page);
    assert.deepEqual(onOffer, [], describeViolations(onOffer));
    await context.close();
  });
});
