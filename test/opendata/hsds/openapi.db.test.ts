import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { HSDS_SCHEMA_BASE } from '../../../src/opendata/hsds/openapi.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';
import { FIXTURES, canonicalObject, compiledSchema, errorsOf } from './hsds-schemas.ts';

type Doc = Record<string, any>;

/** The specification's own openapi.json (test/fixtures/hsds-3.0, CC BY-SA 4.0, Open Referral). */
const OFFICIAL = JSON.parse(readFileSync(`${FIXTURES}schema/openapi.json`, 'utf8')) as Doc;

/** The validator of an official schema referenced by URL, from the copies in the fixtures. */
function validatorOf(ref: string) {
  assert.ok(ref.startsWith(HSDS_SCHEMA_BASE), ref);
  const file = ref.slice(HSDS_SCHEMA_BASE.length);
  return file.startsWith('compiled/') ? compiledSchema(file.slice('compiled/'.length, -'.json'.length)) : canonicalObject(file);
}

/** The schema of a 200 answer's items (a Page's contents) or of the one object. */
function answerRef(operation: Doc): { page: boolean; ref: string } {
  const schema = operation.responses['200'].content['application/json'].schema;
  return schema.$ref ? { page: false, ref: schema.$ref } : { page: true, ref: schema.properties.contents.items.$ref };
}

describe('the HSDS OpenAPI document and the edges of the HSDS API', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let openapi: Doc;
  const org = anOrganization({ name: 'Beskrivelsesby kommune', organizationNumber: '974760673' });
  const choir = aService(org, { name: 'Kor i Beskrivelsesby', terms: ['niva:lavterskel'], locations: [aLocation({ latitude: 59.9111, longitude: 10.7528, municipalityNumber: '0301' })] });
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, headers: response.headers, json: () => JSON.parse(response.body) as Doc };
  };

  const suite = appSuite('pglite', { seed: (db) => store(db, [org], [choir]) });
  before(() => ({ database, app } = suite));
  before(async () => {
    const root = (await get('/hsds/')).json();
    const response = await get(new URL(root.openapi_url).pathname);
    assert.equal(response.status, 200);
    openapi = response.json();
  });

  test('openapi_url names a document of the HSDS endpoints alone, with this server and no "Default Response"', async () => {
    const root = (await get('/hsds/')).json();
    assert.equal(new URL(root.openapi_url).pathname, '/hsds/openapi.json');
    assert.equal(openapi.openapi, '3.1.0');
    assert.deepEqual(openapi.servers.map((s: Doc) => s.url), ['http://localhost:80/hsds']);
    assert.ok(Object.keys(openapi.paths).every((path) => !path.startsWith('/api') && !path.startsWith('/fhir') && !path.startsWith('/hsds')));
    assert.ok(!JSON.stringify(openapi).includes('Default Response'));
  });

  test('every path of the specification\'s openapi.json is there, answering with the official schema it names', async () => {
    for (const [path, item] of Object.entries(OFFICIAL.paths as Record<string, Doc>)) {
      const ours = openapi.paths[path]?.get;
      assert.ok(ours, `${path} is described`);
      if (path === '/') continue;
      const theirs = answerRef(item.get);
      const mine = answerRef(ours);
      // the specification names compiled/service.json for one service_at_location, which is not what that path serves
      const expected = path === '/service_at_locations/{id}' ? `${HSDS_SCHEMA_BASE}compiled/service_at_location.json` : theirs.ref;
      assert.deepEqual(mine, { page: theirs.page, ref: expected }, path);
    }
    for (const name of ['search', 'page', 'per_page', 'format', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'minimal', 'full']) {
      assert.ok(openapi.paths['/services'].get.parameters.some((p: Doc) => p.name === name && p.in === 'query'), name);
    }
  });

  test('real answers validate against the schemas the document references', async () => {
    const location = (await get('/hsds/service_at_locations')).json().contents[0].id;
    const term = (await get('/hsds/taxonomy_terms?per_page=1')).json().contents[0].id;
    const taxonomy = (await get('/hsds/taxonomies?per_page=1')).json().contents[0].id;
    const examples: Record<string, string> = {
      '/services': '/hsds/services', '/services/{id}': `/hsds/services/${choir.id}`, '/service_at_locations': '/hsds/service_at_locations',
      '/service_at_locations/{id}': `/hsds/service_at_locations/${location}`, '/organizations': '/hsds/organizations',
      '/organizations/{id}': `/hsds/organizations/${org.id}`, '/taxonomies': '/hsds/taxonomies?per_page=5', '/taxonomies/{id}': `/hsds/taxonomies/${taxonomy}`,
      '/taxonomy_terms': '/hsds/taxonomy_terms?per_page=5', '/taxonomy_terms/{id}': `/hsds/taxonomy_terms/${term}`, '/tabular.json': '/hsds/tabular.json',
    };
    for (const [path, url] of Object.entries(examples)) {
      const { page, ref } = answerRef(openapi.paths[path].get);
      const validate = validatorOf(ref);
      const body = (await get(url)).json();
      for (const item of page ? body.contents : [body]) assert.ok(validate(item), `${url}: ${errorsOf(validate)}`);
    }
  });

  test('unknown parameters (a cache buster, tracking tags, parameters of other profiles\' APIs) are ignored', async () => {
    const plain = (await get(`/hsds/services?organization_id=${org.id}`)).json();
    const tagged = await get(`/hsds/services?organization_id=${org.id}&_=1732950000&utm_source=nyhetsbrev&utm_campaign=host&vocabulary=esd&age=30`);
    assert.equal(tagged.status, 200);
    assert.deepEqual(tagged.json(), plain);
    assert.equal((await get('/hsds/service_at_locations?postcode=0154&proximity=1000&_=1')).json().total_items, 1);
    assert.equal((await get('/hsds/services?per_page=0&_=1')).status, 400, 'a known parameter with a bad value is still refused');
  });

  test('modified_after: an impossible date is a 400, a real one with an offset filters', async () => {
    const bad = await get('/hsds/services?modified_after=2024-02-30');
    assert.equal(bad.status, 400);
    assert.equal(bad.json().errors[0].name, 'modified_after');
    assert.equal((await get('/hsds/services?modified_after=2024-02-29T23:00:00%2B01:00')).json().total_items, 1);
  });
});
