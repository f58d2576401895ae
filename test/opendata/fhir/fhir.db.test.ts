import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadDemoData } from '../../../src/directory/index.ts';
import { freshnessOf, osloToday } from '../../../src/directory/freshness.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';
import { fhirProblems } from './fhir-validator.ts';

type Resource = Record<string, any>;
const NIVA = 'https://samklang.no/fhir/CodeSystem/samklang-niva';

for (const backend of backends()) {
  describe(`FHIR R4 on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Fjellby kommune', organizationNumber: '974760673', email: 'post@fjellby.no' });
    const dps = aService(org, {
      name: 'Musikkterapi ved DPS Fjellby', terms: ['niva:behandling', 'felt:psykisk-helse', 'arena:spesialist:dps', 'tilgang:henvisning'],
      languages: ['nb', 'se'], phones: [{ number: '+47 22 00 00 00', description: null }], email: 'dps@fjellby.no',
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '15:30', description: null }, { byday: 'SA', opensAt: '10:15', closesAt: '13:45', description: 'Lørdagsgruppe' }],
      locations: [aLocation({ name: 'DPS-bygget', municipalityNumber: '0301', address: { address1: 'Sykehusveien 1', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' } })],
    });
    const secret = aService(org, {
      name: 'Skjermet gruppe Fjellby', terms: ['niva:lavterskel', 'felt:rus'], status: 'temporarily closed',
      locations: [aLocation({ isConfidential: true, name: 'Krisehuset', latitude: 67.2901, longitude: 14.3999, municipalityNumber: '1804',
        address: { address1: 'Hemmeligveien 9', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
    });
    const closed = aService(org, { name: 'Nedlagt tilbud Fjellby', status: 'defunct', terms: ['niva:oppfolging'], locations: [] });
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, type: response.headers['content-type'] as string, body: response.body, json: () => JSON.parse(response.body) as Resource };
    };
    const valid = (resource: Resource, what: string) => assert.deepEqual(fhirProblems(resource), [], what);
    const names = (bundle: Resource) => (bundle.entry ?? []).map((e: Resource) => e.resource.name).sort();

    const suite = appSuite(backend.name, { seed: async (db) => {
      await loadDemoData(db, { services: 30 });
      await store(db, [org], [dps, secret, closed]);
    } });
    before(() => ({ database, app } = suite));

    test('the CapabilityStatement is valid FHIR R4 and lists every search parameter', async () => {
      const response = await get('/fhir/metadata');
      assert.match(response.type, /^application\/fhir\+json/);
      const capability = response.json();
      valid(capability, 'CapabilityStatement');
      const service = capability.rest[0].resource.find((r: Resource) => r.type === 'HealthcareService');
      assert.deepEqual(service.searchParam.map((p: Resource) => p.name).sort(),
        ['_id', '_lastUpdated', 'active', 'address-postalcode', 'location', 'location.near', 'name', 'organization', 'service-category', 'service-type']);
      const location = capability.rest[0].resource.find((r: Resource) => r.type === 'Location');
      assert.ok(location.searchParam.some((p: Resource) => p.name === 'near' && p.type === 'special'));
      assert.deepEqual(capability.rest[0].searchParam.map((p: Resource) => p.name).sort(), ['_count', '_elements', '_offset', '_sort', '_summary', '_total']);
      const codeSystem = capability.rest[0].resource.find((r: Resource) => r.type === 'CodeSystem');
      assert.ok(codeSystem.searchParam.some((p: Resource) => p.name === 'url'));
    });

    test('read: HealthcareService, Location and Organization are valid and follow the Norwegian conventions', async () => {
      const service = (await get(`/fhir/HealthcareService/${dps.id}`)).json();
      valid(service, 'HealthcareService');
      assert.equal(service.providedBy.reference, `Organization/${org.id}`);
      assert.deepEqual(service.category[0].coding.map((c: Resource) => [c.system, c.code]), [[NIVA, 'behandling']]);
      assert.ok(service.type.some((t: Resource) => t.coding[0].code === 'spesialist:dps'));
      assert.deepEqual(service.communication.map((c: Resource) => c.coding[0].code).sort(), ['nb', 'se']);
      // FHIR time is hh:mm:ss; each schedule row is one availableTime with its own days (in the order of
      // the rows' ids, which are random here: compared by start time)
      const byStart = (a: Resource, b: Resource) => String(a.availableStartTime).localeCompare(String(b.availableStartTime));
      assert.deepEqual([...service.availableTime].sort(byStart), [
        { daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri'], availableStartTime: '08:00:00', availableEndTime: '15:30:00' },
        { daysOfWeek: ['sat'], availableStartTime: '10:15:00', availableEndTime: '13:45:00' },
      ]);
      assert.equal((await get(`/fhir/HealthcareService/${secret.id}`)).json().availableTime, undefined, 'no schedule, no availableTime');
      const organization = (await get(`/fhir/Organization/${org.id}`)).json();
      valid(organization, 'Organization');
      assert.deepEqual(organization.identifier, [{ system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '974760673' }]);
      const location = (await get(`/fhir/${service.location[0].reference}`)).json();
      valid(location, 'Location');
      assert.equal(location.address.district, 'Oslo');
      assert.deepEqual(location.address._district.extension[0].valueCoding, { system: 'urn:oid:2.16.578.1.12.4.1.1.3402', code: '0301', display: 'Oslo' });
      assert.equal(location.address.postalCode, '0150');
    });

    test('a confidential Location has only its municipality; demo data carries meta.tag HTEST', async () => {
      const service = (await get(`/fhir/HealthcareService/${secret.id}`)).json();
      valid(service, 'confidential service');
      assert.deepEqual(service.notAvailable, [{ description: 'Midlertidig stengt' }]);
      const location = (await get(`/fhir/${service.location[0].reference}`)).body;
      valid(JSON.parse(location), 'confidential location');
      // the ids are random: one may hold the digits of the postal code
      const withoutIds = location.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
      for (const secretText of ['Hemmeligveien', '8006', '67.29', '14.39', 'Krisehuset']) assert.ok(!withoutIds.includes(secretText), secretText);
      assert.equal(JSON.parse(location).address.district, 'Bodø');
      const demo = (await get('/fhir/HealthcareService?name:contains=fiktiv&_count=1')).json();
      assert.equal(demo.entry[0].resource.meta.tag[0].code, 'HTEST');
      assert.equal(service.meta.tag, undefined);
    });

    test('search: a valid searchset Bundle whose next links walk every match once', async () => {
      const seen: string[] = [];
      let url: string | undefined = '/fhir/HealthcareService?_count=7';
      let total = 0;
      while (url) {
        const bundle: Resource = (await get(url)).json();
        valid(bundle, 'Bundle');
        total = bundle.total;
        seen.push(...bundle.entry.map((e: Resource) => e.resource.id));
        const next: Resource | undefined = bundle.link.find((l: Resource) => l.relation === 'next');
        url = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
      }
      // what the public sees, by the finder's rule: demo data has entries past the hidden threshold
      const services = await database.db.selectFrom('service').select(['assured_date', 'created_at']).execute();
      const visible = services.filter((s) => freshnessOf(s.assured_date ?? osloToday(s.created_at)) !== 'hidden').length;
      assert.equal(total, visible);
      assert.equal(seen.length, visible);
      assert.equal(new Set(seen).size, visible);
    });

    test('search parameters: _id, active, organization, location, service-category, service-type, name, address-postalcode', async () => {
      const search = async (query: string) => names((await get(`/fhir/HealthcareService?${query}`)).json());
      assert.deepEqual(await search(`_id=${dps.id},${secret.id}`), [dps.name, secret.name].sort());
      assert.deepEqual(await search(`organization=Organization/${org.id}&active=true`), [dps.name, secret.name].sort());
      assert.deepEqual(await search(`organization=${org.id}&active=false`), [closed.name]);
      assert.deepEqual(await search(`location=Location/${dps.locations[0]!.id}`), [dps.name]);
      assert.deepEqual(await search(`service-category=${encodeURIComponent(`${NIVA}|behandling`)}&organization=${org.id}`), [dps.name]);
      assert.deepEqual(await search(`service-type=spesialist&organization=${org.id}`), [dps.name]);
      assert.deepEqual(await search(`service-type=rus,psykisk-helse&organization=${org.id}`), [dps.name, secret.name].sort());
      assert.deepEqual(await search(`service-type=rus&service-type=psykisk-helse&organization=${org.id}`), []);
      assert.deepEqual(await search('name=musikkterapi ved dps'), [dps.name]);
      assert.deepEqual(await search('address-postalcode=0150&name:contains=Fjellby'), [dps.name]);
      // the confidential location's postal code never matches, so it cannot be found out
      assert.deepEqual(await search('address-postalcode=8006&name:contains=Fjellby'), []);
      assert.deepEqual(names((await get(`/fhir/Organization?identifier=urn:oid:2.16.578.1.12.4.1.4.101|974760673`)).json()), [org.name]);
      assert.deepEqual(names((await get('/fhir/Location?address-postalcode=0150&organization=' + org.id)).json()), ['DPS-bygget']);
    });

    test('errors are OperationOutcome resources with the FHIR content type', async () => {
      for (const [url, status] of [['/fhir/HealthcareService?organization=Organization/42', 400],
        [`/fhir/HealthcareService/${org.id}`, 404], ['/fhir/Patient', 404], ['/fhir/HealthcareService?_count=501', 400]] as const) {
        const response = await get(url);
        assert.equal(response.status, status, url);
        assert.match(response.type, /^application\/fhir\+json/, url);
        const outcome = response.json();
        assert.equal(outcome.resourceType, 'OperationOutcome', url);
        valid(outcome, url);
      }
    });

    test('our classification is published as valid CodeSystems, hierarchy included', async () => {
      const list = (await get('/fhir/CodeSystem')).json();
      valid(list, 'CodeSystem bundle');
      const arena = (await get('/fhir/CodeSystem/samklang-arena')).json();
      valid(arena, 'CodeSystem');
      assert.equal(arena.url, 'https://samklang.no/fhir/CodeSystem/samklang-arena');
      const specialist = arena.concept.find((c: Resource) => c.code === 'spesialist');
      assert.deepEqual(specialist.concept.map((c: Resource) => c.code), ['spesialist:tsb', 'spesialist:phv', 'spesialist:dps']);
    });
  });
}
