import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { searchServices } from '../../src/directory/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

const query = { text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'name' as const, page: 1, perPage: 100 };

describe('the import page in Chromium', { skip: browserSkip }, () => {
  let database: OpenedDatabase;
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Importdal kommune' });

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await store(db, [org], [aService(org, { name: 'Eksisterende sangstund' })]);
    await anAccount(db, { email: 'importoer@example.no', admin: true });
  } });
  before(() => ({ database, base, browser } = suite));

  async function signIn(page: Page) {
    await page.goto(`${base}/logg-inn`);
    await page.locator('#email').fill('importoer@example.no');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/mine-tilbud/);
  }

  /** Waits until the run page shows its finished check (it may first say the file is being checked). */
  async function checked(page: Page, shows: RegExp) {
    const started = Date.now();
    // one read per round: the page may reload itself between two reads
    for (let text = await page.locator('main').innerText(); !shows.test(text); text = await page.locator('main').innerText()) {
      assert.match(text, /Filen sjekkes|Filen (venter|leses)/, 'while checking, the page says so');
      assert.ok(Date.now() - started < 120_000, 'the check finished');
      await page.waitForTimeout(500);
    }
  }

  const upload = (page: Page, name: string, text: string) =>
    page.locator('#filer').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  for (const javaScriptEnabled of [false, true]) {
    test(`upload → check → import, with axe on every step — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      // bypassCSP only lets axe's script in; the pages themselves run no inline code
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const page = await context.newPage();
      const check = async (label: string) => {
        if (!javaScriptEnabled) return; // axe is a script: it runs in the JavaScript-on pass
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
      };
      await signIn(page);
      await page.goto(`${base}/import`);
      await check('/import');

      await page.getByRole('button', { name: 'Sjekk filen' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('#filer-error').innerText(), /Velg en fil/);
      await check('/import with no file chosen');

      await upload(page, 'feil.json', JSON.stringify({ id: randomUUID(), organization_id: org.id, name: 'Feil', description: 'x', status: 'kanskje' }));
      await page.getByRole('button', { name: 'Sjekk filen' }).click();
      await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
      // the check runs in the background; the page shows its progress and reloads itself (a Refresh header, no script)
      await checked(page, /feil må rettes/);
      await check('a run with problems');

      const name = `Importert kor ${javaScriptEnabled ? 'med' : 'uten'} JavaScript`;
      await page.goto(`${base}/import`);
      await upload(page, 'kor.json', JSON.stringify({ id: randomUUID(), organization_id: org.id, name, description: 'Fra et register.', status: 'active' }));
      await page.getByRole('button', { name: 'Sjekk filen' }).click();
      await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
      await checked(page, new RegExp(name));
      await check('a run ready to import');

      await page.getByRole('button', { name: 'Importer nå' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main').innerText(), /Importen er lagret/);
      await check('an applied run');
      assert.ok((await searchServices(database.db, { ...query, text: name })).hits.some((h) => h.name === name));
      await context.close();
    });
  }
});
