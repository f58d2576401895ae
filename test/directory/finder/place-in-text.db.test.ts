import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

// A place typed into the free text («rus ungdom Tromsø», «9008») is the place of the search, on the
// page, in GET /api/v1/services and in the CSV alike; and the notes on words that were widened.
for (const backend of backends()) {
  describe(`a place in the free text on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Nordlys musikkhus (fiktiv)' });
    const tromso = aService(org, {
      name: 'Band for ungdom i Tromsø', description: 'Vi spiller i band. For ungdom som strever med rus.',
      terms: ['niva:lavterskel', 'felt:rus', 'malgruppe:barn-unge', 'format:gruppe', 'tilgang:egenhenvisning', 'kostnad:gratis'],
      locations: [aLocation({ latitude: 69.6496, longitude: 18.956, municipalityNumber: '5501', address: { address1: 'Storgata 1', postalCode: '9008', city: 'Tromsø', stateProvince: 'Troms' } })],
    });
    const bergen = aService(org, {
      name: 'Kor i Bergen', description: 'Vi synger sammen. For voksne med rusproblemer.',
      terms: ['niva:oppfolging', 'felt:rus', 'malgruppe:voksne', 'format:gruppe', 'tilgang:henvisning', 'kostnad:gratis'],
      locations: [aLocation({ latitude: 60.39, longitude: 5.32, municipalityNumber: '4601', address: { address1: 'Strandgaten 3', postalCode: '5013', city: 'Bergen', stateProvince: 'Vestland' } })],
    });

    // in Hommelvik (postal place of 7550 and 7551, Malvik), with no place name in its own text
    const hommelvik = aService(org, {
      name: 'Sangstund ved fjorden', description: 'Vi synger sammen. For voksne.',
      terms: ['niva:oppfolging', 'felt:psykisk-helse', 'malgruppe:voksne', 'format:gruppe', 'tilgang:egenhenvisning'],
      locations: [aLocation({ latitude: 63.412, longitude: 10.797, municipalityNumber: '5031', address: { address1: 'Sandfærhus 1', postalCode: '7550', city: 'Malvik', stateProvince: 'Trøndelag' } })],
    });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [tromso, bergen, hommelvik]) });
    before(() => ({ database, app } = suite));

    const api = async (q: string) => (await app.inject({ method: 'GET', url: `/api/v1/services?${new URLSearchParams({ q })}` })).json();

    test('the API takes a municipality named in q as the place and searches the rest of the text', async () => {
      const body = await api('rus ungdom Tromsø');
      assert.equal(body.place.municipality_number, '5501');
      assert.equal(body.place.from_text, 'Tromsø');
      assert.equal(body.text, 'rus ungdom');
      assert.equal(body.items[0].name, 'Band for ungdom i Tromsø');
    });

    test('a postal code alone is the place, with no text left to search', async () => {
      const body = await api('9008');
      assert.equal(body.place.kind, 'postal_code');
      assert.equal(body.text, '');
      assert.equal(body.total, 3);
      assert.equal(body.items[0].name, 'Band for ungdom i Tromsø');
    });

    test('«i» before the place goes with it; an explicit place field wins over the text', async () => {
      assert.equal((await api('kor i Bergen')).place.from_text, 'i Bergen');
      const explicit = (await app.inject({ method: 'GET', url: '/api/v1/services?q=kor%20Bergen&sted=9008' })).json();
      assert.equal(explicit.place.kind, 'postal_code');
      assert.equal(explicit.place.from_text, null);
    });

    test('the CSV takes the place from the text as the API does', async () => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/services.csv?${new URLSearchParams({ q: 'gratis Tromsø' })}` });
      assert.equal(response.statusCode, 200);
      const lines = response.body.trim().split('\r\n');
      assert.equal(lines.length, 3);
      assert.match(lines[1]!, /Band for ungdom i Tromsø/, 'the nearest first');
    });

    test('the page shows the place as a chip whose ✕ is a link to the search without it', async () => {
      const { status, $ } = await getPage(app, `/tilbud?${new URLSearchParams({ q: 'rus ungdom Tromsø' })}`);
      assert.equal(status, 200);
      const chip = $('.place-chip');
      assert.match(chip.text(), /Nær Tromsø/);
      const remove = chip.find('a');
      assert.equal(remove.attr('aria-label'), 'Fjern stedet Tromsø fra søket');
      const href = new URL(remove.attr('href')!, 'http://x');
      assert.equal(href.searchParams.get('q'), 'rus ungdom');
      assert.equal(href.searchParams.get('sted'), null);
      assert.equal($('#q').val(), 'rus ungdom');
      assert.equal($('#sted').val(), 'Tromsø');
      const without = await getPage(app, href.pathname + href.search);
      assert.equal(without.$('.place-chip').length, 0);
    });

    test('a postal place in the text is the place, measured from the mean of its postal codes\' points, in the API and the CSV alike', async () => {
      const body = await api('sang Hommelvik');
      assert.equal(body.place.kind, 'postal_code');
      assert.equal(body.place.label, 'Hommelvik (Malvik)');
      assert.equal(body.place.municipality_number, '5031');
      assert.equal(body.place.from_text, 'Hommelvik');
      assert.equal(body.text, 'sang');
      // 7550 and 7551 HOMMELVIK: the mean of their points
      const codes = await database.db.selectFrom('postal_code').select(['lat', 'lon']).where('place', '=', 'HOMMELVIK').execute();
      assert.equal(codes.length, 2);
      assert.ok(Math.abs(body.place.lat - (codes[0]!.lat! + codes[1]!.lat!) / 2) < 1e-9);
      assert.ok(Math.abs(body.place.lon - (codes[0]!.lon! + codes[1]!.lon!) / 2) < 1e-9);
      assert.equal(body.items[0].name, 'Sangstund ved fjorden');
      assert.ok(body.items[0].distance_km < 1);
      for (const q of ['sang i hommelvik', 'hommelvik', 'Hommelvik sang']) assert.equal((await api(q)).place?.label, 'Hommelvik (Malvik)', q);
      const csv = await app.inject({ method: 'GET', url: `/api/v1/services.csv?${new URLSearchParams({ q: 'sang i hommelvik' })}` });
      assert.match(csv.body.trim().split('\r\n')[1]!, /Sangstund ved fjorden/, 'the nearest first');
    });

    test('a postal place name that is also a word stays text unless capitalised (not first) or alone; long lower-case names need «i», «nær» …', async () => {
      // SAND, HELL and TRO are postal places
      for (const q of ['kor i sand', 'Sand kor', 'tro og håp', 'sang hommelvik']) {
        const body = await api(q);
        assert.equal(body.place, null, q);
        assert.equal(body.text, q);
      }
      assert.equal((await api('kor i Sand')).place.label, 'Sand (Suldal)');
      assert.equal((await api('Hell')).place.label, 'Hell (Stjørdal)');
      // a municipality name is still the municipality (Molde is also a postal place)
      assert.equal((await api('kor i molde')).place.kind, 'municipality');
    });

    test('the page shows the postal place as a removable chip, puts it in the place field, and says what distances are measured from', async () => {
      const { status, $ } = await getPage(app, `/tilbud?${new URLSearchParams({ q: 'sang i Hommelvik' })}`);
      assert.equal(status, 200);
      assert.match($('.place-chip').text(), /Nær Hommelvik \(Malvik\)/);
      assert.equal($('#sted').val(), 'Hommelvik');
      assert.equal($('#q').val(), 'sang');
      assert.equal($('#distance-origin').text(), 'Avstand målt i luftlinje fra midtpunktet av postnumrene i Hommelvik (Malvik).');
      // the next search sends the place field: it is understood there too
      const next = await getPage(app, '/tilbud?q=sang&sted=Hommelvik');
      assert.equal(next.status, 200);
      assert.match(next.$('.place-chip').text(), /Nær Hommelvik/);
      assert.equal(next.$('.hit h3').first().text(), 'Sangstund ved fjorden');
    });

    test('a word found as typed gets no typo note; a misspelt one gets «Mente du …?» as a link', async () => {
      const right = await getPage(app, '/tilbud?q=synger');
      assert.equal(right.$('.did-you-mean').length, 0);
      const typo = await getPage(app, '/tilbud?q=bandd');
      const link = typo.$('.did-you-mean a').first();
      assert.equal(link.text(), 'band');
      assert.equal(new URL(link.attr('href')!, 'http://x').searchParams.get('q'), 'band');
    });

    test('a word that finds nothing is left out when the others find something, and the page says so', async () => {
      const body = await api('band tannlege');
      assert.deepEqual(body.ignored_words, ['tannlege']);
      assert.equal(body.total, 1);
      const { $ } = await getPage(app, '/tilbud?q=band%20tannlege');
      assert.match($('main').text(), /Ingen tilbud har «tannlege», så ordet er ikke med i søket/);
      assert.equal((await api('tannlege')).total, 0);
    });

    test('everyday words find offers through the classification: «gratis», «lavterskel», «sang»', async () => {
      assert.equal((await api('gratis')).total, 2);
      assert.equal((await api('sang')).total, 2);
      assert.deepEqual((await api('lavterskel')).items.map((i: { name: string }) => i.name), ['Band for ungdom i Tromsø']);
      assert.deepEqual((await api('sang')).items.map((i: { name: string }) => i.name).sort(), ['Kor i Bergen', 'Sangstund ved fjorden']);
    });
  });
}
