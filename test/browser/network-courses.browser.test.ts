import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, browserSuite, describeViolations } from '../helpers/browser.ts';
import { PASSWORD, anAccount } from '../accounts/client.ts';
import { loadDemoCourses } from '../../src/network/courses/index.ts';

const DEMO_TITLE = 'Musikk i recoveryarbeid – introduksjon for erfaringskonsulenter';

describe('network courses in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  let base: string;

  const suite = browserSuite({ env: { JOB_WORKER: 'off' }, seed: async (db) => {
    await loadDemoCourses(db);
    for (const email of ['kurs-av@example.no', 'kurs-pa@example.no']) await anAccount(db, { email, name: 'Kim Kursdeltaker' });
    await anAccount(db, { email: 'admin@example.no', name: 'Ada Admin', admin: true });
  } });
  before(() => ({ base, browser } = suite));

  async function signIn(page: Page, email: string) {
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  }

  for (const javaScriptEnabled of [false, true]) {
    test(`browse the catalogue, sign in from a run and register for it — JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${base}/nettverket/kurs`);
      await page.getByRole('link', { name: `${DEMO_TITLE} (fiktiv)` }).click();
      await page.waitForURL(/\/nettverket\/kurs\/musikk-i-recoveryarbeid/);
      assert.match(await page.locator('main').innerText(), /Eksempel: dette kurset er fiktivt/);
      await page.getByRole('link', { name: /Se kursrunden og meld deg på/ }).click();
      await page.waitForURL(/\/nettverket\/kurs\/kursrunder\//);
      const run = page.url();
      await page.getByRole('link', { name: 'Logg inn for å melde deg på' }).click();
      await signIn(page, javaScriptEnabled ? 'kurs-pa@example.no' : 'kurs-av@example.no');
      assert.equal(page.url(), run, 'signing in leads back to the run');
      await page.getByRole('button', { name: 'Meld meg på' }).click();
      await page.waitForURL(/melding=pameldt/);
      assert.match(await page.getByRole('status').innerText(), /Du er påmeldt kursrunden/);
      await page.goto(`${base}/nettverket/kurs/mine`);
      assert.match(await page.locator('.course-list').innerText(), /Påmeldt/);
      await context.close();
    });
  }

  test('axe finds no WCAG 2.1 A/AA violations on the course pages and their error states, and they reflow at 320 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
    };
    await page.goto(`${base}/logg-inn`);
    await signIn(page, 'admin@example.no');
    const course = `${base}/nettverket/kurs/musikk-i-recoveryarbeid-introduksjon-for-erfaringskonsulenter`;
    await page.goto(course);
    const run = await page.getByRole('link', { name: /Se kursrunden og meld deg på/ }).getAttribute('href');
    await page.goto(`${base}${run}`);
    await page.getByRole('button', { name: 'Meld meg på' }).click();
    await page.waitForURL(/melding=pameldt/);
    const pages = ['/nettverket/kurs', course.slice(base.length), run!, '/nettverket/kurs/ny', `${course.slice(base.length)}/moduler/ny`, `${course.slice(base.length)}/kursrunder/ny`, `${run}/rediger`, '/nettverket/kurs/mine', '/nettverket/kurs/bevis', '/nettverket/kurs/bevis/AAAA-BBBB-CCCC'];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await check(path);
    }
    // error states
    await page.goto(`${base}/nettverket/kurs/ny`);
    await page.getByLabel('Omfang (timer)').fill('mange');
    await page.getByRole('button', { name: 'Opprett kurset' }).click();
    await page.waitForSelector('#omfang-error');
    await check('new course with errors');
    await page.goto(`${base}${course.slice(base.length)}/kursrunder/ny`);
    await page.getByLabel('Startdato').evaluate((input) => { (input as HTMLInputElement).type = 'text'; });
    await page.getByLabel('Startdato').fill('2027-02-30');
    await page.getByRole('button', { name: 'Opprett kursrunden' }).click();
    await page.waitForSelector('#startdato-error');
    assert.equal(await page.getByLabel('Startdato').inputValue(), '2027-02-30');
    await check('new run with errors');
    await page.goto(`${base}/nettverket/kurs/bevis?kode=feil`);
    await check('verification with a bad code');
    await page.goto(course);
    await page.getByRole('link', { name: /Rediger modulen\s*: Hva er musikkterapi/ }).click();
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByRole('button', { name: 'Last opp fil' }).click();
    await page.waitForSelector('#fil-error');
    await check('module with a refused file');

    // reflow: nothing wider than a 320 px screen (tables scroll inside their own box)
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ['/nettverket/kurs', course.slice(base.length), run!, '/nettverket/kurs/mine', '/nettverket/kurs/bevis', `${course.slice(base.length)}/kursrunder/ny`]) {
      await page.goto(`${base}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px`);
    }
    await context.close();
  });
});
