import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';
import { fhirProblems } from './fhir-validator.ts';

type Resource = Record<string, any>;
const ORG_NUMBER = 'urn:oid:2.16.578.1.12.4.1.4.101';

// The search and result parameters of FHIR R4 (https://hl7.org/fhir/R4/search.html): _summary=count,
// _total, _elements, _lastUpdated with prefixes, _sort, near on Location and the chained
// location.near, handling of unknown parameters, and CodeSystem?url=. Every answer is checked with
// the two validators of fhir-validator.ts (HL7's R4 JSON schema and @medplum/core).
for (const backend of backends()) {
  describe(`FHIR search and result parameters on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Søkeby kommune', organizationNumber: '974760673' });
    const other = anOrganization({ name: 'Annenby stiftelse' });
    // Oslo S, Bergen, Tromsø
    const oslo = aService(org, { name: 'Søkeby A Oslo', locations: [aLocation({ name: 'Oslo-stedet', latitude: 59.9111, longitude: 10.7528, municipalityNumber: '0301' })] });
    const bergen = aService(org, { name: 'Søkeby B Bergen', locations: [aLocation({ name: 'Bergen-stedet', latitude: 60.3913, longitude: 5.3221, municipalityNumber: '4601' })] });
    const tromso = aService(org, { name: 'Søkeby C Tromsø', locations: [aLocation({ name: 'Tromsø-stedet', latitude: 69.6496, longitude: 18.9560, municipalityNumber: '5501' })] });
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await app.inject({ method: 'GET', url, headers });
      return { status: response.statusCode, json: () => JSON.parse(response.body) as Resource };
    };
    const valid = (resource: Resource, what: string) => assert.deepEqual(fhirProblems(resource), [], what);
    const ids = (bundle: Resource) => (bundle.entry ?? []).map((e: Resource) => e.resource.id);

    const suite = appSuite(backend.name, { seed: async (db) => {
      await store(db, [org, other], [oslo, bergen, tromso]);
      await sql`update service set last_modified = case id when ${oslo.id} then '2024-01-15T10:00:00Z'::timestamptz
        when ${bergen.id} then '2024-03-01T00:00:00Z'::timestamptz else '2025-06-30T23:59:59Z'::timestamptz end where organization_id = ${org.id}`.execute(db);
      // an organisation number as HSDS imports may write it: the NO-BRC scheme with another type name
      await sql`insert into organization_identifier (id, organization_id, identifier_scheme, identifier_type, identifier)
        values (gen_random_uuid(), ${other.id}, 'NO-BRC', 'Organisation number', '912345678')`.execute(db);
    } });
    before(() => ({ database, app } = suite));

    test('_summary=count and _count=0 give the total alone; _total=none leaves it out', async () => {
      for (const url of [`/fhir/HealthcareService?organization=${org.id}&_summary=count`, `/fhir/HealthcareService?organization=${org.id}&_count=0`]) {
        const bundle = (await get(url)).json();
        valid(bundle, url);
        assert.equal(bundle.total, 3, url);
        assert.equal(bundle.entry, undefined, url);
      }
      const none = (await get(`/fhir/HealthcareService?organization=${org.id}&_total=none`)).json();
      valid(none, '_total=none');
      assert.equal(none.total, undefined);
      assert.equal(none.entry.length, 3);
    });

    test('_elements returns the asked elements and the mandatory ones, tagged SUBSETTED', async () => {
      const bundle = (await get(`/fhir/HealthcareService?organization=${org.id}&_elements=name,providedBy`)).json();
      valid(bundle, '_elements');
      for (const { resource } of bundle.entry) {
        assert.deepEqual(Object.keys(resource).sort(), ['id', 'meta', 'name', 'providedBy', 'resourceType']);
        assert.ok(resource.meta.tag.some((t: Resource) => t.code === 'SUBSETTED'));
      }
    });

    test('_lastUpdated with prefixes and partial dates; repeats make a range; an impossible date is a 400', async () => {
      const search = async (query: string) => ids((await get(`/fhir/HealthcareService?organization=${org.id}&_sort=_lastUpdated&${query}`)).json());
      assert.deepEqual(await search('_lastUpdated=2024-01'), [oslo.id]);
      assert.deepEqual(await search('_lastUpdated=ge2024-03-01'), [bergen.id, tromso.id]);
      assert.deepEqual(await search('_lastUpdated=gt2024-03-01'), [tromso.id], 'gt a day: after the whole day');
      assert.deepEqual(await search('_lastUpdated=lt2024-03-01T00:00:00Z'), [oslo.id]);
      assert.deepEqual(await search('_lastUpdated=le2024'), [oslo.id, bergen.id]);
      assert.deepEqual(await search('_lastUpdated=ge2024-02&_lastUpdated=lt2025'), [bergen.id]);
      assert.deepEqual(await search('_lastUpdated=eq2025-07-01T01:59:59%2B02:00'), [tromso.id], 'an offset is honoured');
      const bad = await get('/fhir/HealthcareService?_lastUpdated=ge2024-02-30');
      assert.equal(bad.status, 400);
      valid(bad.json(), 'OperationOutcome');
      assert.deepEqual(bad.json().issue[0].expression, ['_lastUpdated']);
    });

    test('_sort by name, -name and -_lastUpdated; an unknown sort key is a 400', async () => {
      const search = async (sort: string) => ids((await get(`/fhir/HealthcareService?organization=${org.id}&_sort=${sort}`)).json());
      assert.deepEqual(await search('name'), [oslo.id, bergen.id, tromso.id]);
      assert.deepEqual(await search('-name'), [tromso.id, bergen.id, oslo.id]);
      assert.deepEqual(await search('-_lastUpdated'), [tromso.id, bergen.id, oslo.id]);
      assert.equal((await get('/fhir/HealthcareService?_sort=colour')).status, 400);
      assert.equal((await get('/fhir/Location?_sort=_lastUpdated')).status, 400, 'Location has no lastUpdated to sort by');
    });

    test('Location?near=lat|lon|distance|unit finds within the distance, nearest first; units km, m, none', async () => {
      const names = async (query: string) => ((await get(`/fhir/Location?organization=${org.id}&${query}`)).json().entry ?? []).map((e: Resource) => e.resource.name);
      // Oslo–Bergen is about 305 km as the crow flies
      assert.deepEqual(await names('near=59.91|10.75|10|km'), ['Oslo-stedet']);
      assert.deepEqual(await names('near=59.91|10.75|400|km'), ['Oslo-stedet', 'Bergen-stedet']);
      assert.deepEqual(await names('near=60.39|5.32|400000|m'), ['Bergen-stedet', 'Oslo-stedet'], 'nearest first');
      assert.deepEqual(await names('near=69.65|18.96'), ['Tromsø-stedet'], 'no distance: 50 km');
      assert.deepEqual(await names('near=60.39|5.32|400|km&_sort=name'), ['Bergen-stedet', 'Oslo-stedet']);
      for (const bad of ['near=91|10|5', 'near=59.9', 'near=59.9|10.7|-1|km', 'near=59.9|10.7|5|furlong']) {
        const response = await get(`/fhir/Location?${bad}`);
        assert.equal(response.status, 400, bad);
        valid(response.json(), bad);
      }
    });

    test('HealthcareService?location.near chains near to the service\'s locations', async () => {
      const bundle = (await get(`/fhir/HealthcareService?organization=${org.id}&location.near=${encodeURIComponent('60.39|5.32|400|km')}`)).json();
      valid(bundle, 'location.near');
      assert.deepEqual(ids(bundle), [bergen.id, oslo.id]);
    });

    test('identifier honours the system; an organisation number is found by scheme NO-BRC or type in any case', async () => {
      const names = async (query: string) => ((await get(`/fhir/Organization?${query}`)).json().entry ?? []).map((e: Resource) => e.resource.name);
      assert.deepEqual(await names(`identifier=${ORG_NUMBER}|974760673`), [org.name]);
      assert.deepEqual(await names('identifier=974760673'), [org.name]);
      assert.deepEqual(await names('identifier=urn:oid:2.16.578.1.12.4.1.4.102|974760673'), [], 'another system');
      assert.deepEqual(await names('identifier=|974760673'), [], 'no system');
      assert.deepEqual(await names(`identifier=${ORG_NUMBER}|912345678`), [other.name]);
      const resource = (await get(`/fhir/Organization/${other.id}`)).json();
      valid(resource, 'Organization');
      assert.deepEqual(resource.identifier, [{ system: ORG_NUMBER, value: '912345678' }]);
    });

    test('unknown parameters are ignored and left out of the self link; Prefer: handling=strict makes them a 400', async () => {
      const url = `/fhir/HealthcareService?organization=${org.id}&_=1732950000&utm_source=x&colour=red`;
      const lenient = (await get(url)).json();
      assert.equal(lenient.total, 3);
      const self = new URL(lenient.link.find((l: Resource) => l.relation === 'self').url);
      assert.deepEqual([...self.searchParams.keys()].sort(), ['_count', '_offset', 'organization']);
      const strict = await get(url, { prefer: 'handling=strict' });
      assert.equal(strict.status, 400);
      valid(strict.json(), 'strict OperationOutcome');
      assert.deepEqual(strict.json().issue[0].expression, ['_', 'utm_source', 'colour']);
      assert.equal((await get(`/fhir/HealthcareService?organization=${org.id}`, { prefer: 'handling=strict' })).status, 200);
    });

    test('CodeSystem?url= finds one CodeSystem; _count pages them; unknown parameters are ignored', async () => {
      const one = (await get('/fhir/CodeSystem?url=https://samklang.no/fhir/CodeSystem/samklang-arena')).json();
      valid(one, 'CodeSystem search');
      assert.deepEqual([one.total, ...ids(one)], [1, 'samklang-arena']);
      const all = (await get('/fhir/CodeSystem')).json();
      const paged = (await get('/fhir/CodeSystem?_count=2&_=5')).json();
      assert.equal(paged.total, all.total);
      assert.equal(paged.entry.length, 2);
      assert.ok(paged.link.some((l: Resource) => l.relation === 'next'));
      assert.equal((await get('/fhir/CodeSystem?url=https://example.org/none')).json().total, 0);
    });

    test('no resource carries an empty meta; none claims a profile it is not validated against', async () => {
      const bundle = (await get(`/fhir/Location?organization=${org.id}`)).json();
      for (const { resource } of bundle.entry) {
        assert.ok(resource.meta === undefined || Object.keys(resource.meta).length > 0, 'meta is absent or says something');
        assert.equal(resource.meta?.profile, undefined);
      }
    });
  });
}
