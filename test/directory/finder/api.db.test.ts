import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

type OpenApi = { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }> };

/** Validates a real response body against the schema the OpenAPI document gives for it. */
function validatorFor(openapi: OpenApi) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return (path: string, status: string, body: unknown) => {
    const schema = openapi.paths[path]?.get?.responses[status]?.content?.['application/json']?.schema;
    assert.ok(schema, `OpenAPI has a ${status} schema for ${path}`);
    const validate = ajv.compile(schema);
    assert.ok(validate(body), `${path} ${status}: ${ajv.errorsText(validate.errors)}`);
  };
}

for (const backend of backends()) {
  describe(`JSON API on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let check: ReturnType<typeof validatorFor>;
    const org = anOrganization();
    const open = aService(org, { name: 'Åpen gruppe', phones: [{ number: '+47 22 00 00 00', description: null }], schedules: [{ byday: 'MO', opensAt: '12:00', closesAt: '14:00', description: 'Drop-in' }] });
    const secret = aService(org, { name: 'Skjult gruppe', locations: [aLocation({ isConfidential: true, address: { address1: 'Hemmeligveien 9', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' } })] });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [open, secret]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      const openapi = (await app.inject('/api/openapi.json')).json() as OpenApi;
      check = validatorFor(openapi);
    });

    test('the OpenAPI document describes every API endpoint', async () => {
      const openapi = (await app.inject('/api/openapi.json')).json() as OpenApi;
      for (const path of ['/api/v1/services', '/api/v1/services/{id}', '/api/v1/municipalities', '/api/v1/postal-codes/{code}']) {
        assert.ok(openapi.paths[path], path);
      }
      // the document is in English, the facets included (with their bokmål names beside)
      const parameters = (openapi.paths['/api/v1/services']?.get as unknown as { parameters: { name: string; description?: string }[] }).parameters;
      assert.match(parameters.find((p) => p.name === 'niva')?.description ?? '', /^Service level \(Tjenestenivå\): Where in the course of care/);
    });

    test('GET /api/v1/services answers JSON that matches the OpenAPI schema, with totals and CORS', async () => {
      const response = await app.inject('/api/v1/services?sted=0150&niva=lavterskel&antall=1');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      const body = response.json();
      check('/api/v1/services', '200', body);
      assert.equal(body.total, 2);
      assert.equal(body.total_pages, 2);
      assert.equal(body.items.length, 1);
      assert.equal(body.place.municipality_number, '0301');
    });

    test('GET /api/v1/services/:id gives the service; a confidential address is never in it', async () => {
      const response = await app.inject(`/api/v1/services/${secret.id}`);
      assert.equal(response.statusCode, 200);
      check('/api/v1/services/{id}', '200', response.json());
      assert.ok(!response.body.includes('Hemmeligveien'));
      const location = response.json().locations[0];
      assert.equal(location.is_confidential, true);
      assert.equal(location.address, null);
      assert.equal(location.latitude, null);
      const visible = (await app.inject(`/api/v1/services/${open.id}`)).json();
      assert.equal(visible.locations[0].address.address_1, 'Testgata 1');
      assert.equal(visible.schedules[0].opens_at, '12:00');
    });

    test('reference endpoints match their schemas', async () => {
      const municipalities = await app.inject('/api/v1/municipalities');
      check('/api/v1/municipalities', '200', municipalities.json());
      assert.equal(municipalities.json().items.length, 357);
      const postal = await app.inject('/api/v1/postal-codes/9170');
      check('/api/v1/postal-codes/{code}', '200', postal.json());
      assert.equal(postal.json().area_name, 'Svalbard');
      assert.equal(postal.json().municipality_number, null);
    });

    test('bad parameters give 400 problem+json naming every bad field', async () => {
      const response = await app.inject('/api/v1/services?alder=gammel&niva=hoy&innen=-5&ukjent=1');
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json();
      assert.equal(problem.status, 400);
      assert.deepEqual(problem.errors.map((e: { name: string }) => e.name).sort(), ['alder', 'innen', 'niva', 'ukjent']);
    });

    test('an unknown place is a 400 problem on the field "sted"', async () => {
      const response = await app.inject('/api/v1/services?sted=9999');
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().errors[0].name, 'sted');
    });

    test('unknown ids and paths give 404 problem+json, never a stack trace', async () => {
      for (const url of ['/api/v1/services/00000000-0000-4000-8000-000000000000', '/api/v1/postal-codes/0000', '/api/v1/nothing']) {
        const response = await app.inject(url);
        assert.equal(response.statusCode, 404, url);
        assert.match(String(response.headers['content-type']), /problem\+json/);
        assert.doesNotMatch(response.body, /\.(ts|js):\d+/, url);
      }
      const badId = await app.inject('/api/v1/services/not-a-uuid');
      assert.equal(badId.statusCode, 400);
    });

    test('readiness checks the database, health only the process', async () => {
      assert.equal((await app.inject('/healthz')).statusCode, 200);
      assert.equal((await app.inject('/readyz')).json().status, 'ok');
    });
  });
}
