import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';

describe('account settings and sessions in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await anAccount(db, { email: 'innstillinger@example.no', name: 'Ine' });
  } });
  before(() => ({ base, browser } = suite));

  async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
    // bypassCSP only so axe can be injected; the site's own pages run under the CSP either way
    const context = await browser.newContext({ javaScriptEnabled, bypassCSP: javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${base}/logg-inn`);
    await page.locator('#email').fill('innstillinger@example.no');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/mine-tilbud/);
    return page;
  }
  // axe runs as a script in the page, so only where JavaScript is on
  const accessible = async (page: Page, label: string, javaScriptEnabled: boolean) => {
    if (!javaScriptEnabled) return;
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
  };

  for (const javaScriptEnabled of [false, true]) test(`change email with a wrong password keeps the typed address and names the error; sign out elsewhere from the session list — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
    const page = await signedIn(javaScriptEnabled);
    const other = await signedIn(javaScriptEnabled);
    await page.goto(`${base}/konto`);
    await page.getByRole('link', { name: 'Endre e-postadresse' }).click();
    await page.getByLabel('Ny e-postadresse').fill('ny@example.no');
    await page.getByLabel('Passordet ditt').fill('ikke det riktige passordet');
    await page.getByRole('button', { name: 'Send lenke til den nye adressen' }).click();
    assert.equal(await page.getByLabel('Ny e-postadresse').inputValue(), 'ny@example.no');
    assert.match(await page.locator('.ds-error-summary').innerText(), /nåværende passordet er feil/);
    await accessible(page, 'change email with an error', javaScriptEnabled);

    await page.goto(`${base}/konto/innlogginger`);
    assert.ok(await page.locator('main table tbody tr').count() >= 2);
    await accessible(page, 'session list', javaScriptEnabled);
    await page.getByRole('button', { name: 'Logg ut alle andre steder' }).click();
    assert.equal(await page.locator('main table tbody tr').count(), 1);
    const response = await other.goto(`${base}/konto`);
    assert.equal(response?.status(), 401);
    await page.context().close();
    await other.context().close();
  });

  test('a name pasted with an invisible NUL in it is saved as it is seen, not refused with what was typed lost — JavaScript off', async () => {
    const page = await signedIn(false);
    await page.goto(`${base}/konto/navn`);
    await page.getByLabel('Navn', { exact: true }).fill('');
    await page.getByLabel('Navn', { exact: true }).focus();
    // what pasting does: Chromium keeps the NUL in the field's value
    await page.keyboard.insertText('Ine\u0000 Nilsen');
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Ine\u0000 Nilsen');
    await page.getByRole('button', { name: 'Lagre navn' }).click();
    await page.waitForURL(/\/konto\?endret=navn/);
    await page.goto(`${base}/konto/navn`);
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Ine Nilsen');
    await page.context().close();
  });
});
