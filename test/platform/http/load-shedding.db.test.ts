import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { load } from 'cheerio';
import type { Db } from '../../../src/platform/db/index.ts';
import { PROBLEM_TYPES } from '../../../src/platform/http/problem.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { holdFinderTable, untilInFlight } from '../../helpers/busy.ts';

const TOKEN = 'metrics-token-for-the-shedding-test-0123456789';

for (const backend of backends()) {
  describe(`load shedding on ${backend.name} (MAX_REQUESTS_IN_FLIGHT)`, { skip: backend.skip }, () => {
    let app: FastifyInstance;
    let db: Db;
    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', MAX_REQUESTS_IN_FLIGHT: '1', METRICS_TOKEN: TOKEN } });
    before(() => ({ app, db } = suite));

    test('past the limit a read is answered 503 at once, in its channel\'s form; writes, signed-in people, health checks and files are still taken', async () => {
      const page = await app.inject({ method: 'GET', url: '/tilbud' });
      assert.equal(page.statusCode, 200);
      const stylesheet = load(page.body)('link[rel="stylesheet"]').first().attr('href')!;

      const table = await holdFinderTable(db);
      // a search no one has asked for yet waits on the finder's table: one request in flight
      const slow = app.inject({ method: 'GET', url: '/api/v1/services?q=gitar' });
      await untilInFlight(app, 1);

      const api = await app.inject({ method: 'GET', url: '/api/v1/services?q=sang' });
      assert.equal(api.statusCode, 503);
      assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
      assert.equal(api.headers['retry-after'], '5');
      assert.equal(api.json().type, PROBLEM_TYPES.busy);

      const fhir = await app.inject({ method: 'GET', url: '/fhir/HealthcareService' });
      assert.equal(fhir.statusCode, 503);
      assert.equal(fhir.json().resourceType, 'OperationOutcome');
      assert.equal(fhir.json().issue[0].code, 'transient');

      const busyPage = await app.inject({ method: 'GET', url: '/tilbud?q=sang' });
      assert.equal(busyPage.statusCode, 503);
      assert.match(String(busyPage.headers['content-type']), /^text\/html/);
      assert.equal(busyPage.headers['retry-after'], '5');
      assert.equal(load(busyPage.body)('h1').text(), 'Mange bruker Samklang akkurat nå');
      const english = await app.inject({ method: 'GET', url: '/tilbud?q=sang&lang=en' });
      assert.equal(load(english.body)('h1').text(), 'Samklang is busy right now');

      // never shed: the proxy's health check, the files a page needs, writes (what someone typed)
      // and the pages of someone signed in (both wait for the database here)
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: stylesheet })).statusCode, 200);
      const write = app.inject({ method: 'POST', url: '/finnes-ikke', payload: { a: 'b' } });
      const signedIn = app.inject({ method: 'GET', url: '/tilbud?q=sang', cookies: { samklang_sesjon: 'an-old-session' } });

      await table.release();
      assert.equal((await slow).statusCode, 200);
      assert.notEqual((await write).statusCode, 503);
      assert.equal((await signedIn).statusCode, 200);
      await app.requestsInFlight.idle();

      // with the work done, reads are answered again; /metrics counts what was shed
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/services?q=sang' })).statusCode, 200);
      const metrics = (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
      const shed = Number(/^samklang_http_requests_shed_total (\d+)/m.exec(metrics)?.[1]);
      assert.ok(shed >= 4, `shed ${shed}`);
      assert.match(metrics, /^samklang_http_requests_in_flight 1$/m);
    });
  });
}
