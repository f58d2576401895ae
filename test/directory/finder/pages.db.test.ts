import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

for (const backend of backends()) {
  describe(`finder pages on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Demo helse (fiktiv)', isDemo: true });
    const demo = aService(org, {
      name: 'Lavterskel band i Bodø (fiktiv)', isDemo: true, terms: ['niva:lavterskel', 'felt:rus', 'tilgang:egenhenvisning', 'format:gruppe'],
      applicationProcess: 'Kom innom.', schedules: [{ byday: 'TU', opensAt: '12:00', closesAt: '15:00', description: 'Drop-in' }],
      locations: [aLocation({ latitude: 67.28, longitude: 14.40, municipalityNumber: '1804', accessibility: ['tilgjengelighet:trinnfri'], address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
    });
    const secret = aService(org, { name: 'Skjermet gruppe (fiktiv)', isDemo: true, terms: ['niva:oppfolging', 'felt:rus'], locations: [aLocation({ isConfidential: true, address: { address1: 'Hemmeligveien 9', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' } })] });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [demo, secret]) });
    before(() => ({ database, app } = suite));

    test('the front page explains, cites its source, and has a search form that works without JavaScript', async () => {
      const { status, $ } = await getPage(app, '/');
      assert.equal(status, 200);
      assert.equal($('html').attr('lang'), 'nb');
      assert.equal($('h1').length, 1);
      assert.match($('.source').text(), /IS-1957/);
      const form = $('form[role=search]');
      assert.equal(form.attr('method'), 'get');
      assert.equal(form.attr('action'), '/tilbud');
      assert.equal($('label[for=sted]').length, 1);
      assert.equal($('a.ds-skip-link').attr('href'), '#main');
      assert.match($('footer').text(), /Kartverket/);
    });

    test('a search by postal code lists hits with distance, counts beside filters, a map and the demo banner', async () => {
      const { status, $ } = await getPage(app, '/tilbud?sted=8006&niva=lavterskel');
      assert.equal(status, 200);
      assert.match($('#results-heading').text(), /1 tilbud/);
      assert.equal($('.hit h3 a').first().text(), 'Lavterskel band i Bodø (fiktiv)');
      assert.match($('.hit .meta').first().text(), /I Bodø kommune/);
      assert.equal($('#niva-lavterskel').is(':checked'), true);
      assert.match($('label[for=niva-lavterskel]').text(), /\(1\)/);
      assert.match($('label[for=niva-behandling]').text(), /\(0\)/);
      assert.equal($('svg.map circle.hit-dot').length, 1);
      assert.equal($('.demo-banner').length, 1);
      assert.equal($('#sted').attr('value'), '8006');
    });

    test('an unknown postal code says so next to the field, keeps what was typed, and answers 400', async () => {
      const { status, $ } = await getPage(app, '/tilbud?sted=9999&q=band');
      assert.equal(status, 400);
      assert.match($('#sted-error').text(), /finner ikke postnummeret «9999»/);
      assert.equal($('#sted').attr('value'), '9999');
      assert.equal($('#sted').attr('aria-invalid'), 'true');
      assert.match(String($('#sted').attr('aria-describedby')), /sted-error/);
      assert.equal($('#q').attr('value'), 'band');
      assert.equal($('.ds-error-summary a').attr('href'), '#sted');
    });

    test('a misspelt municipality suggests the right one; a shared name offers a choice', async () => {
      const misspelt = await getPage(app, '/tilbud?sted=Bergn');
      assert.match(misspelt.$('#sted-error').text(), /Mente du Bergen\?/);
      const shared = await getPage(app, '/tilbud?sted=Herøy');
      assert.match(shared.$('#sted-error').text(), /Flere kommuner heter «Herøy»/);
      const choices = shared.$('.place-choices a').map((_, a) => shared.$(a).attr('href')).get();
      assert.deepEqual(choices.map((href) => new URL(href, 'http://x').searchParams.get('kommune')).sort(), ['1515', '1818']);
    });

    test('a bad age keeps every other field and explains in Norwegian', async () => {
      const { status, $ } = await getPage(app, '/tilbud?alder=tolv&q=band&sted=Bodø');
      assert.equal(status, 400);
      assert.match($('#alder-error').text(), /Alder må være et helt tall/);
      assert.equal($('#alder').attr('value'), 'tolv');
      assert.equal($('#sted').attr('value'), 'Bodø');
    });

    test('no hits suggests what to loosen', async () => {
      const { $ } = await getPage(app, '/tilbud?q=xylofonorkester&niva=behandling&innen=10&sted=8006');
      assert.match($('.no-hits').text(), /Ingen treff/);
      const links = $('.no-hits a').map((_, a) => $(a).text()).get();
      assert.ok(links.some((t) => t.includes('xylofonorkester')));
      assert.ok(links.includes('Søk i hele landet'));
      assert.ok(links.includes('Fjern filtrene'));
    });

    test('unknown query parameters on the page are ignored, not an error', async () => {
      assert.equal((await getPage(app, '/tilbud?utm_source=nyhetsbrev')).status, 200);
    });

    test('the service page has what a person needs to get in, and hides a confidential address', async () => {
      const { status, $ } = await getPage(app, `/tilbud/${demo.id}`);
      assert.equal(status, 200);
      assert.equal($('h1').text(), demo.name);
      const text = $('main').text();
      for (const expected of ['Kom innom.', 'Storgata 1, 8006 Bodø', 'tirsdag 12:00–15:00', 'Trinnfri adkomst', 'Sist bekreftet', 'Du kan ta kontakt selv']) {
        assert.ok(text.includes(expected), expected);
      }
      const hidden = await getPage(app, `/tilbud/${secret.id}`);
      assert.ok(!hidden.body.includes('Hemmeligveien'));
      assert.match(hidden.$('main').text(), /Adressen er skjermet/);
    });

    test('an unknown service is a Norwegian 404 page', async () => {
      for (const url of ['/tilbud/00000000-0000-4000-8000-000000000000', '/tilbud/ikke-en-id', '/finnes-ikke']) {
        const { status, $ } = await getPage(app, url);
        assert.equal(status, 404, url);
        assert.equal($('h1').text(), 'Fant ikke siden');
      }
    });

    test('pages send a strict Content-Security-Policy and no inline styles or scripts', async () => {
      const response = await app.inject('/tilbud?sted=8006');
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /style-src 'self'/);
      assert.doesNotMatch(response.body, /style="/);
      assert.doesNotMatch(response.body, /<script>(?!<\/script>)/);
    });
  });
}
