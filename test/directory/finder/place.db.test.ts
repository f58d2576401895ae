import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { greatCircleKm } from '../../../src/platform/geo.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

// Oslo S, Jernbanetorget
const JERNBANETORGET = { lat: 59.9111, lon: 10.7528 };
// the points of data/reference: postal codes 0154 and 0150, Oslo's population centre (sentrumsrute)
const POINT_0154 = { lat: 59.9115, lon: 10.7475 };
const POINT_0150 = { lat: 59.8906, lon: 10.7128 };
const OSLO_CENTRE = { lat: 59.923, lon: 10.77458 };
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => greatCircleKm(a.lat, a.lon, b.lat, b.lon);
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) <= 0.06, `${actual} km, expected ${expected.toFixed(2)} km`);

for (const backend of backends()) {
  describe(`the finder's places and distances on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Stedprøven' });
    const station = aService(org, {
      name: 'Sangstund ved Oslo S',
      locations: [aLocation({ ...{ latitude: JERNBANETORGET.lat, longitude: JERNBANETORGET.lon }, municipalityNumber: '0301' })],
    });
    const hidden = aService(org, {
      name: 'Skjermet gruppe i Oslo',
      locations: [aLocation({ isConfidential: true, latitude: 59.95, longitude: 10.9, municipalityNumber: '0301' })],
    });
    const lysaker = aService(org, {
      name: 'Band på Lysaker',
      locations: [aLocation({ latitude: 59.9125, longitude: 10.636, municipalityNumber: '3201', address: { address1: 'Testveien 1', postalCode: '1366', city: 'Lysaker', stateProvince: 'Akershus' } })],
    });
    const video = aService(org, { name: 'Låtskriving på video', terms: ['niva:lavterskel', 'format:digital'], locations: [] });

    const api = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, headers: response.headers, json: JSON.parse(response.body) };
    };
    const distanceOf = (body: { items: { id: string; distance_km: number | null }[] }, id: string) => body.items.find((i) => i.id === id)!.distance_km!;

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [station, hidden, lysaker, video]) });
    before(() => ({ database, app } = suite));

    test('a postal code is measured from its own point: Oslo S is 0.3 km from 0154, and 3.2 km from 0150, not 13.7', async () => {
      const central = (await api('/api/v1/services?sted=0154')).json;
      assert.deepEqual([central.place.lat, central.place.lon], [POINT_0154.lat, POINT_0154.lon]);
      near(distanceOf(central, station.id), km(POINT_0154, JERNBANETORGET));
      assert.ok(distanceOf(central, station.id) < 0.5);
      const islands = (await api('/api/v1/services?sted=0150')).json;
      near(distanceOf(islands, station.id), km(POINT_0150, JERNBANETORGET));
      assert.ok(distanceOf(islands, station.id) < 3.3);
    });

    test('a municipality is measured from its population centre: Oslo kommune is 1.8 km from Oslo S, not in Nordmarka', async () => {
      for (const url of ['/api/v1/services?kommune=0301', '/api/v1/services?sted=Oslo']) {
        const body = (await api(url)).json;
        assert.deepEqual([body.place.lat, body.place.lon], [OSLO_CENTRE.lat, OSLO_CENTRE.lon], url);
        near(distanceOf(body, station.id), km(OSLO_CENTRE, JERNBANETORGET));
        assert.ok(distanceOf(body, station.id) < 2, url);
      }
    });

    test('a confidential location is placed at its municipality\'s population centre, never at its own point', async () => {
      const body = (await api('/api/v1/services?sted=0154')).json;
      const item = body.items.find((i: { id: string }) => i.id === hidden.id);
      assert.deepEqual([item.lat, item.lon], [OSLO_CENTRE.lat, OSLO_CENTRE.lon]);
      near(item.distance_km, km(POINT_0154, OSLO_CENTRE));
    });

    test('the page says what distances are measured from: the postal code\'s point, the municipality\'s population centre, or your position', async () => {
      const postal = await getPage(app, '/tilbud?sted=0154');
      assert.equal(postal.$('#distance-origin').text(), 'Avstand målt i luftlinje fra postnummerets punkt: 0154 Oslo (Oslo).');
      // an offer in the place's municipality says so, with its distance
      const stationText = postal.$('.hit').filter((_, hit) => postal.$(hit).find('h3').text() === 'Sangstund ved Oslo S').find('.meta').text();
      assert.match(stationText, /I Oslo kommune/);
      assert.match(stationText, new RegExp(`ca\\. ${km(POINT_0154, JERNBANETORGET).toFixed(1).replace('.', ',')} km unna`));
      // an offer outside the place's municipality shows its distance
      const lysakerKm = km(POINT_0154, { lat: 59.9125, lon: 10.636 });
      const text = postal.$('.hit').filter((_, hit) => postal.$(hit).find('h3').text() === 'Band på Lysaker').find('.meta').text();
      assert.match(text, new RegExp(`ca\\. ${lysakerKm.toFixed(1).replace('.', ',')} km unna`));

      const municipality = await getPage(app, '/tilbud?sted=Oslo');
      assert.equal(municipality.$('#distance-origin').text(), 'Avstand målt i luftlinje fra kommunens befolkningssentrum: Oslo kommune.');
      const chosen = await getPage(app, '/tilbud?kommune=0301');
      assert.equal(chosen.$('#distance-origin').text(), 'Avstand målt i luftlinje fra kommunens befolkningssentrum: Oslo kommune.');

      const position = await getPage(app, '/tilbud?lat=59.911&lon=10.753');
      assert.equal(position.status, 200);
      assert.equal(position.$('#distance-origin').text(), 'Avstand målt i luftlinje fra posisjonen din: 59.911, 10.753.');
      assert.equal(position.$('.hit h3 a').first().text(), 'Sangstund ved Oslo S');
      // nearest first, and the place field holds the position, so the next search (a filter ticked) keeps it
      assert.equal(position.$('#sortering option[selected]').attr('value'), 'avstand');
      assert.equal(position.$('#sted').attr('value'), '59.911, 10.753');
      const again = await getPage(app, '/tilbud?sted=59.911%2C+10.753&sortering=avstand');
      assert.equal(again.$('#distance-origin').text(), 'Avstand målt i luftlinje fra posisjonen din: 59.911, 10.753.');
      assert.deepEqual(again.$('.hit h3 a').map((_, a) => again.$(a).text()).get(), position.$('.hit h3 a').map((_, a) => position.$(a).text()).get());
    });

    test('"Bruk posisjonen min" is not in the page\'s HTML: a script adds it, with the catalogue\'s texts, served from the site under the strict CSP', async () => {
      for (const url of ['/', '/tilbud', '/tilbud?sted=0154']) {
        const { $, body } = await getPage(app, url);
        const box = $('[data-module=use-location]');
        assert.equal(box.length, 1, url);
        assert.equal(box.children().length, 0, url);
        assert.equal(box.attr('data-label'), 'Bruk posisjonen min');
        assert.match(String(box.attr('data-denied')), /Vi fikk ikke bruke posisjonen din/);
        assert.match(String(box.attr('data-unavailable')), /Vi fant ikke posisjonen din/);
        assert.equal($('button').filter((_, b) => $(b).text().includes('posisjonen')).length, 0, url);
        assert.doesNotMatch(body, /<script>(?!<\/script>)/);
        const src = $('script[src*="use-location.js"]').attr('src');
        assert.match(String(src), /^\/assets\/[0-9a-f]{12}\/use-location\.js$/);
        assert.ok(box.closest('form').length === 1, url);
        const script = await app.inject({ method: 'GET', url: src! });
        assert.equal(script.statusCode, 200);
        assert.match(String(script.headers['content-type']), /^text\/javascript/);
        assert.match(script.body, /getCurrentPosition/);
      }
    });

    test('"Innen N km" without a place says it needs one, next to the field, and keeps what was typed (400)', async () => {
      const { status, $ } = await getPage(app, '/tilbud?innen=10&q=sangstund&alder=30');
      assert.equal(status, 400);
      assert.match($('#innen-error').text(), /Avstanden trenger et sted å måle fra/);
      assert.equal($('#innen').attr('aria-invalid'), 'true');
      assert.match(String($('#innen').attr('aria-describedby')), /innen-error/);
      assert.equal($('#innen option[selected]').attr('value'), '10');
      assert.equal($('.ds-error-summary a').attr('href'), '#innen');
      assert.equal($('#q').attr('value'), 'sangstund');
      assert.equal($('#alder').attr('value'), '30');
      // with a place it searches
      assert.equal((await getPage(app, '/tilbud?innen=10&sted=0154')).status, 200);
    });

    test('"Nærmest" without a place says it needs one, next to the sort field (400)', async () => {
      const { status, $ } = await getPage(app, '/tilbud?sortering=avstand&q=band');
      assert.equal(status, 400);
      assert.match($('#sortering-error').text(), /«Nærmest» trenger et sted å måle fra/);
      assert.equal($('#sortering').attr('aria-invalid'), 'true');
      assert.equal($('.ds-error-summary a').attr('href'), '#sortering');
      assert.equal($('#q').attr('value'), 'band');
      assert.equal((await getPage(app, '/tilbud?sortering=avstand&sted=0154')).status, 200);
      // an unknown place is the place field's problem, not the sort's
      const unknown = await getPage(app, '/tilbud?sortering=avstand&sted=0000');
      assert.equal(unknown.$('#sortering-error').length, 0);
      assert.equal(unknown.$('#sted-error').length, 1);
    });

    test('the JSON API and the CSV refuse a distance limit or nearest-first without a place as problem+json', async () => {
      for (const [url, name] of [['/api/v1/services?innen=25', 'innen'], ['/api/v1/services?sortering=avstand', 'sortering'], ['/api/v1/services.csv?innen=25', 'innen']] as const) {
        const response = await api(url);
        assert.equal(response.status, 400, url);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        assert.deepEqual(response.json.errors.map((e: { name: string }) => e.name), [name], url);
      }
      assert.equal((await api('/api/v1/services?innen=25&sted=0154')).status, 200);
    });
  });
}
