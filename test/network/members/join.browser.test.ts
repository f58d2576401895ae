import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newId } from '../../../src/platform/ids.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../../helpers/browser.ts';
import { PASSWORD, anAccount } from '../../accounts/client.ts';

describe('network members in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    const org = async (slug: string) => (await db.selectFrom('network_organization').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const contact = async (email: string, slug: string) => {
      const id = await anAccount(db, { email, name: `Kontakt ${slug}` });
      await db.insertInto('network_membership').values({ id: newId(), user_id: id, organization_id: await org(slug), role: 'member_contact', status: 'approved' }).execute();
    };
    await contact('kontakt-rio@example.no', 'rio');
    await contact('kontakt-alarm@example.no', 'a-larm');
    for (const email of ['deltaker-av@example.no', 'deltaker-pa@example.no', 'venter@example.no']) await anAccount(db, { email, name: email.split('@')[0] });
    await anAccount(db, { email: 'admin@example.no', name: 'Ada Admin', admin: true });
  } });
  before(() => ({ base, browser } = suite));

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

  for (const javaScriptEnabled of [false, true]) {
    test(`ask to join, the member contact refuses without a reason, then approves — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const [who, organization, slug, contactEmail] = javaScriptEnabled
        ? ['deltaker-pa', 'RIO', 'rio', 'kontakt-rio@example.no'] : ['deltaker-av', 'A-larm', 'a-larm', 'kontakt-alarm@example.no'];
      const person = await browser.newContext({ javaScriptEnabled });
      const page = await signIn(person, `${who}@example.no`);
      await page.goto(`${base}/`);
      await page.locator('header').getByRole('link', { name: 'Nettverket' }).click();
      await page.getByRole('link', { name: 'Medlemmer og gjester' }).click();
      await page.getByRole('link', { name: organization, exact: true }).click();
      await page.getByRole('link', { name: 'Be om å bli med' }).click();
      await page.getByLabel('Rolle du ber om').selectOption('participant');
      await page.getByLabel('Melding til den som avgjør (valgfritt)').fill('Jeg er erfaringskonsulent.');
      await page.getByRole('button', { name: 'Send forespørselen' }).click();
      await page.waitForURL(`${base}/nettverket/medlemmer/${slug}?sendt=1`);
      assert.match(await page.locator('main').innerText(), /venter på svar/);

      const decider = await browser.newContext({ javaScriptEnabled });
      const queue = await signIn(decider, contactEmail);
      await queue.goto(`${base}/nettverket/min-side`);
      await queue.getByRole('link', { name: 'Til forespørslene' }).click();
      const item = queue.locator('section', { hasText: `${who}@example.no` });
      assert.match(await item.innerText(), /Jeg er erfaringskonsulent\./);
      await item.getByRole('button', { name: /^Avslå/ }).click();
      await queue.waitForSelector('.ds-error-summary');
      if (javaScriptEnabled) assert.equal(await queue.evaluate(() => document.activeElement?.getAttribute('data-module')), 'error-summary');
      await queue.locator('section', { hasText: `${who}@example.no` }).getByRole('button', { name: /^Godkjenn/ }).click();
      await queue.waitForURL(/godkjent=/);
      assert.match(await queue.locator('main').innerText(), new RegExp(`er godkjent i ${organization}`));

      await page.goto(`${base}/nettverket/min-side`);
      assert.match(await page.locator('main').innerText(), new RegExp(`${organization}\\s+Deltaker, godkjent`));
      await person.close();
      await decider.close();
    });
  }

  const PUBLIC_PAGES = ['/nettverket', '/nettverket/medlemmer', '/nettverket/medlemmer/korus', '/nettverket/medlemmer/mental-helse-ung'];

  test('axe finds no WCAG 2.1 A/AA violations on the members pages and their error states', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const check = async (page: Page, label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    const anonymous = await context.newPage();
    for (const path of PUBLIC_PAGES) {
      await anonymous.goto(`${base}${path}`);
      await check(anonymous, path);
    }
    const admin = await signIn(await browser.newContext({ bypassCSP: true }), 'admin@example.no');
    const person = await signIn(await browser.newContext({ bypassCSP: true }), 'venter@example.no');
    await person.goto(`${base}/nettverket/medlemmer/erfaringssentrum/bli-med`);
    await check(person, 'join form');
    await person.getByRole('button', { name: 'Send forespørselen' }).click();
    await person.waitForURL(/sendt=1/);
    await check(person, 'organisation page with a pending request');
    await person.goto(`${base}/nettverket/min-side`);
    await check(person, 'own page');

    await admin.goto(`${base}/nettverket/medlemmer/foresporsler`);
    await check(admin, 'request queue');
    await admin.locator('section', { hasText: 'venter@example.no' }).getByRole('button', { name: /^Avslå/ }).click();
    await admin.waitForSelector('.ds-error-summary');
    await check(admin, 'request queue with an error');
    await admin.goto(`${base}/nettverket/medlemmer/erfaringssentrum/deltakere`);
    await check(admin, 'people page');
    await admin.getByLabel('E-postadressen til kontoen').fill('ingen@example.no');
    await admin.getByRole('button', { name: 'Utnevn til koordinator' }).click();
    await admin.waitForSelector('#epost-error');
    await check(admin, 'people page with an error');
    await admin.goto(`${base}/nettverket/medlemmer/ny`);
    await admin.getByLabel('Nettsted').fill('http://eksempel.no');
    await admin.getByRole('button', { name: 'Legg til organisasjonen' }).click();
    await admin.waitForSelector('#navn-error');
    await check(admin, 'new organisation with errors');
    await admin.goto(`${base}/nettverket/medlemmer/rio/rediger`);
    await check(admin, 'edit organisation');
    await admin.goto(`${base}/nettverket`);
    await check(admin, 'front page signed in');
    await context.close();
  });

  test('the members pages reflow at 320 px without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await signIn(context, 'admin@example.no');
    for (const path of [...PUBLIC_PAGES, '/nettverket/min-side', '/nettverket/medlemmer/foresporsler', '/nettverket/medlemmer/rio/deltakere', '/nettverket/medlemmer/ny', '/nettverket/medlemmer/rio/bli-med']) {
      await page.goto(`${base}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px`);
    }
    await context.close();
  });
});
