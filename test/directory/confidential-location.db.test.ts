import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { searchServices } from '../../src/directory/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from './factories.ts';

// Issue #10, item 18: one rule for confidential locations, pinned on every output. Each sensitive
// field holds a marker no other text contains; none may appear anywhere the public can read.
const MARKERS = {
  name: 'ZQXNAME', alternateName: 'ZQXALIAS', street: 'ZQXSTREET', city: 'ZQXCITY', transportation: 'ZQXTRANSPORT', description: 'ZQXABOUT',
  accessibility: 'ZQXACCESS', link: 'ZQXLINK', url: 'https://zqxurl.example/', identifier: 'ZQXIDENT', latitude: '67.28765', longitude: '14.41234',
};
const SHOWN_NAME = 'Musikkrommet Kantfall';

for (const backend of backends()) {
  describe(`a confidential location gives nothing away, on every output, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Kantfall krisesenter' });
    const shelter = aLocation({
      isConfidential: true, name: MARKERS.name, description: MARKERS.description, transportation: MARKERS.transportation,
      latitude: Number(MARKERS.latitude), longitude: Number(MARKERS.longitude), municipalityNumber: '1804',
      address: { address1: `${MARKERS.street} 9`, postalCode: '8006', city: MARKERS.city, stateProvince: 'Nordland' },
      accessibility: ['tilgjengelighet:trinnfri'], accessibilityDescription: MARKERS.accessibility,
    });
    const service = aService(org, { name: 'Skjermet samtalegruppe', locations: [shelter] });
    const named = aLocation({ isConfidential: true, nameShown: true, name: SHOWN_NAME, municipalityNumber: '1804', latitude: 67.2801, longitude: 14.4049,
      address: { address1: 'Skjultveien 3', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } });
    const withName = aService(org, { name: 'Skjermet sanggruppe', locations: [named] });

    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
      return response.body;
    };

    const suite = appSuite(backend.name, { seed: async (db) => {
      await store(db, [org], [service, withName]);
      // the fields only an import can fill
      await sql`update location set alternate_name = ${MARKERS.alternateName}, url = ${MARKERS.url}, external_identifier = ${MARKERS.identifier} where id = ${shelter.id}`.execute(db);
      await sql`update service_at_location set description = ${MARKERS.link} where location_id = ${shelter.id}`.execute(db);
    } });
    before(() => ({ database, app } = suite));

    const [salId] = [() => sql<{ id: string }>`select id from service_at_location where location_id = ${shelter.id}`];
    async function everyPublicOutput(): Promise<[string, string][]> {
      const sal = (await salId().execute(database.db)).rows[0]!.id;
      const urls = [
        // the finder: page, list, map (drawn from the hits), the service page, the JSON API and the CSV
        '/tilbud', '/tilbud?q=skjermet', '/tilbud?sted=Bod%C3%B8&sortering=avstand', `/tilbud/${service.id}`,
        '/api/v1/services?q=skjermet', `/api/v1/services/${service.id}`, '/api/v1/services.csv', '/api/v1/services.csv?q=skjermet&sep=%3B',
        // HSDS in every form
        '/hsds/services', '/hsds/services?full=true', '/hsds/services?search=skjermet&full=true', '/hsds/services?format=ndjson',
        '/hsds/services?format=ndjson&full=true', `/hsds/services/${service.id}`, '/hsds/service_at_locations', '/hsds/service_at_locations?full=true',
        '/hsds/service_at_locations?postcode=8006', '/hsds/service_at_locations?postcode=8006&proximity=50000&full=true',
        '/hsds/service_at_locations?format=ndjson&full=true', `/hsds/service_at_locations/${sal}`,
        '/hsds/organizations?full=true', '/hsds/organizations?full_service=true', '/hsds/organizations?format=ndjson&full_service=true',
        `/hsds/organizations/${org.id}`, `/hsds/organizations/${org.id}?full_service=true`, '/hsds/tabular.json',
        // FHIR: the resources and the search bundles
        `/fhir/Location/${shelter.id}`, '/fhir/Location', `/fhir/Location?organization=Organization/${org.id}`, '/fhir/Location?address-postalcode=8006',
        `/fhir/HealthcareService/${service.id}`, '/fhir/HealthcareService', `/fhir/HealthcareService?location=Location/${shelter.id}`,
        `/fhir/Organization/${org.id}`,
      ];
      const outputs: [string, string][] = [];
      for (const url of urls) outputs.push([url, await get(url)]);
      const hits = await searchServices(database.db, { text: 'skjermet', place: null, radiusKm: null, filters: {}, age: null, sort: 'name', page: 1, perPage: 50 });
      outputs.push(['searchServices', JSON.stringify(hits)]);
      return outputs;
    }

    test('no sensitive field of a confidential location leaks into the finder, the JSON API, CSV, search hits, map, HSDS or FHIR', async () => {
      const outputs = await everyPublicOutput();
      for (const [where, body] of outputs) {
        for (const [field, marker] of Object.entries(MARKERS)) assert.ok(!body.includes(marker), `${where} shows the confidential location's ${field}`);
      }
      // the service itself is there, with the place's municipality and its accessibility classification
      const page = await get(`/tilbud/${service.id}`);
      assert.match(page, /Adressen er skjermet/);
      assert.match(page, /Bodø/);
      const api = JSON.parse(await get(`/api/v1/services/${service.id}`)) as { locations: Record<string, unknown>[] };
      assert.deepEqual(api.locations[0], {
        id: shelter.id, name: null, is_confidential: true, municipality_number: '1804', municipality_name: 'Bodø', address: null,
        latitude: null, longitude: null, transportation: null, accessibility: ['tilgjengelighet:trinnfri'], accessibility_description: null,
      });
    });

    test('a name the editor marked safe to show is shown everywhere alike; the address stays hidden', async () => {
      const urls = [`/tilbud/${withName.id}`, `/api/v1/services/${withName.id}`, `/hsds/services/${withName.id}`, `/fhir/Location/${named.id}`];
      for (const url of urls) {
        const body = await get(url);
        assert.ok(body.includes(SHOWN_NAME), `${url} hides a name marked safe to show`);
        for (const secret of ['Skjultveien', '67.2801', '14.4049']) assert.ok(!body.includes(secret), `${url} shows ${secret}`);
      }
    });

    test('a hidden name is never found by a name search, nor betrayed by where it sorts', async () => {
      const found = JSON.parse(await get(`/fhir/Location?name:contains=${MARKERS.name}`)) as { total: number };
      assert.equal(found.total, 0);
      const exact = JSON.parse(await get(`/fhir/Location?name:exact=${MARKERS.name}`)) as { total: number };
      assert.equal(exact.total, 0);
      const shown = JSON.parse(await get(`/fhir/Location?name=${encodeURIComponent('Musikkrommet')}`)) as { total: number };
      assert.equal(shown.total, 1);
      // with hidden names sorted last, the order says nothing about them
      const all = JSON.parse(await get(`/fhir/Location?organization=Organization/${org.id}`)) as { entry: { resource: { id: string } }[] };
      assert.equal(all.entry.at(-1)!.resource.id, shelter.id);
    });
  });
}
