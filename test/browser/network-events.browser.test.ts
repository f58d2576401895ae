import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../helpers/browser.ts';
import { PASSWORD, anAccount, lastMailTo, pathOf } from '../accounts/client.ts';
import { anEvent } from '../network/events/helpers.ts';

describe('network events in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let browser: Browser;
  let base: string;
  let eventId: string;
  let pastId: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await anAccount(db, { email: 'admin@example.no', name: 'Ada Admin', admin: true });
    for (const email of ['medlem-av@example.no', 'medlem-pa@example.no']) await anAccount(db, { email, name: 'Mona Medlem' });
    const startsAt = new Date(Date.now() + 20 * 86_400_000);
    startsAt.setUTCHours(8, 0, 0, 0);
    eventId = await anEvent(db, {
      title: 'Arbeidsseminar i nettleseren', capacity: 20, startsAt, endsAt: new Date(startsAt.getTime() + 5 * 3_600_000),
      registrationDeadline: new Date(startsAt.getTime() - 3 * 86_400_000),
      agenda: [{ startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), title: 'Velkommen' }, { startsAt: new Date(startsAt.getTime() + 1_800_000), endsAt: null, title: 'Gruppearbeid om tilgang til musikkterapi i hele landet' }],
    });
    pastId = await anEvent(db, { title: 'Seminar som har vært', daysAhead: -3 });
  } });
  before(() => ({ database, base, browser } = suite));

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

  for (const javaScriptEnabled of [false, true]) {
    test(`a guest registers, fixes a wrong address without losing what was typed, and confirms through the mailed link — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const email = javaScriptEnabled ? 'gjest-pa@example.no' : 'gjest-av@example.no';
      await page.goto(`${base}/nettverket/arrangementer`);
      await page.getByRole('link', { name: 'Arbeidsseminar i nettleseren' }).click();
      await page.getByLabel('Navn').fill('Gunn Gjest');
      await page.getByLabel('E-post').fill('gunn-uten-krøllalfa');
      await page.getByLabel('Mat og allergier').fill('Vegansk');
      await page.getByRole('button', { name: 'Meld meg på' }).click();
      await page.waitForSelector('#email-error');
      assert.equal(await page.getByLabel('Navn').inputValue(), 'Gunn Gjest');
      assert.equal(await page.getByLabel('Mat og allergier').inputValue(), 'Vegansk');
      await page.getByLabel('E-post').fill(email);
      await page.getByRole('button', { name: 'Meld meg på' }).click();
      await page.waitForURL(/melding=epost/);
      assert.match(await page.getByRole('status').innerText(), /Sjekk e-posten/);
      const link = pathOf((await lastMailTo(database.db, email)).link!);
      await page.goto(`${base}${link}`);
      await page.getByRole('button', { name: 'Bekreft påmeldingen' }).click();
      await page.waitForSelector('h1:text("Påmeldingen er bekreftet")');
      assert.match(await page.locator('main').innerText(), /Du er påmeldt «Arbeidsseminar i nettleseren»/);
      await context.close();
    });

    test(`a signed-in member registers in one step and cancels — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await signIn(context, javaScriptEnabled ? 'medlem-pa@example.no' : 'medlem-av@example.no');
      await page.goto(`${base}/nettverket/arrangementer/${eventId}`);
      await page.getByLabel('Tolk (for eksempel tegnspråk- eller skrivetolk)').fill('Skrivetolk');
      await page.getByRole('button', { name: 'Meld meg på' }).click();
      await page.waitForURL(/melding=pameldt/);
      assert.match(await page.getByRole('status').innerText(), /Du er påmeldt/);
      assert.equal(await page.getByLabel('Tolk (for eksempel tegnspråk- eller skrivetolk)').inputValue(), 'Skrivetolk');
      await page.getByRole('button', { name: 'Meld meg av' }).click();
      await page.waitForURL(/melding=avmeldt/);
      assert.match(await page.getByRole('status').innerText(), /meldt deg av/);
      await context.close();
    });
  }

  test('axe finds no WCAG 2.1 A/AA violations on the events pages and their error states; they reflow at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await signIn(context, 'admin@example.no');
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    const pages = ['/nettverket/arrangementer', `/nettverket/arrangementer/${eventId}`, `/nettverket/arrangementer/${eventId}/deltakere`,
      '/nettverket/arrangementer/nytt', `/nettverket/arrangementer/${eventId}/endre`, `/nettverket/arrangementer/${pastId}`, `/nettverket/arrangementer/${pastId}/referat`];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await check(path);
    }
    await page.goto(`${base}/nettverket/arrangementer/nytt`);
    await page.getByLabel('Tittel').fill('Med feil');
    await page.getByLabel('Startdato').fill('2026-02-28');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForSelector('#startTime-error');
    await check('event form with errors');
    await page.goto(`${base}/nettverket/arrangementer/${pastId}/referat`);
    await page.getByLabel('Referat (Markdown)').fill('## Oppsummering\n\n- Ett punkt');
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.waitForSelector('#preview-heading');
    await check('minutes preview');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForURL(new RegExp(`/nettverket/arrangementer/${pastId}`));
    await check('event page with minutes');

    const guest = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 800 } });
    const small = await guest.newPage();
    for (const path of ['/nettverket/arrangementer', `/nettverket/arrangementer/${eventId}`, `/nettverket/arrangementer/${pastId}`]) {
      await small.goto(`${base}${path}`);
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways at 320 px by ${overflow} px`);
    }
    await small.goto(`${base}/nettverket/arrangementer/${eventId}`);
    await small.getByRole('button', { name: 'Meld meg på' }).click();
    await small.waitForSelector('#name-error');
    const violations = await axeViolations(small);
    assert.equal(violations.length, 0, `registration errors at 320 px:\n${describeViolations(violations)}`);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `registration errors scroll sideways at 320 px by ${overflow} px`);
    await guest.close();
    await context.close();
  });
});
