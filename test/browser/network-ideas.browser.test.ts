import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newId } from '../../src/platform/ids.ts';
import { loadDemoIdeas } from '../../src/network/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations, signInWithForm } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';

describe('ideas that become actions in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    const orgId = newId();
    await db.insertInto('network_organization').values({ id: orgId, slug: 'sekretariatet', name: 'Sekretariatet (fiktiv)', network_role: 'secretariat', kind: 'other', is_demo: true }).execute();
    const coordinator = await anAccount(db, { email: 'koordinator@example.no' });
    await db.insertInto('network_membership').values({ id: newId(), user_id: coordinator, organization_id: orgId, role: 'coordinator', status: 'approved' }).execute();
    await db.insertInto('network_event').values({ id: newId(), kind: 'arbeidsseminar', title: 'Arbeidsseminar (fiktiv)', starts_at: '2026-10-01T08:00:00Z', ends_at: '2026-10-01T15:00:00Z', status: 'published', is_demo: true }).execute();
    for (const email of ['ide-av@example.no', 'ide-pa@example.no']) await anAccount(db, { email });
    await loadDemoIdeas(db);
  } });
  before(() => ({ base, browser } = suite));

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signInWithForm(context, base, email, PASSWORD);

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

  for (const javaScriptEnabled of [false, true]) {
    test(`submit an idea and support it — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const page = await signIn(context, javaScriptEnabled ? 'ide-pa@example.no' : 'ide-av@example.no');
      const title = `Musikkterapi i fengsel ${javaScriptEnabled ? 'med' : 'uten'} skript`;
      await page.goto(`${base}/nettverket/ideer`);
      await page.getByRole('link', { name: 'Send inn en idé' }).click();
      // forgetting the theme: the form comes back with the text kept
      await page.getByLabel('Ideen i én setning').fill(title);
      await page.getByLabel('Beskriv ideen').fill('Tilbud i kriminalomsorgen.');
      await page.getByRole('button', { name: 'Send inn ideen' }).click();
      await page.waitForSelector('#tema-error');
      assert.equal(await page.getByLabel('Ideen i én setning').inputValue(), title);
      // axe runs as a script in the page: checked in the JavaScript-on run, on the same markup
      if (javaScriptEnabled) await expectAccessible(page, 'the idea form with errors');
      await page.getByLabel('Tema').selectOption('tilgang');
      await page.getByRole('button', { name: 'Send inn ideen' }).click();
      await page.waitForURL(/\/nettverket\/ideer\/[0-9a-f-]{36}$/);
      assert.equal(await page.locator('h1').innerText(), title);

      await page.getByRole('button', { name: 'Støtt ideen' }).click();
      await page.getByRole('button', { name: 'Trekk støtten' }).waitFor();
      assert.match(await page.locator('main').innerText(), /1 støtter/);
      if (javaScriptEnabled) await expectAccessible(page, 'the idea page');
      await expectReflow(page, 'the idea page');

      // the filter is a plain GET form: it works the same without JavaScript
      await page.goto(`${base}/nettverket/ideer`);
      await page.getByLabel('Tema').selectOption('tilgang');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL(/tema=tilgang/);
      assert.ok((await page.locator('#ideas-heading').locator('..').innerText()).includes(title));
      if (javaScriptEnabled) await expectAccessible(page, 'the public page');
      await expectReflow(page, 'the public page');
      await context.close();
    });
  }

  test('the secretariat\'s action page and forms pass axe and reflow, and demo content is marked', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await signIn(context, 'koordinator@example.no');
    await page.goto(`${base}/nettverket/ideer`);
    await page.getByLabel('Tema').selectOption('kompetanse');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/tema=kompetanse/);
    const actions = page.locator('#actions-heading').locator('..');
    assert.match(await actions.innerText(), /Kurs for erfaringskonsulenter \(eksempel\)/);
    assert.match(await actions.innerText(), /Eksempel \(fiktiv\)/, 'demo content is marked');
    assert.equal(await page.getByRole('progressbar').first().getAttribute('value'), '20');
    await actions.getByRole('link', { name: 'Kurs for erfaringskonsulenter (eksempel)' }).click();
    await page.waitForURL(/\/tiltak\//);
    await expectAccessible(page, 'the action page with the update form');
    await expectReflow(page, 'the action page');
    await page.goto(`${base}/nettverket/ideer/tiltak/ny`);
    await expectAccessible(page, 'the new action form');
    await expectReflow(page, 'the new action form');
    const idea = page.locator('input[name=ideer]').first();
    await idea.check();
    await page.getByLabel('Tittel').fill('Kartlegging i Finnmark');
    await page.getByLabel('Frist').fill('31.02.2027');
    await page.getByRole('button', { name: 'Opprett tiltaket' }).click();
    await page.waitForSelector('#frist-error');
    await expectAccessible(page, 'the new action form with errors');
    await context.close();
  });
});
