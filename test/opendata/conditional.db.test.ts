import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { osloMidnight } from '../../src/opendata/conditional.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';
import { fhirProblems } from './fhir/fhir-validator.ts';

test('midnight in Oslo is 23:00 UTC in winter and 22:00 UTC in summer, also on the days the clocks change', () => {
  assert.equal(osloMidnight('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(osloMidnight('2026-07-15').toISOString(), '2026-07-14T22:00:00.000Z');
  assert.equal(osloMidnight('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z', 'summer time starts at 02:00 that night');
  assert.equal(osloMidnight('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z', 'winter time starts at 03:00 that night');
});

// Standard HTTP at the edges of the open-data APIs (one app for both parts):
// - RFC 9110 section 13: ETag and Last-Modified on every open-data answer, and 304 for
//   If-None-Match (weakly compared) or If-Modified-Since when nothing has changed (conditional.ts);
// - the APIs are read-only: a write method is 405 with Allow (RFC 9110 section 15.5.6), in the
//   API's own error shape, never the CSRF check's 403 page, which is about forms that act (read-only.ts).
const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
for (const backend of backends()) {
  describe(`conditional requests and write methods on the open-data endpoints on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Vilkårby kommune' });
    const choir = aService(org, { name: 'Kor i Vilkårby' });
    const URLS = ['/hsds/', '/hsds/services?per_page=5', `/hsds/services/${choir.id}`, '/hsds/service_at_locations', '/hsds/organizations',
      '/hsds/taxonomies', '/hsds/profile', '/hsds/tabular.json', '/fhir/metadata', '/fhir/HealthcareService', `/fhir/HealthcareService/${choir.id}`,
      '/fhir/Organization', '/fhir/Location', '/fhir/CodeSystem', '/fhir/CodeSystem/samklang-arena', '/api/v1/services.csv'];
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [choir]) });
    before(() => ({ database, app } = suite));

    test('every endpoint states ETag, Last-Modified and Cache-Control, and answers 304 to either validator', async () => {
      for (const url of URLS) {
        const first = await get(url);
        assert.equal(first.statusCode, 200, url);
        const etag = String(first.headers.etag);
        const lastModified = String(first.headers['last-modified']);
        assert.match(etag, /^(W\/)?"[0-9]+-\d{4}-\d{2}-\d{2}(-[0-9a-f]+)?"$/, url);
        assert.ok(!Number.isNaN(Date.parse(lastModified)), url);
        assert.match(String(first.headers['cache-control']), /public, max-age=\d+/, url);
        const byTag = await get(url, { 'if-none-match': etag });
        assert.equal(byTag.statusCode, 304, `${url} If-None-Match`);
        assert.equal(byTag.body, '', url);
        assert.equal((await get(url, { 'if-none-match': `W/${etag.replace(/^W\//, '')}` })).statusCode, 304, `${url} weak form`);
        assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, `${url} If-Modified-Since`);
        const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
        assert.equal((await get(url, { 'if-modified-since': earlier })).statusCode, 200, `${url} older date`);
        assert.equal((await get(url, { 'if-none-match': '"0-2000-01-01"', 'if-modified-since': lastModified })).statusCode, 200,
          `${url}: If-None-Match decides when both are sent`);
      }
    });

    test('a change to a part of a service (a phone) changes both validators, and the old ones get the new answer', async () => {
      const url = `/hsds/services/${choir.id}`;
      const first = await get(url);
      await sql`insert into phone (id, service_id, number) values (gen_random_uuid(), ${choir.id}, '+47 22 00 00 00')`.execute(database.db);
      const changed = await get(url, { 'if-none-match': String(first.headers.etag) });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, first.headers.etag);
      assert.match(changed.body, /\+47 22 00 00 00/);
      assert.ok(Date.parse(String(changed.headers['last-modified'])) >= Date.parse(String(first.headers['last-modified'])));
      const fhir = await get('/fhir/HealthcareService', { 'if-none-match': String(first.headers.etag) });
      assert.equal(fhir.statusCode, 200);
    });

    test('errors carry no validators, and a bad request is a 400 whatever the client holds', async () => {
      const { headers } = await get('/hsds/services');
      for (const url of ['/hsds/services?modified_after=2024-02-30', '/hsds/services/6f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13', '/fhir/HealthcareService?_sort=colour',
        '/fhir/Location/6f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13', '/api/v1/services.csv?kommune=9999']) {
        const response = await get(url, { 'if-none-match': String(headers.etag) });
        assert.ok(response.statusCode === 400 || response.statusCode === 404, url);
        assert.equal(response.headers.etag, undefined, url);
        assert.equal(response.headers['last-modified'], undefined, url);
      }
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
}
