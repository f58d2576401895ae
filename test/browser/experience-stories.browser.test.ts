import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { newId } from '../../src/platform/ids.ts';
import { loadDemoStories } from '../../src/experiences/index.ts';
import { insertStory } from '../../src/experiences/stories/queries.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';

describe('stories told with consent in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    const orgId = newId();
    await db.insertInto('network_organization').values({ id: orgId, slug: 'nettverket', name: 'Nettverket (fiktiv)', network_role: 'member', kind: 'other', is_demo: true }).execute();
    for (const email of ['forteller-av@example.no', 'forteller-pa@example.no']) {
      const id = await anAccount(db, { email });
      await db.insertInto('network_membership').values({ id: newId(), user_id: id, organization_id: orgId, role: 'participant', status: 'approved' }).execute();
    }
    await loadDemoStories(db);
  } });
  before(() => ({ database, base, browser } = suite));

  async function expectAccessible(page: Page, what: string) {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
  }
  /** WCAG 1.4.10: at 320 CSS px nothing needs scrolling sideways. */
  async function expectReflow(page: Page, what: string) {
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 320 px`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

  for (const javaScriptEnabled of [false, true]) {
    test(`write a story, get the receipt, and withdraw it with the code — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const page = await signIn(context, javaScriptEnabled ? 'forteller-pa@example.no' : 'forteller-av@example.no');
      await page.goto(`${base}/nettverket/fortellinger/ny`);
      if (javaScriptEnabled) await expectAccessible(page, 'the story form');
      await expectReflow(page, 'the story form');
      const pseudonym = `Nora ${javaScriptEnabled ? 'med' : 'uten'} skript`;
      await page.getByLabel('Psevdonym').fill(pseudonym);
      await page.getByLabel('Aldersgruppe').selectOption('40-59');
      await page.getByLabel('Helseregion').selectOption('helse-midt-norge');
      await page.getByLabel('Tjenestested').selectOption('kommune');
      await page.getByLabel('Tjenestenivå').selectOption('oppfolging');
      await page.getByLabel('Fortellingen', { exact: true }).fill('Jeg begynte å synge igjen.');
      await page.getByLabel('Utdrag 1', { exact: true }).fill('Jeg begynte å synge igjen.');
      await page.getByLabel('Tema for utdrag 1').selectOption('mestring');
      await page.getByRole('button', { name: 'Lagre' }).click();
      await page.waitForSelector('.receipt-code');
      if (javaScriptEnabled) await expectAccessible(page, 'the receipt');
      const code = (await page.locator('.receipt-code').textContent())!.trim();

      const teller = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const form = await teller.newPage();
      await form.goto(`${base}/erfaringer/trekk-tilbake`);
      if (javaScriptEnabled) await expectAccessible(form, 'the withdrawal form');
      await expectReflow(form, 'the withdrawal form');
      await form.getByLabel('Kode fra kvitteringen').fill('feil-kode');
      await form.getByRole('button', { name: 'Trekk tilbake' }).click();
      await form.waitForSelector('#kode-error');
      if (javaScriptEnabled) await expectAccessible(form, 'the withdrawal form with an error');
      await form.getByLabel('Kode fra kvitteringen').fill(code);
      await form.getByRole('button', { name: 'Trekk tilbake' }).click();
      await form.waitForURL(/ferdig$/);
      await page.goto(`${base}/nettverket/fortellinger`);
      assert.equal(await page.getByText(pseudonym).count(), 0, 'gone from the editors\' list');
      await context.close();
      await teller.close();
    });
  }

  for (const javaScriptEnabled of [false, true]) {
    test(`the teller reads the draft with the receipt code and answers — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const db = database.db;
      const { id, code } = await db.transaction().execute((trx) => insertStory(trx, {
        pseudonym: `Oda ${javaScriptEnabled ? 'med' : 'uten'} skript`, ageBand: '25-39', healthRegionCode: 'helse-vest', setting: 'kommune', serviceLevel: 'lavterskel',
        interviewYear: 2026, body: 'Vi spilte sammen hver tirsdag.\n\nDet ble et fast punkt i uka.', excerpts: [{ theme: 'fellesskap', body: 'Vi spilte sammen hver tirsdag.' }],
        consents: [{ purpose: 'nettside', givenOn: '2026-11-20' }],
      }, 'system'));
      await db.updateTable('experience_story').set({ status: 'til_gjennomlesing' }).where('id', '=', id).execute();
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${base}/erfaringer/gjennomlesing`);
      if (javaScriptEnabled) await expectAccessible(page, 'the review code form');
      await expectReflow(page, 'the review code form');
      await page.getByLabel('Kode fra kvitteringen').fill(code);
      await page.getByRole('button', { name: 'Vis fortellingen' }).click();
      await page.waitForSelector('#draft-heading');
      if (javaScriptEnabled) await expectAccessible(page, 'the draft');
      await expectReflow(page, 'the draft');
      await page.getByRole('button', { name: 'Jeg vil ha endringer' }).click();
      await page.waitForSelector('#kommentar-error');
      if (javaScriptEnabled) await expectAccessible(page, 'the draft with an error');
      await page.getByLabel('Kommentar til intervjueren').fill('Skriv onsdag, ikke tirsdag.');
      await page.getByRole('button', { name: 'Jeg vil ha endringer' }).click();
      await page.waitForURL(/takk/);
      assert.match((await page.locator('main').textContent())!, /retter teksten/);
      const row = await db.selectFrom('experience_story').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'utkast');
      await context.close();
    });
  }

  test('quotes on a handbook section and the survey figures on the network\'s front page pass axe', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/veileder/malgruppe-og-tjenesteniva`);
    assert.equal(await page.locator('#erfaringer-fra-brukere').count(), 1, 'the demo stories may be quoted in the handbook');
    await expectAccessible(page, 'a handbook section with quotes');
    await page.goto(`${base}/nettverket`);
    assert.equal(await page.locator('#svar-fra-brukerne').count(), 1);
    await expectAccessible(page, 'the network\'s front page with survey figures');
    await context.close();
  });

  test('the public pages pass axe and reflow at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/erfaringer`);
    await expectAccessible(page, '/erfaringer');
    await expectReflow(page, '/erfaringer');
    await page.getByRole('link', { name: 'Fellesskap' }).first().click();
    await expectAccessible(page, 'a theme page');
    await expectReflow(page, 'a theme page');
    await page.goto(`${base}/erfaringer`);
    await page.locator('.story-list a').first().click();
    await expectAccessible(page, 'a story page');
    await expectReflow(page, 'a story page');
    await context.close();
  });
});
