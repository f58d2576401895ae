import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../accounts/client.ts';

/** What a browser would send for a form as it stands: text fields, checked radios, textareas. */
function formValues($: CheerioAPI, form: Cheerio<any>): Record<string, string> {
  const values: Record<string, string> = {};
  form.find('input, textarea, select').each((_, el) => {
    const field = $(el);
    const name = field.attr('name');
    if (!name || name === '_csrf') return;
    const type = field.attr('type');
    if ((type === 'radio' || type === 'checkbox') && !field.is('[checked]')) return;
    values[name] = el.tagName === 'textarea' ? field.text() : el.tagName === 'select' ? String(field.find('option[selected]').val() ?? '') : String(field.val() ?? '');
  });
  return values;
}

const NEW_PLAN = { tittel: 'Musikkterapi i rustjenesten', virksomhet: 'Fjordby kommune', tjenestested: 'kommune', kommune: '1804', niva: 'oppfolging' };

for (const backend of backends()) {
  describe(`establishment planner on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 20;
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.1.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.ok(page.status === 303 || page.status === 302, `sign-in of ${email} answered ${page.status}`);
      return visitor;
    };
    let owner: Visitor;
    let planUrl = '';

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      for (const email of ['eier@fjordby.kommune.no', 'kollega@fjordby.kommune.no', 'leser@fjordby.kommune.no', 'fremmed@example.no']) await anAccount(database.db, { email });
      owner = await as('eier@fjordby.kommune.no');
      await owner.get('/planlegger/ny');
      const created = await owner.post('/planlegger/ny', NEW_PLAN);
      assert.equal(created.status, 303);
      planUrl = created.location!;
      assert.match(planUrl, /^\/planlegger\/[0-9a-f-]{36}$/);
    });
    /** A plan of the owner's for one test, shared as that test says: no test relies on another's invitations. */
    const newPlan = async (members: [string, 'editor' | 'viewer'][] = []): Promise<string> => {
      await owner.get('/planlegger/ny');
      const url = (await owner.post('/planlegger/ny', NEW_PLAN)).location!;
      assert.match(url, /^\/planlegger\/[0-9a-f-]{36}$/);
      for (const [epost, rolle] of members) {
        await owner.get(`${url}/deling`);
        assert.equal((await owner.post(`${url}/deling`, { epost, rolle })).status, 303);
      }
      return url;
    };

    test('the planner asks people who are not signed in to sign in', async () => {
      const anonymous = new Visitor(app, '10.0.2.1');
      assert.equal((await anonymous.get('/planlegger')).status, 401);
      assert.equal((await anonymous.get(planUrl)).status, 401);
    });

    test('a new plan lists the owner and shows progress for every phase with items', async () => {
      const page = await owner.get(planUrl);
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'Musikkterapi i rustjenesten');
      assert.match(page.$('dl.facts').text(), /Bodø/);
      assert.ok(page.$('.progress-table tbody tr').length >= 7);
      assert.match((await owner.get('/planlegger')).$('main').text(), /Musikkterapi i rustjenesten/);
    });

    test('a link from the coverage atlas pre-selects the municipality', async () => {
      const page = await owner.get('/planlegger/ny?kommune=1804');
      assert.equal(page.$('#kommune option[selected]').val(), '1804');
      assert.equal((await owner.get('/planlegger/ny?kommune=oslo')).$('#kommune').val() ?? '', '');
    });

    test('creating a plan with errors keeps every value and names each problem beside its field', async () => {
      await owner.get('/planlegger/ny');
      const page = await owner.post('/planlegger/ny', { ...NEW_PLAN, tittel: '   ', kommune: '9999', niva: '' });
      assert.equal(page.status, 400);
      assert.equal(page.$('#virksomhet').val(), 'Fjordby kommune');
      assert.equal(page.$('#tjenestested option[selected]').val(), 'kommune');
      assert.match(page.$('#tittel-error').text(), /navn på planen/);
      assert.match(page.$('#kommune-error').text(), /kommune i listen/);
      assert.match(page.$('#niva-error').text(), /tjenestenivå/);
      assert.equal(page.$('.ds-error-summary a[href="#tittel"]').length, 1);
    });

    test('sharing: an invitation is mailed, and the invited editor and viewer see the plan by signing in', async () => {
      await owner.get(`${planUrl}/deling`);
      const invited = await owner.post(`${planUrl}/deling`, { epost: 'Kollega@Fjordby.kommune.no', rolle: 'editor' });
      assert.equal(invited.status, 303);
      await owner.post(`${planUrl}/deling`, { epost: 'leser@fjordby.kommune.no', rolle: 'viewer' });
      const mail = await lastMailTo(database.db, 'kollega@fjordby.kommune.no');
      assert.match(mail.subject, /Musikkterapi i rustjenesten/);
      assert.equal(mail.link, `https://samklang.test${planUrl}`);
      const members = await owner.get(`${planUrl}/deling`);
      assert.match(members.$('table').text(), /kollega@fjordby\.kommune\.no.*Kan redigere/s);

      const colleague = await as('kollega@fjordby.kommune.no');
      assert.equal((await colleague.get(planUrl)).status, 200);
      await colleague.get(`${planUrl}/notat`);
      assert.equal((await colleague.post(`${planUrl}/notat`, { behov: 'Mange i oppfølging ønsker et musikktilbud.' })).status, 303);
    });

    test('a viewer can read every page but cannot change anything, by form or by URL', async () => {
      const planUrl = await newPlan([['leser@fjordby.kommune.no', 'viewer'], ['kollega@fjordby.kommune.no', 'editor']]);
      await owner.get(`${planUrl}/notat`);
      assert.equal((await owner.post(`${planUrl}/notat`, { behov: 'Mange i oppfølging ønsker et musikktilbud.' })).status, 303);
      const reader = await as('leser@fjordby.kommune.no');
      for (const part of ['', '/sjekkliste', '/modenhet', '/kostnader', '/notat', '/lokalt', '/dokumenter', '/deling']) {
        const page = await reader.get(`${planUrl}${part}`);
        assert.equal(page.status, 200, part);
        assert.equal(page.$('main form[method=post]').length, 0, `no edit form for a viewer on ${part || 'overview'}`);
      }
      assert.equal((await reader.get(`${planUrl}/dokumenter/vedtaksnotat.pdf`)).status, 200);
      const attempts: [string, Record<string, string>][] = [
        ['/notat', { behov: 'Endret av leser' }],
        ['/sjekkliste', {}],
        ['/modenhet', { 'kjenner-musikkterapi': '5' }],
        ['/kostnader', { stillingsprosent: '50' }],
        ['/deling', { epost: 'ny@example.no', rolle: 'editor' }],
        ['/deling/fjern', { epost: 'kollega@fjordby.kommune.no' }],
      ];
      for (const [part, form] of attempts) assert.equal((await reader.post(`${planUrl}${part}`, form)).status, 403, part);
      const memo = await owner.get(`${planUrl}/notat`);
      assert.equal(memo.$('#behov').text(), 'Mange i oppfølging ønsker et musikktilbud.');
    });

    test('a stranger can neither see nor change the plan: 404, as if it did not exist', async () => {
      const stranger = await as('fremmed@example.no');
      for (const part of ['', '/sjekkliste', '/kostnader', '/deling', '/dokumenter/vedtaksnotat.pdf']) assert.equal((await stranger.get(`${planUrl}${part}`)).status, 404, part);
      await stranger.get('/planlegger');
      assert.equal((await stranger.post(`${planUrl}/notat`, { behov: 'Hacket' })).status, 404);
      assert.equal((await stranger.post(`${planUrl}/deling`, { epost: 'fremmed@example.no', rolle: 'editor' })).status, 404);
      assert.doesNotMatch((await stranger.get('/planlegger')).$('main').text(), /Musikkterapi i rustjenesten/);
      assert.equal((await stranger.get('/planlegger/00000000-0000-4000-8000-000000000000')).status, 404);
    });

    test('checklist: a bad due date keeps everything typed in the phase, a good save counts in the progress', async () => {
      const page = await owner.get(`${planUrl}/sjekkliste`);
      const form = page.$('form[action$="/sjekkliste"]');
      const ids = page.$('#fase-rom').closest('section').find('fieldset.checklist-item').map((_, el) => page.$(el).attr('id')).get();
      assert.ok(ids.length >= 3);
      const [first, second, third] = ids as [string, string, string];
      const typed = {
        ...formValues(page.$, form),
        [`${first}-status`]: 'done', [`${first}-ansvarlig`]: 'Kari Nordmann', [`${first}-frist`]: '1.3.2026', [`${first}-kommentar`]: 'Rommet i 2. etasje',
        [`${second}-status`]: 'not_relevant', [`${second}-frist`]: '31.02.2026',
        [`${third}-status`]: 'open', [`${third}-ansvarlig`]: 'Ola', [`${third}-frist`]: '2020-01-01',
      };
      const failed = await owner.post(`${planUrl}/sjekkliste`, typed);
      assert.equal(failed.status, 400);
      assert.equal(failed.$(`#${first}-ansvarlig`).val(), 'Kari Nordmann');
      assert.equal(failed.$(`#${first}-kommentar`).text(), 'Rommet i 2. etasje');
      assert.equal(failed.$(`#${first}-frist`).val(), '1.3.2026');
      assert.equal(failed.$(`#${second}-frist`).val(), '31.02.2026', 'the bad date stays, in a text field so the browser keeps it');
      assert.equal(failed.$(`#${second}-frist`).attr('type'), 'text');
      assert.ok(failed.$(`input[name="${second}-status"][value=not_relevant]`).is('[checked]'));
      assert.match(failed.$(`#${second}-frist-error`).text(), /dato/);

      const saved = await owner.post(`${planUrl}/sjekkliste`, { ...typed, [`${second}-frist`]: '', fase: 'rom' });
      assert.equal(saved.status, 303);
      assert.equal(saved.location, `${planUrl}/sjekkliste?lagret=1#fase-rom`);
      const after = await owner.get(`${planUrl}/sjekkliste`);
      assert.equal(after.$(`#${first}-frist`).val(), '2026-03-01');
      const overview = await owner.get(planUrl);
      const rom = overview.$('.progress-table tbody tr').filter((_, el) => overview.$(el).find('th').text() === 'Rom og utstyr');
      assert.equal(rom.find('td').eq(0).text(), '1');
      assert.equal(rom.find('td').eq(1).text(), '1');
      assert.match(overview.$('ul.overdue').text(), /frist 1\. januar 2020, ansvarlig: Ola/);
    });

    test('checklist: the whole list is one form, so one save keeps ticks and text in every phase', async () => {
      const page = await owner.get(`${planUrl}/sjekkliste`);
      assert.equal(page.$('main form[method=post]').length, 1, 'one form for every phase');
      const form = page.$('main form[method=post]');
      const phases = form.find('section.phase').filter((_, el) => page.$(el).find('fieldset.checklist-item').length > 0);
      assert.ok(phases.length >= 3);
      const firstOf = (n: number) => phases.eq(n).find('fieldset.checklist-item').first().attr('id')!;
      const [a, b, c] = [firstOf(0), firstOf(phases.length - 1), firstOf(1)];
      assert.equal(phases.find('button[type=submit]').length, phases.length, 'a save button at the end of each phase');
      // ticks in two phases and a comment in a third, sent with the button of just one of them
      const typed = { ...formValues(page.$, form), [`${a}-status`]: 'done', [`${b}-status`]: 'not_relevant', [`${c}-kommentar`]: 'Avklart med leder' };
      const saved = await owner.post(`${planUrl}/sjekkliste`, { ...typed, fase: 'behov' });
      assert.equal(saved.status, 303);
      const after = await owner.get(`${planUrl}/sjekkliste`);
      assert.ok(after.$(`input[name="${a}-status"][value=done]`).is('[checked]'));
      assert.ok(after.$(`input[name="${b}-status"][value=not_relevant]`).is('[checked]'));
      assert.equal(after.$(`#${c}-kommentar`).text(), 'Avklart med leder');

      // a mistake in one phase keeps what was typed in all the others, and saves nothing
      const again = formValues(after.$, after.$('main form[method=post]'));
      const failed = await owner.post(`${planUrl}/sjekkliste`, { ...again, [`${a}-status`]: 'open', [`${b}-frist`]: '31.02.2026', [`${c}-kommentar`]: 'Endret' });
      assert.equal(failed.status, 400);
      assert.ok(failed.$(`input[name="${a}-status"][value=open]`).is('[checked]'));
      assert.equal(failed.$(`#${b}-frist`).val(), '31.02.2026');
      assert.equal(failed.$(`#${c}-kommentar`).text(), 'Endret');
      assert.equal(failed.$('main form[method=post]').attr('data-unsaved'), 'true', 'the page warns before leaving what was not stored');
      const unchanged = await owner.get(`${planUrl}/sjekkliste`);
      assert.ok(unchanged.$(`input[name="${a}-status"][value=done]`).is('[checked]'), 'nothing was saved');
    });

    test('readiness: answers give a profile with the weakest area and the handbook sections about it', async () => {
      await owner.get(`${planUrl}/modenhet`);
      const bad = await owner.post(`${planUrl}/modenhet`, { 'kjenner-musikkterapi': '4', 'ledelsen-staar-bak': '9' });
      assert.equal(bad.status, 400);
      assert.ok(bad.$('input[name="kjenner-musikkterapi"][value="4"]').is('[checked]'), 'the valid answer is kept');
      const answers = { 'kjenner-musikkterapi': '4', 'kjenner-retningslinjer': '5', 'tydelig-tilbud': '4', 'ledelsen-staar-bak': '1', 'i-planer-og-budsjett': '2', 'rom-og-utstyr': '3' };
      assert.equal((await owner.post(`${planUrl}/modenhet`, answers)).status, 303);
      const page = await owner.get(`${planUrl}/modenhet`);
      assert.match(page.$('.weak-area h3').text(), /Indre forhold \(2\)/);
      assert.match(page.$('.weak-area').text(), /Ledelsen står bak/);
      assert.equal(page.$('.weak-area a[href="/veileder/forankring"]').length, 1);
    });

    test('business case: a bad number keeps what was typed; a good one shows costs and the sensitivity table', async () => {
      await owner.get(`${planUrl}/kostnader`);
      const form = { stillingsprosent: '50', arslonn: '600 000', arbeidsgiverprosent: '25', engang_instrumenter: '80 000', arlig_rom: 'tjue tusen', finans_egne: '200 000' };
      const bad = await owner.post(`${planUrl}/kostnader`, form);
      assert.equal(bad.status, 400);
      assert.equal(bad.$('#arlig_rom').val(), 'tjue tusen');
      assert.equal(bad.$('#arslonn').val(), '600 000');
      assert.match(bad.$('#arlig_rom-error').text(), /Skriv et tall/);
      const good = await owner.post(`${planUrl}/kostnader`, { ...form, arlig_rom: '20 000', deltakere_forventet: '30', frafall_forventet: '10', bruddkostnad_forventet: '150 000' });
      assert.equal(good.status, 303);
      const page = await owner.get(`${planUrl}/kostnader`);
      const text = page.$('main').text().replace(/\u00a0/g, ' ');
      // 300 000 + 75 000 + 20 000 = 395 000 a year; 30 × 10 % × 150 000 = 450 000 assumed benefit
      assert.match(text, /Årlig kostnad395 000 kr/);
      assert.match(text, /Forventet.*450 000 kr/s);
      assert.equal(page.$('#arslonn').val(), '600 000');
      // a broken-off course that costs nothing: the break-even says so, never ∞ or NaN
      await owner.post(`${planUrl}/kostnader`, { ...form, arlig_rom: '20 000', deltakere_hoy: '40', frafall_hoy: '20', bruddkostnad_hoy: '0' });
      const free = await owner.get(`${planUrl}/kostnader`);
      const highRow = free.$('tr').filter((_, row) => /^Høyt/.test(free.$(row).find('th').first().text())).first();
      assert.equal(highRow.find('td').last().text(), 'Kan ikke regnes ut: ingen kostnad per avbrudd');
      assert.doesNotMatch(free.$('main').text(), /∞|NaN|Infinity/);
    });

    test('business case in English: "650,000" is 650 000 kroner, shown back in English style and in bokmål style to a bokmål reader', async () => {
      await owner.get(`${planUrl}/kostnader?lang=en`);
      const saved = await owner.post(`${planUrl}/kostnader`, { stillingsprosent: '50', arslonn: '650,000', arbeidsgiverprosent: '12.5' });
      assert.equal(saved.status, 303);
      const english = await owner.get(`${planUrl}/kostnader`);
      assert.equal(english.$('#arslonn').val(), '650,000');
      assert.equal(english.$('#arbeidsgiverprosent').val(), '12.5');
      assert.match(english.$('main').text().replace(/\u00a0/g, ' '), /325,000 kr/);
      const norwegian = await owner.get(`${planUrl}/kostnader?lang=nb`);
      assert.equal(norwegian.$('#arslonn').val(), '650000');
      assert.match(norwegian.$('main').text().replace(/\u00a0/g, ' '), /325 000 kr/);
    });

    test('memo: text over the limit comes back with an error and is not lost', async () => {
      await owner.get(`${planUrl}/notat`);
      const long = 'x'.repeat(5001);
      const page = await owner.post(`${planUrl}/notat`, { bakgrunn: 'Kort bakgrunn', risiko: long });
      assert.equal(page.status, 400);
      assert.equal(page.$('#bakgrunn').text(), 'Kort bakgrunn');
      assert.equal(page.$('#risiko').text().length, 5001);
    });

    test('the local picture lists the nearest offer per service level from the finder', async () => {
      const page = await owner.get(`${planUrl}/lokalt`);
      assert.equal(page.status, 200);
      assert.equal(page.$('table tbody tr').length, 3);
    });

    test('documents are PDFs with a file name', async () => {
      for (const kind of ['vedtaksnotat', 'stillingsbeskrivelse', 'evalueringsplan']) {
        const response = await app.inject({ url: `${planUrl}/dokumenter/${kind}.pdf`, headers: { cookie: owner.cookieHeader } });
        assert.equal(response.statusCode, 200, kind);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.match(String(response.headers['content-disposition']), new RegExp(`${kind}\\.pdf`));
        assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
      }
      assert.equal((await owner.get(`${planUrl}/dokumenter/annet.pdf`)).status, 404);
    });

    test('an editor can remove a member, but nobody can remove the owner', async () => {
      const planUrl = await newPlan([['leser@fjordby.kommune.no', 'viewer']]);
      assert.match((await owner.get(`${planUrl}/deling`)).$('table').text(), /leser@fjordby\.kommune\.no/);
      await owner.post(`${planUrl}/deling/fjern`, { epost: 'eier@fjordby.kommune.no' });
      await owner.post(`${planUrl}/deling/fjern`, { epost: 'leser@fjordby.kommune.no' });
      const text = (await owner.get(`${planUrl}/deling`)).$('table').text();
      assert.match(text, /eier@fjordby\.kommune\.no/);
      assert.doesNotMatch(text, /leser@/);
    });
  });
}
