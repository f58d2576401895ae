import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../helpers/browser.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';

describe('handbook and planner in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Nordlys helse (fiktiv)', isDemo: true });
  const bodo = aService(org, {
    name: 'Lavterskel band i Bodø (fiktiv)', isDemo: true, terms: ['niva:lavterskel', 'felt:rus'],
    locations: [aLocation({ latitude: 67.28, longitude: 14.40, municipalityNumber: '1804', address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
  });

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await store(db, [org], [bodo]);
    for (const email of ['planlegger-av@example.no', 'planlegger-pa@example.no']) await anAccount(db, { email });
    await anAccount(db, { email: 'admin@example.no', name: 'Ada Admin', admin: true });
  } });
  before(() => ({ database, base, browser } = suite));

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

  for (const javaScriptEnabled of [false, true]) {
    test(`create a plan, fill it in and export the decision memo — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
      const page = await signIn(context, javaScriptEnabled ? 'planlegger-pa@example.no' : 'planlegger-av@example.no');
      await page.goto(`${base}/veileder`);
      await page.getByRole('link', { name: 'Gå til planleggeren' }).click();
      await page.getByRole('link', { name: 'Start en etableringsplan' }).click();

      await page.getByLabel('Navn på planen').fill('Musikkterapi i Bodø');
      await page.getByLabel('Virksomhet').fill('Bodø kommune');
      await page.getByLabel('Tjenestested').selectOption('kommune');
      await page.getByLabel('Kommune', { exact: true }).selectOption('1804');
      // forgetting the service level: the form comes back with everything else still filled in
      await page.getByRole('button', { name: 'Opprett planen' }).click();
      await page.waitForSelector('#niva-error');
      assert.equal(await page.getByLabel('Navn på planen').inputValue(), 'Musikkterapi i Bodø');
      assert.equal(await page.getByLabel('Kommune', { exact: true }).inputValue(), '1804');
      await page.getByLabel('Oppfølging').check();
      await page.getByRole('button', { name: 'Opprett planen' }).click();
      await page.waitForURL(/\/planlegger\/[0-9a-f-]{36}$/);
      assert.equal(await page.locator('h1').innerText(), 'Musikkterapi i Bodø');

      await page.getByRole('link', { name: 'Sjekkliste' }).click();
      const phase = page.locator('section[aria-labelledby="fase-rom"]');
      const first = phase.locator('fieldset.checklist-item').first();
      await first.getByLabel('Ferdig').check();
      await first.getByLabel('Ansvarlig').fill('Åse Ødegård');
      await phase.getByRole('button', { name: 'Lagre sjekklisten' }).click();
      await page.waitForURL(/lagret=1/);
      assert.equal(await page.locator('section[aria-labelledby="fase-rom"] fieldset.checklist-item').first().getByLabel('Ansvarlig').inputValue(), 'Åse Ødegård');

      await page.getByRole('link', { name: 'Kostnader og nytte' }).click();
      await page.getByLabel('Stillingsstørrelse (prosent)').fill('50');
      await page.getByLabel('Årslønn for hel stilling (kr)').fill('600 000');
      await page.getByLabel('Arbeidsgiverkostnader (prosent av lønn)').fill('25');
      await page.getByRole('button', { name: 'Lagre og regn ut' }).click();
      await page.waitForURL(/lagret=1/);
      assert.match((await page.locator('main').innerText()).replace(/\u00a0/g, ' '), /Årlig kostnad\s+375 000 kr/);

      await page.getByRole('link', { name: 'Dokumenter' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Beslutningsnotat (PDF)' }).click()]);
      assert.equal(download.suggestedFilename(), 'vedtaksnotat.pdf');
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())) chunks.push(chunk as Buffer);
      assert.equal(Buffer.concat(chunks).subarray(0, 5).toString(), '%PDF-');
      await context.close();
    });
  }

  test('axe finds no WCAG 2.1 A/AA violations on handbook and planner pages and their error states', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await signIn(context, 'admin@example.no');
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    for (const path of ['/veileder', '/veileder/nasjonale-retningslinjer', '/veileder/rom-og-instrumenter', '/veileder/sok?q=stillingen', '/veileder/sok?q=finnesikkeiveilederen', `/veileder/sok?q=${'a'.repeat(201)}`, '/veileder/forankring/rediger', '/veileder/forankring/historikk', '/planlegger', '/planlegger/ny']) {
      await page.goto(`${base}${path}`);
      await check(path);
    }
    // editor: a preview, an error, a saved version and its diff
    await page.goto(`${base}/veileder/forankring/rediger`);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.waitForSelector('#preview-heading');
    await check('editor preview');
    await page.getByLabel('Tittel').fill('');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForSelector('#title-error');
    await check('editor error');
    await page.getByLabel('Tittel').fill('Forankring i ledelse, planer og budsjett');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForURL(/\/veileder\/forankring$/);
    await page.goto(`${base}/veileder/forankring/historikk/2`);
    await check('revision diff');

    // the planner: the creation error state, then every page of a plan and a few error states
    await page.goto(`${base}/planlegger/ny`);
    await page.getByRole('button', { name: 'Opprett planen' }).click();
    await page.waitForSelector('#tittel-error');
    await check('new plan with errors');
    await page.getByLabel('Navn på planen').fill('Plan for axe');
    await page.getByLabel('Virksomhet').fill('Bodø kommune');
    await page.getByLabel('Tjenestested').selectOption('kommune');
    await page.getByLabel('Kommune', { exact: true }).selectOption('1804');
    await page.getByLabel('Behandling').check();
    await page.getByRole('button', { name: 'Opprett planen' }).click();
    await page.waitForURL(/\/planlegger\/[0-9a-f-]{36}$/);
    const plan = new URL(page.url()).pathname;
    for (const part of ['', '/sjekkliste', '/modenhet', '/kostnader', '/notat', '/lokalt', '/dokumenter', '/deling']) {
      await page.goto(`${base}${plan}${part}`);
      await check(`plan${part || ' overview'}`);
    }
    await page.goto(`${base}${plan}/kostnader`);
    await page.getByLabel('Stillingsstørrelse (prosent)').fill('femti');
    await page.getByRole('button', { name: 'Lagre og regn ut' }).click();
    await page.waitForSelector('#stillingsprosent-error');
    await check('business case with errors');
    await page.goto(`${base}${plan}/deling`);
    await page.getByLabel('E-postadresse').fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page.waitForSelector('#epost-error');
    await check('invitation with errors');
    await page.goto(`${base}${plan}/sjekkliste`);
    const due = page.locator('section[aria-labelledby="fase-behov"] input[name$="-frist"]').first();
    // a browser's date picker cannot produce a bad date; a browser without one can
    await due.evaluate((input) => { (input as HTMLInputElement).type = 'text'; });
    await due.fill('31.02.2026');
    await page.locator('section[aria-labelledby="fase-behov"]').getByRole('button').click();
    await page.waitForSelector('.ds-error-summary');
    assert.equal(await page.locator('section[aria-labelledby="fase-behov"] input[name$="-frist"]').first().inputValue(), '31.02.2026');
    await check('checklist with errors');
    await context.close();
  });
  test('checklist: ticks in two phases survive one save, and leaving with unsaved changes asks first', async () => {
    await anAccount(database.db, { email: 'sjekkliste@example.no' });
    const context = await browser.newContext();
    const page = await signIn(context, 'sjekkliste@example.no');
    await page.goto(`${base}/planlegger/ny`);
    await page.getByLabel('Navn på planen').fill('Sjekklisteplan');
    await page.getByLabel('Virksomhet').fill('Bodø kommune');
    await page.getByLabel('Tjenestested').selectOption('kommune');
    await page.getByLabel('Kommune', { exact: true }).selectOption('1804');
    await page.getByLabel('Oppfølging').check();
    await page.getByRole('button', { name: 'Opprett planen' }).click();
    await page.waitForURL(/\/planlegger\/[0-9a-f-]{36}$/);
    const plan = new URL(page.url()).pathname;
    await page.goto(`${base}${plan}/sjekkliste`);

    const behov = page.locator('section[aria-labelledby="fase-behov"] fieldset.checklist-item').first();
    const rom = page.locator('section[aria-labelledby="fase-rom"] fieldset.checklist-item').first();
    await behov.getByLabel('Ferdig').check();
    await rom.getByLabel('Ikke relevant').check();
    await rom.getByLabel('Kommentar').fill('Vi bruker rommet til kulturskolen');

    // leaving now asks first; staying keeps what was typed
    const asked: string[] = [];
    page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.dismiss(); });
    await page.getByRole('link', { name: 'Oversikt' }).click({ noWaitAfter: true });
    await page.waitForTimeout(500);
    assert.deepEqual(asked, ['beforeunload']);
    assert.match(page.url(), /\/sjekkliste$/);
    assert.ok(await behov.getByLabel('Ferdig').isChecked());

    // one save, with the button of one phase, keeps both phases' ticks
    await page.locator('section[aria-labelledby="fase-behov"]').getByRole('button', { name: 'Lagre sjekklisten' }).click();
    await page.waitForURL(/lagret=1#fase-behov/);
    await page.reload();
    assert.ok(await page.locator('section[aria-labelledby="fase-behov"] fieldset.checklist-item').first().getByLabel('Ferdig').isChecked());
    const romAfter = page.locator('section[aria-labelledby="fase-rom"] fieldset.checklist-item').first();
    assert.ok(await romAfter.getByLabel('Ikke relevant').isChecked());
    assert.equal(await romAfter.getByLabel('Kommentar').inputValue(), 'Vi bruker rommet til kulturskolen');

    // after the save, leaving asks nothing
    page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.accept(); });
    await page.getByRole('link', { name: 'Oversikt' }).click();
    await page.waitForURL((url) => url.pathname === plan);
    assert.deepEqual(asked, ['beforeunload']);
    await context.close();
  });
});
