import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { fhirProblems } from './fhir/fhir-validator.ts';

// The open-data APIs are read-only: a write method is 405 with Allow (RFC 9110 section 15.5.6), in
// the API's own error shape, never the CSRF check's 403 page, which is about forms that act.
describe('write methods on the read-only open-data APIs', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

  before(async () => {
    database = await freshDatabase('pglite');
    app = await testApp(database.db);
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('FHIR: 405 with a valid OperationOutcome, for a type, an instance, the base (transaction) and metadata', async () => {
    // a FHIR create, update, patch and delete as a client library sends them
    const resource = JSON.stringify({ resourceType: 'HealthcareService', name: 'Ny' });
    for (const method of METHODS) {
      for (const url of ['/fhir/HealthcareService', '/fhir/HealthcareService/6f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13', '/fhir', '/fhir/metadata']) {
        const response = await app.inject({ method, url, headers: { 'content-type': 'application/fhir+json' }, payload: resource });
        assert.equal(response.statusCode, 405, `${method} ${url}`);
        assert.equal(response.headers.allow, 'GET, HEAD');
        assert.match(response.headers['content-type'] as string, /^application\/fhir\+json/);
        const outcome = response.json();
        assert.equal(outcome.issue[0].code, 'not-supported');
        assert.deepEqual(fhirProblems(outcome), []);
      }
    }
  });

  test('HSDS: 405 problem+json, also with a form body and a session-like cookie', async () => {
    for (const method of METHODS) {
      for (const url of ['/hsds/services', '/hsds/', '/hsds', '/hsds/tabular.json']) {
        const response = await app.inject({ method, url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'samklang_sesjon=x' }, payload: 'a=1' });
        assert.equal(response.statusCode, 405, `${method} ${url}`);
        assert.equal(response.headers.allow, 'GET, HEAD');
        assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
        assert.equal(response.json().status, 405);
      }
    }
  });

  test('the CSRF check still refuses a form POST without a token elsewhere', async () => {
    const response = await app.inject({ method: 'POST', url: '/logg-inn', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40b.no&password=x' });
    assert.equal(response.statusCode, 403);
  });
});
