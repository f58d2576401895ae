import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { newId } from '../../../src/platform/ids.ts';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { sql } from 'kysely';
import { departedServices, loadDemoData, TERM_BY_KEY } from '../../../src/directory/index.ts';
import { importSource } from '../../../src/directory/intake/imports/pipeline/index.ts';
import { DATA_TAXONOMY, DATA_TERM_BY_CODE } from '../../../src/directory/hsds/profile.ts';
import { freshnessOf, osloToday } from '../../../src/directory/freshness.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';
import { canonicalObject, compiledSchema, emptyFields, errorsOf, profiledObject } from './hsds-schemas.ts';
import { examplesOnEarth } from '../examples.ts';

type Doc = Record<string, any>;

/** Asserts a document against a validator, naming the document and the first errors. */
function assertValid(validate: ReturnType<typeof compiledSchema>, document: unknown, what: string) {
  assert.ok(validate(document), `${what}: ${errorsOf(validate)}`);
}

// more than a page of 500 after the freshness rule leaves out about one demo entry in ten
const DEMO_SERVICES = 600;

for (const backend of backends()) {
  describe(`HSDS API on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Kantfall kommune', organizationNumber: '974760673' });
    const bare = aService(org, { name: 'Tomt tilbud', description: '', terms: [], languages: [], locations: [], fte: null, assuredDate: null });
    const unicode = aService(org, {
      name: 'Čájet – «musikk» på sámi og عربي 🎵 Ærlig Øst Åsane', description: 'Linje 1\nLinje 2 med "anførsel" og \\ skråstrek',
      terms: ['niva:oppfolging', 'arena:spesialist:dps'], languages: ['se', 'ar'],
      phones: [{ number: '+47 22 00 00 00', description: 'Sentralbord' }], contacts: [{ name: 'Åse Ødegård', title: 'Musikkterapeut', email: 'ase@example.no' }],
      schedules: [{ byday: 'MO,WE', opensAt: '09:00', closesAt: '15:30', description: 'Etter avtale' }],
      locations: [aLocation({ accessibility: ['tilgjengelighet:trinnfri'], accessibilityDescription: 'Heis og rampe', transportation: 'Buss 31' })],
    });
    const secret = aService(org, {
      name: 'Skjermet gruppe', terms: ['niva:lavterskel'],
      locations: [aLocation({ isConfidential: true, name: 'Krisehuset', latitude: 67.2901, longitude: 14.3999, municipalityNumber: '1804', transportation: 'Bak kirken',
        address: { address1: 'Hemmeligveien 9', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
    });
    const fullExampleId = 'ac148810-d857-441c-9679-408f346de14b';
    // what the public sees, by the finder's rule: demo data has entries past the hidden threshold
    let visible = { all: 0, demo: 0 };
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, headers: response.headers, body: response.body, json: () => JSON.parse(response.body) as Doc };
    };

    const suite = appSuite(backend.name, { seed: async (db) => {
      await loadDemoData(db, { services: DEMO_SERVICES });
      await store(db, [org], [bare, unicode, secret]);
      const report = await importSource(db, `${examplesOnEarth()}/service_full.json`, { dryRun: false });
      assert.ok(report.ok, JSON.stringify(report.problems));
      // the spec's example was confirmed in 2005: confirm it, as an editor would, so it is published
      await db.updateTable('service').set({ assured_date: osloToday() }).where('id', '=', fullExampleId).execute();
      const services = await db.selectFrom('service').select(['assured_date', 'created_at', 'is_demo']).execute();
      const shown = services.filter((s) => freshnessOf(s.assured_date ?? osloToday(s.created_at)) !== 'hidden');
      visible = { all: shown.length, demo: shown.filter((s) => s.is_demo).length };
      assert.ok(visible.all > 500, `more than one page of 500 is published (${visible.all})`);
    } });
    before(() => ({ database, app } = suite));

    test('GET /hsds/ names the HSDS version, the profile URI and the OpenAPI document, and both answer', async () => {
      const root = (await get('/hsds/')).json();
      assert.equal(root.version, '3.0');
      assert.equal((await get(new URL(root.profile).pathname)).status, 200);
      assert.equal((await get(new URL(root.openapi_url).pathname)).status, 200);
      const profile = (await get('/hsds/profile')).json();
      assert.ok(profile.patches['service.json']);
    });

    test('a page of services is the spec\'s Page object and every item fits the compiled service_list schema', async () => {
      const page = (await get('/hsds/services?per_page=25&page=2')).json();
      assert.deepEqual(Object.keys(page).sort(), ['contents', 'empty', 'first_page', 'last_page', 'page_number', 'size', 'total_items', 'total_pages']);
      assert.equal(page.total_items, visible.all);
      assert.equal(page.page_number, 2);
      assert.equal(page.size, 25);
      assert.equal(page.total_pages, Math.ceil(visible.all / 25));
      assert.equal(page.first_page, false);
      assert.equal(page.last_page, false);
      for (const item of page.contents) assertValid(compiledSchema('service_list'), item, item.name);
      assert.deepEqual(emptyFields(page), []);
    });

    test('total_pages through the API: none for no match, and per_page 1 gives exactly one page per item', async () => {
      const none = (await get('/hsds/services?search=zzqxjkvw')).json();
      assert.deepEqual([none.total_items, none.total_pages, none.size, none.first_page, none.last_page, none.empty], [0, 0, 0, true, true, true]);
      const last = (await get(`/hsds/services?per_page=1&page=${visible.all}`)).json();
      assert.deepEqual([last.total_items, last.total_pages, last.size, last.last_page], [visible.all, visible.all, 1, true]);
      const beforeLast = (await get(`/hsds/services?per_page=1&page=${visible.all - 1}`)).json();
      assert.equal(beforeLast.last_page, false);
      const past = (await get(`/hsds/services?per_page=1&page=${visible.all + 1}`)).json();
      assert.deepEqual([past.size, past.empty, past.last_page], [0, true, true]);
    });

    test('the largest page (500) validates, and one more per page is refused with problem+json', async () => {
      const page = (await get('/hsds/services?per_page=500&full=true')).json();
      assert.equal(page.size, 500);
      for (const item of page.contents) assertValid(compiledSchema('service'), item, item.name);
      const tooMany = await get('/hsds/services?per_page=501');
      assert.equal(tooMany.status, 400);
      assert.match(tooMany.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(tooMany.json().errors[0].name, 'per_page');
    });

    test('single services validate against the compiled schema and our profile: every field filled, none filled, unicode, confidential', async () => {
      for (const id of [fullExampleId, bare.id, unicode.id, secret.id]) {
        const response = await get(`/hsds/services/${id}`);
        assert.equal(response.status, 200);
        const service = response.json();
        assertValid(compiledSchema('service'), service, `service ${id}`);
        assertValid(profiledObject('service.json'), service, `profiled service ${id}`);
        assert.deepEqual(emptyFields(service), [], `empty fields in ${id}`);
      }
      const full = (await get(`/hsds/services/${fullExampleId}`)).json();
      for (const field of ['alternate_name', 'interpretation_services', 'alert', 'assurer_email', 'phones', 'schedules', 'languages', 'contacts', 'service_at_locations', 'attributes']) {
        assert.ok(full[field] !== undefined, `the example's ${field} comes back`);
      }
      const empty = (await get(`/hsds/services/${bare.id}`)).json();
      assert.deepEqual(Object.keys(empty).sort(), ['description', 'id', 'last_modified', 'name', 'organization', 'organization_id', 'status']);
      const text = (await get(`/hsds/services/${unicode.id}`)).json();
      assert.equal(text.name, unicode.name);
      assert.equal(text.description, unicode.description);
    });

    test('a confidential location shows its municipality and that it is confidential, never its address, point, name or transport', async () => {
      const bodies = await Promise.all([
        `/hsds/services/${secret.id}`, `/hsds/services?full=true&per_page=500&search=skjermet`, `/hsds/service_at_locations?full=true&per_page=500`,
        `/hsds/organizations/${org.id}?full_service=true`, '/hsds/tabular.json', '/hsds/service_at_locations?postcode=8006&proximity=50000',
      ].map(async (url) => (await get(url)).body));
      for (const body of bodies) {
        for (const secretText of ['Hemmeligveien', '67.2901', '14.3999', 'Krisehuset', 'Bak kirken']) assert.ok(!body.includes(secretText), secretText);
      }
      const location = (await get(`/hsds/services/${secret.id}`)).json().service_at_locations[0].location;
      assert.deepEqual(Object.keys(location).sort(), ['attributes', 'id', 'location_type', 'organization_id']);
      const facts = Object.fromEntries(location.attributes.map((a: Doc) => [a.taxonomy_term.code, a.value]));
      assert.deepEqual(facts, { skjermet: 'true', kommunenummer: '1804' });
    });

    test('demo data is marked with the profile\'s demo attribute; real entries are not', async () => {
      const page = (await get('/hsds/services?full=true&per_page=5')).json();
      const demo = page.contents.find((s: Doc) => s.name.includes('(fiktiv)'));
      const demoTerm = DATA_TERM_BY_CODE.get('demo')!;
      assert.ok(demo.attributes.some((a: Doc) => a.taxonomy_term_id === demoTerm.id && a.value === 'true'));
      assert.ok(demo.organization.attributes.some((a: Doc) => a.taxonomy_term_id === demoTerm.id));
      const real = (await get(`/hsds/services/${unicode.id}`)).json();
      assert.ok(!real.attributes.some((a: Doc) => a.taxonomy_term_id === demoTerm.id));
      const onlyDemo = (await get(`/hsds/services?taxonomy_term_id=${demoTerm.id}&per_page=1`)).json();
      assert.equal(onlyDemo.total_items, visible.demo);
    });

    test('filters combine with AND; a parent term finds its children; minimal gives id and last_modified', async () => {
      const dps = TERM_BY_KEY.get('arena:spesialist')!.id;
      const both = (await get(`/hsds/services?taxonomy_term_id=${dps}&organization_id=${org.id}`)).json();
      assert.deepEqual(both.contents.map((s: Doc) => s.name), [unicode.name]);
      const taxonomy = TERM_BY_KEY.get('tilgjengelighet:trinnfri')!.facet;
      const withAccessibility = (await get(`/hsds/services?taxonomy_id=${(await get('/hsds/taxonomies?search=tilgjengelighet')).json().contents[0].id}&organization_id=${org.id}`)).json();
      assert.equal(taxonomy.id, 'tilgjengelighet');
      assert.deepEqual(withAccessibility.contents.map((s: Doc) => s.id), [unicode.id]);
      assert.equal((await get('/hsds/services?modified_after=2999-01-01')).json().total_items, 0);
      // a sync also lists the services that left the public set lately (docs/hsds-profile.md, "Departures"): the demo data's unconfirmed ones
      const synced = (await get('/hsds/services?modified_after=2000-01-01&per_page=1')).json().total_items;
      const { rows: [departed] } = await sql<{ n: number }>`select count(*)::int as n from ${departedServices()} d`.execute(database.db);
      assert.equal(synced, visible.all + departed!.n);
      const stemmed = (await get(`/hsds/services?search=musikken&organization_id=${org.id}`)).json();
      assert.ok(stemmed.contents.some((s: Doc) => s.id === unicode.id));
      const minimal = (await get('/hsds/services?minimal=true&per_page=3')).json();
      assert.equal(minimal.contents.length, 3);
      for (const item of minimal.contents) assert.deepEqual(Object.keys(item).sort(), ['id', 'last_modified']);
    });

    test('bad parameters answer 400 problem+json naming the parameter', async () => {
      for (const [url, name] of [['/hsds/services?taxonomy_term_id=nope', 'taxonomy_term_id'],
        ['/hsds/services?modified_after=2024-02-31T25:00:00Z', 'modified_after'], ['/hsds/services?modified_after=2024-02-30', 'modified_after'],
        ['/hsds/service_at_locations?modified_after=2023-02-29T10:00:00Z', 'modified_after'],
        ['/hsds/service_at_locations?proximity=1000', 'proximity']] as const) {
        const response = await get(url);
        assert.equal(response.status, 400, url);
        assert.equal(response.json().errors[0].name, name, url);
      }
      assert.equal((await get('/hsds/services/6f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13')).status, 404);
    });

    test('format=ndjson streams every match, one valid document a line, without pages', async () => {
      const response = await get('/hsds/services?format=ndjson&full=true');
      assert.match(response.headers['content-type'] as string, /application\/x-ndjson/);
      const lines = response.body.trim().split('\n');
      assert.equal(lines.length, visible.all);
      for (const line of lines.slice(0, 50)) assertValid(compiledSchema('service'), JSON.parse(line), 'ndjson line');
    });

    test('organisations: list, full and full_service validate against the compiled schemas', async () => {
      const list = (await get('/hsds/organizations?per_page=50')).json();
      assert.ok(list.contents.length > 1, `organisations listed: ${list.contents.length}`);
      assert.equal(list.size, list.contents.length);
      for (const item of list.contents) assertValid(compiledSchema('organization_list'), item, item.name);
      for (const url of [`/hsds/organizations/${org.id}`, `/hsds/organizations/${org.id}?full_service=true`, '/hsds/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610']) {
        const organization = (await get(url)).json();
        assertValid(compiledSchema('organization'), organization, url);
        assert.deepEqual(emptyFields(organization), [], url);
      }
      const ours = (await get(`/hsds/organizations/${org.id}`)).json();
      assert.deepEqual(ours.organization_identifiers.map((i: Doc) => [i.identifier_type, i.identifier]), [['organisasjonsnummer', '974760673']]);
      assert.equal(ours.services.length, 3);
    });

    test('service_at_locations: list and full validate; postcode with proximity finds the nearest first', async () => {
      const list = (await get('/hsds/service_at_locations?per_page=100')).json();
      assert.equal(list.contents.length, 100);
      for (const item of list.contents) assertValid(compiledSchema('service_at_location_list'), item, item.id);
      const one = (await get(`/hsds/service_at_locations/${list.contents[0].id}`)).json();
      assertValid(compiledSchema('service_at_location'), one, 'service_at_location');
      const near = (await get('/hsds/service_at_locations?postcode=0150&proximity=25000&organization_id=' + org.id)).json();
      assert.deepEqual(near.contents.map((s: Doc) => s.service_id), [unicode.id]);
      const inBodo = (await get(`/hsds/service_at_locations?postcode=8006&organization_id=${org.id}`)).json();
      assert.deepEqual(inBodo.contents.map((s: Doc) => s.service_id), [secret.id]);
      assert.equal((await get('/hsds/service_at_locations?postcode=0000')).status, 400);
    });

    test('postcode alone also finds a service whose stated service area (municipality or county numbers) covers it', async () => {
      const inBodo = async () => (await get(`/hsds/service_at_locations?postcode=8006&organization_id=${org.id}`)).json().contents.map((s: Doc) => s.service_id).sort();
      assert.deepEqual(await inBodo(), [secret.id]);
      const area = { id: newId(), service_id: unicode.id, name: 'Nordland (fiktiv)', description: null, extent: '18', extent_type: 'text', uri: null };
      await database.db.insertInto('service_area').values(area).execute();
      assert.deepEqual(await inBodo(), [secret.id, unicode.id].sort(), 'county 18 covers Bodø');
      await database.db.updateTable('service_area').set({ extent: '0301, 1804' }).where('id', '=', area.id).execute();
      assert.deepEqual(await inBodo(), [secret.id, unicode.id].sort(), 'municipality 1804 listed');
      await database.db.updateTable('service_area').set({ extent: '0301', extent_type: 'text' }).where('id', '=', area.id).execute();
      assert.deepEqual(await inBodo(), [secret.id], 'an area elsewhere does not');
      await database.db.deleteFrom('service_area').where('id', '=', area.id).execute();
    });

    test('taxonomies and terms validate, include the profile\'s data taxonomy, and filter by taxonomy, parent and top level', async () => {
      const taxonomies = (await get('/hsds/taxonomies?per_page=100')).json();
      assert.ok(taxonomies.contents.length > 1, `taxonomies listed: ${taxonomies.contents.length}`);
      for (const item of taxonomies.contents) assertValid(canonicalObject('taxonomy.json'), item, item.name);
      assert.ok(taxonomies.contents.some((t: Doc) => t.id === DATA_TAXONOMY.id));
      const spesialist = TERM_BY_KEY.get('arena:spesialist')!;
      const children = (await get(`/hsds/taxonomy_terms?parent_id=${spesialist.id}`)).json();
      assert.deepEqual(children.contents.map((t: Doc) => t.code).sort(), ['spesialist:dps', 'spesialist:phv', 'spesialist:tsb']);
      for (const item of children.contents) assertValid(canonicalObject('taxonomy_term.json'), item, item.name);
      const data = (await get(`/hsds/taxonomy_terms?taxonomy_id=${DATA_TAXONOMY.id}`)).json();
      const codes: string[] = data.contents.map((t: Doc) => t.code).sort();
      assert.deepEqual(codes.filter((c) => !c.startsWith('translation:')), ['arsverk', 'demo', 'kommunenummer', 'skjermet']);
      // a service's text in other languages (issue #17): a term per translated field and language
      assert.ok(['translation:description:en', 'translation:description:nn', 'translation:name:en', 'translation:application_process:nn'].every((c) => codes.includes(c)), codes.join(', '));
      const top = (await get('/hsds/taxonomy_terms?top_only=true&per_page=500')).json();
      assert.ok(top.contents.every((t: Doc) => t.parent_id === undefined));
      assertValid(canonicalObject('taxonomy_term.json'), (await get(`/hsds/taxonomy_terms/${spesialist.id}`)).json(), 'term');
    });

    test('the API is open to every origin', async () => {
      for (const url of ['/hsds/', '/hsds/services?per_page=1', '/hsds/nothing-here']) {
        assert.equal((await get(url)).headers['access-control-allow-origin'], '*', url);
      }
    });

    test('the tabular export validates against the compiled tabular schema', async () => {
      const tabular = (await get('/hsds/tabular.json')).json();
      assertValid(compiledSchema('tabular'), tabular, 'tabular');
      assert.equal(tabular.service.length, visible.all);
    });
  });
}
