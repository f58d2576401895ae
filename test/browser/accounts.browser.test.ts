import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { PASSWORD, anAccount, lastMailTo } from '../accounts/client.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

/** A valid organisation number from eight digits or the next that has one (the mod-11 check digit appended). */
function organizationNumber(base: number): string {
  const digits = String(base);
  const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((total, w, i) => total + w * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? organizationNumber(base + 1) : `${digits}${check}`;
}

describe('accounts, self-service and moderation in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Eksisterende organisasjon' });
  const existing = aService(org, { name: 'Eksisterende tilbud' });

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await store(db, [org], [existing]);
    await sql`update app_setting set value = value`.execute(db);
    await anAccount(db, { email: 'moderator@example.no', admin: true });
  } });
  before(() => ({ database, base, browser } = suite));

  async function signIn(page: Page, email: string) {
    await page.goto(`${base}/logg-inn`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/mine-tilbud/);
  }

  for (const javaScriptEnabled of [false, true]) {
    const mode = javaScriptEnabled ? 'on' : 'off';
    test(`register → verify → organisation → service → submit → approve → in the finder — JavaScript ${mode}`, async () => {
      const email = `redaktor-${mode}@example.no`;
      const serviceName = `Trommegruppe ${mode === 'on' ? 'Tromsø' : 'Tønsberg'}`;
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();

      await page.goto(`${base}/registrer`);
      await page.locator('#name').fill('Rita Redaktør');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Registrer' }).click();
      await page.waitForURL(/\/registrer$/);
      assert.match(await page.locator('h1').innerText(), /Sjekk e-posten/);

      const link = (await lastMailTo(database.db, email)).link!;
      await page.goto(`${base}${new URL(link).pathname}`);
      await page.locator('#password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Bekreft e-postadressen' }).click();
      assert.match(await page.locator('h1').innerText(), /bekreftet/);

      await signIn(page, email);
      await page.getByRole('link', { name: 'Registrer et tilbud' }).click();
      await page.locator('#orgnr').fill(organizationNumber(mode === 'on' ? 91234567 : 81234567));
      await page.locator('#orgName').fill(`Musikkhuset ${mode}`);
      await page.getByRole('button', { name: 'Registrer organisasjonen' }).click();
      await page.waitForURL(/\/nytt-tilbud\?melding=registrert$/);
      assert.match(await page.locator('main').innerText(), /venter på godkjenning/);

      await page.locator('#name').fill(serviceName);
      await page.locator('#description').fill('Vi spiller trommer sammen. Ingen erfaring trengs.');
      await page.getByLabel('Lavterskeltilbud', { exact: true }).check();
      await page.getByLabel('Rus', { exact: true }).check();
      await page.locator('#location-0-address1').fill('Storgata 10');
      await page.locator('#location-0-postalCode').fill(mode === 'on' ? '9008' : '3110');
      await page.getByRole('button', { name: 'Send til godkjenning' }).click();
      await page.waitForURL(/melding=sendt/);
      assert.match(await page.locator('main').innerText(), /sendt til godkjenning/);
      await context.close();

      const moderator = await browser.newContext({ javaScriptEnabled });
      const adminPage = await moderator.newPage();
      await signIn(adminPage, 'moderator@example.no');
      await adminPage.getByRole('link', { name: 'Moderering' }).click();
      // the new organisation and its first editor are approved first, like a claim
      await adminPage.locator('li', { hasText: email }).getByRole('button', { name: /^Godkjenn/ }).click();
      await adminPage.waitForURL(/\/moderering$/);
      await adminPage.getByRole('link', { name: serviceName }).click();
      assert.match(await adminPage.locator('table.diff').innerText(), /Trommegruppe/);
      await adminPage.getByRole('button', { name: 'Godkjenn og publiser' }).click();
      assert.match(await adminPage.locator('main').innerText(), /godkjent og publisert/);
      await moderator.close();

      const publicContext = await browser.newContext({ javaScriptEnabled });
      const publicPage = await publicContext.newPage();
      await publicPage.goto(`${base}/tilbud`);
      await publicPage.locator('#q').fill('trommegruppe');
      await publicPage.getByRole('button', { name: 'Søk', exact: true }).click();
      await publicPage.waitForURL(/q=trommegruppe/);
      await publicPage.getByRole('link', { name: serviceName }).click();
      assert.equal(await publicPage.locator('h1').innerText(), serviceName);
      assert.match(await publicPage.locator('main').innerText(), /Storgata 10/);
      await publicContext.close();
    });
  }

  test('axe finds no WCAG 2.1 A/AA violations on every account, self-service and moderation page, with and without errors', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    const submitEmpty = async (url: string, button: string) => {
      await page.goto(`${base}${url}`);
      await check(url);
      await page.getByRole('button', { name: button, exact: true }).first().click();
      await page.waitForLoadState();
      await check(`${url} after submitting it empty`);
    };
    await submitEmpty('/registrer', 'Registrer');
    await submitEmpty('/logg-inn', 'Logg inn');
    await submitEmpty('/glemt-passord', 'Send lenke');
    await submitEmpty(`/tilbud/${existing.id}/meld-feil`, 'Send melding');
    for (const url of ['/personvern', '/nytt-passord/ukjent-lenke-som-ikke-finnes', '/konto']) {
      await page.goto(`${base}${url}`);
      await check(url);
    }
    await anAccount(database.db, { email: 'axe@example.no', editorOf: [org.id] });
    await page.goto(`${base}/logg-inn`);
    await page.locator('#email').fill('axe@example.no');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/mine-tilbud/);
    await check('/mine-tilbud');
    await submitEmpty('/registrer-tilbud', 'Registrer organisasjonen');
    await submitEmpty(`/mine-tilbud/${org.id}/nytt-tilbud`, 'Send til godkjenning');
    await page.goto(`${base}/mine-tilbud/tilbud/${existing.id}/endre`);
    await check('change form');
    await page.locator('#phone-0-number').fill('ring meg');
    await page.locator('#minimumAge').fill('tolv');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.waitForLoadState();
    await check('change form with errors');
    await page.locator('#phone-0-number').fill('22 33 44 55');
    await page.locator('#minimumAge').fill('12');
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.waitForURL(/melding=sendt/);
    await submitEmpty('/konto/slett', 'Slett kontoen for godt');
    await page.goto(`${base}/konto`);
    await check('/konto signed in');

    await context.clearCookies();
    await page.goto(`${base}/logg-inn`);
    await page.locator('#email').fill('moderator@example.no');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/mine-tilbud/);
    for (const url of ['/moderering', '/moderering/oversikt', '/moderering/utboks', `/moderering/historikk/${existing.id}`]) {
      await page.goto(`${base}${url}`);
      await check(url);
    }
    const { rows } = await sql<{ id: string }>`select id from change_request where status = 'submitted' limit 1`.execute(database.db);
    if (rows[0]) {
      await page.goto(`${base}/moderering/endring/${rows[0].id}`);
      await check('review');
      await page.getByRole('button', { name: 'Avvis med begrunnelse' }).click();
      await page.waitForLoadState();
      await check('review with a missing reason');
      await page.goto(`${base}/moderering/endring/${rows[0].id}/rediger`);
      await check('edit and approve');
    } else assert.fail('a submitted change request was expected from the earlier tests');
    await context.close();
  });
});
