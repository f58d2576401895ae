import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { recordAnswer } from '../../src/experiences/surveys/index.ts';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

describe('the anonymous survey in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;
  const org = anOrganization({ name: 'Testby kommune' });
  const service = aService(org, { name: 'Musikkgruppe Testby' });

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await store(db, [org], [service]);
    await anAccount(db, { email: 'redaktor@testby.example', editorOf: [org.id] });
    for (let i = 0; i < 4; i++) await recordAnswer(db, { serviceId: service.id, version: 'v1', scores: { listened: 4, recommend: 5 }, freeText: i === 0 ? 'Fint, takk til Ola.' : null }, new Date());
  } });
  before(() => ({ base, browser } = suite));

  async function expectAccessible(page: Page, what: string) {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
  }
  async function expectNoSideways(page: Page, what: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 320 px`);
  }

  for (const javaScriptEnabled of [false, true]) {
    test(`answer the survey on a small phone by the questions' accessible names — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${base}/erfaringer/sporsmal/${service.id}`);
      await expectNoSideways(page, 'the survey');
      if (javaScriptEnabled) await expectAccessible(page, 'the survey');
      // each question is a group named by its legend, each choice a radio named by its label
      await page.getByRole('group', { name: 'Følte du at du ble lyttet til?' }).getByRole('radio', { name: '5 – Ja, helt' }).check();
      await page.getByRole('group', { name: 'Var det lett å komme inn på tilbudet?' }).getByRole('radio', { name: 'Vet ikke' }).check();
      await page.getByLabel('Er det noe mer du vil fortelle?').fill('Godt å spille i gruppe.');
      await page.getByRole('button', { name: 'Send svarene' }).click();
      await page.waitForURL(/\/takk$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Takk for svarene dine');
      if (javaScriptEnabled) await expectAccessible(page, 'the thanks page');
      await context.close();
    });
  }

  test('an empty answer shows the error summary, accessible at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/erfaringer/sporsmal/${service.id}`);
    await page.getByRole('button', { name: 'Send svarene' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('main').innerText(), /Svar på minst ett spørsmål/);
    await expectAccessible(page, 'the survey with an error');
    await expectNoSideways(page, 'the survey with an error');
    await context.close();
  });

  test('the results page (six answers by now) and the editor\'s poster page pass axe and reflow at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/erfaringer/tilbud/${service.id}`);
    assert.match(await page.locator('main').innerText(), /6 svar fra/);
    await expectAccessible(page, 'the results');
    await expectNoSideways(page, 'the results');
    await page.goto(`${base}/erfaringer/sporsmal`);
    await expectAccessible(page, 'the overview per region and level');
    await expectNoSideways(page, 'the overview per region and level');
    await page.goto(`${base}/logg-inn`);
    await page.getByLabel('E-post').fill('redaktor@testby.example');
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
    await page.goto(`${base}/erfaringer/tilbud/${service.id}`);
    assert.match(await page.locator('.survey-free-text').innerText(), /takk til \[skjult\]/);
    await expectAccessible(page, 'the results for an editor');
    await page.goto(`${base}/erfaringer/tilbud/${service.id}/plakat`);
    await expectAccessible(page, 'the poster page');
    await expectNoSideways(page, 'the poster page');
    await context.close();
  });
});
