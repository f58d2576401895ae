import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { load } from 'cheerio';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { reindexServices } from '../../../src/directory/index.ts';
import { parseCsv } from '../../../src/directory/intake/imports/pipeline/csv.ts';
import { DEFAULT_FRESHNESS, cutoff, osloToday, useFreshnessSettings } from '../../../src/directory/freshness.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';

type Doc = Record<string, any>;
const monthsAgo = (months: number) => cutoff(osloToday(), months);

for (const backend of backends()) {
  describe(`exports follow the finder's freshness rule on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Glemsel kommune' });
    const other = anOrganization({ name: 'Bare glemt AS' });
    // 13 months: stale (marked in the finder) but still public
    const stale = aService(org, { name: 'Gammel men synlig', assuredDate: monthsAgo(13), locations: [aLocation({ name: 'Synlig hus', address: { address1: 'Synliggata 1', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' } })] });
    // 19 months: past the 18 months the finder hides it after
    const hidden = aService(org, { name: 'Glemt tilbud', assuredDate: monthsAgo(19), locations: [aLocation({ name: 'Glemt hus', address: { address1: 'Glemtveien 2', postalCode: '0151', city: 'Oslo', stateProvince: 'Oslo' } })] });
    // never confirmed: measured from when it was made (set 19 months back below)
    const unconfirmed = aService(other, { name: 'Aldri bekreftet', assuredDate: null, locations: [] });
    const gone = [hidden.id, unconfirmed.id];
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, type: response.headers['content-type'] as string, body: response.body, json: () => JSON.parse(response.body) as Doc };
    };
    const ndjsonIds = (body: string, key = 'id') => body.trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as Doc)[key] as string);
    const assertShowsOnlyStale = (ids: string[], where: string) => {
      assert.ok(ids.includes(stale.id), `${where}: the 13-month-old entry is there`);
      for (const id of gone) assert.ok(!ids.includes(id), `${where}: ${id} is left out`);
    };

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org, other], [stale, hidden, unconfirmed]);
      await database.db.updateTable('service').set({ created_at: new Date(`${monthsAgo(19)}T12:00:00Z`) }).where('id', '=', unconfirmed.id).execute();
      await database.db.transaction().execute((trx) => reindexServices(trx, [unconfirmed.id]));
      app = await testApp(database.db);
    });
    after(async () => {
      useFreshnessSettings(DEFAULT_FRESHNESS);
      await app?.close();
      await database?.close();
    });

    test('HSDS services: hidden ones are absent from the list, its count, minimal and ndjson, and 404 problem+json by id', async () => {
      const list = (await get('/hsds/services?per_page=100')).json();
      assertShowsOnlyStale(list.contents.map((s: Doc) => s.id), '/hsds/services');
      assert.equal(list.total_items, 1);
      assertShowsOnlyStale((await get('/hsds/services?minimal=true')).json().contents.map((s: Doc) => s.id), 'minimal');
      assertShowsOnlyStale(ndjsonIds((await get('/hsds/services?format=ndjson&full=true')).body), 'ndjson');
      assert.equal((await get(`/hsds/services?organization_id=${other.id}`)).json().total_items, 0);
      assert.equal((await get(`/hsds/services/${stale.id}`)).status, 200);
      for (const id of gone) {
        const response = await get(`/hsds/services/${id}`);
        assert.equal(response.status, 404, id);
        assert.match(response.type, /^application\/problem\+json/);
      }
    });

    test('HSDS service_at_locations: the hidden service\'s link is absent from list, ndjson and proximity search, and 404 by id', async () => {
      const links = await database.db.selectFrom('service_at_location').select(['id', 'service_id']).execute();
      const hiddenLink = links.find((l) => l.service_id === hidden.id)!;
      const list = (await get('/hsds/service_at_locations?per_page=100')).json();
      assertShowsOnlyStale(list.contents.map((s: Doc) => s.service_id), '/hsds/service_at_locations');
      assert.equal(list.total_items, 1);
      assertShowsOnlyStale(ndjsonIds((await get('/hsds/service_at_locations?format=ndjson')).body, 'service_id'), 'service_at_locations ndjson');
      assertShowsOnlyStale((await get('/hsds/service_at_locations?postcode=0150&proximity=50000')).json().contents.map((s: Doc) => s.service_id), 'proximity');
      const response = await get(`/hsds/service_at_locations/${hiddenLink.id}`);
      assert.equal(response.status, 404);
      assert.match(response.type, /^application\/problem\+json/);
    });

    test('HSDS organisations stay listed; nested services and locations leave out what only hidden services reach', async () => {
      const organizations = (await get('/hsds/organizations')).json();
      assert.deepEqual(organizations.contents.map((o: Doc) => o.name).sort(), [other.name, org.name].sort());
      const full = (await get(`/hsds/organizations/${org.id}?full_service=true`)).json();
      assert.deepEqual(full.services.map((s: Doc) => s.id), [stale.id]);
      assert.deepEqual(full.locations.map((l: Doc) => l.name), ['Synlig hus']);
      assert.ok(!JSON.stringify(full).includes('Glemtveien'));
      assert.deepEqual((await get(`/hsds/organizations/${other.id}`)).json().services ?? [], []);
    });

    test('the HSDS tabular export leaves hidden services, their links and their only locations out', async () => {
      const tabular = (await get('/hsds/tabular.json')).json();
      assertShowsOnlyStale(tabular.service.map((s: Doc) => s.id), 'tabular service');
      assertShowsOnlyStale(tabular.service_at_location.map((s: Doc) => s.service_id), 'tabular service_at_location');
      assert.deepEqual(tabular.location.map((l: Doc) => l.name), ['Synlig hus']);
      assert.deepEqual(tabular.organization.map((o: Doc) => o.name).sort(), [other.name, org.name].sort());
    });

    test('FHIR: HealthcareService search and read, and Location search and read, follow the rule (404 OperationOutcome)', async () => {
      const bundle = (await get('/fhir/HealthcareService?_count=100')).json();
      assertShowsOnlyStale((bundle.entry ?? []).map((e: Doc) => e.resource.id), 'HealthcareService search');
      assert.equal(bundle.total, 1);
      assert.equal((await get(`/fhir/HealthcareService?location=Location/${hidden.locations[0]!.id}`)).json().total, 0);
      assert.equal((await get(`/fhir/HealthcareService/${stale.id}`)).status, 200);
      for (const url of [...gone.map((id) => `/fhir/HealthcareService/${id}`), `/fhir/Location/${hidden.locations[0]!.id}`]) {
        const response = await get(url);
        assert.equal(response.status, 404, url);
        assert.equal(response.json().resourceType, 'OperationOutcome', url);
      }
      const locations = (await get(`/fhir/Location?organization=${org.id}`)).json();
      assert.deepEqual(locations.entry.map((e: Doc) => e.resource.name), ['Synlig hus']);
      assert.equal((await get(`/fhir/Organization/${other.id}`)).status, 200);
    });

    test('the finder\'s API and CSV leave hidden entries out, and /api/v1/services/{id} answers 404 problem+json', async () => {
      const csv = parseCsv((await get('/api/v1/services.csv')).body);
      assertShowsOnlyStale(csv.records.map((r) => r.values.id!), 'services.csv');
      const api = (await get('/api/v1/services?antall=100')).json();
      assertShowsOnlyStale(api.items.map((i: Doc) => i.id), '/api/v1/services');
      assert.equal(api.total, 1);
      assert.equal((await get(`/api/v1/services/${stale.id}`)).status, 200);
      for (const id of gone) {
        const response = await get(`/api/v1/services/${id}`);
        assert.equal(response.status, 404, id);
        assert.match(response.type, /^application\/problem\+json/);
      }
    });

    test('the months come from the settings: with 24, the 19-month-old entry is exported and the open-data page says 24', async () => {
      const longer = await testApp(database.db, { FRESHNESS_STALE_MONTHS: '12', FRESHNESS_HIDDEN_MONTHS: '24' });
      try {
        const response = await longer.inject({ method: 'GET', url: `/hsds/services/${hidden.id}` });
        assert.equal(response.statusCode, 200);
        const page = load((await longer.inject({ method: 'GET', url: '/apne-data' })).body);
        assert.match(page('main').text(), /bekreftet på 24 måneder/);
      } finally {
        await longer.close();
        useFreshnessSettings(DEFAULT_FRESHNESS);
      }
      const page = load((await get('/apne-data')).body);
      assert.match(page('main').text(), /bekreftet på 18 måneder, er ikke med i noen av eksportene/);
    });
  });
}
