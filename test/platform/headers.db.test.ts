import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';

const [pglite] = backends();

describe('security headers', { skip: pglite!.skip }, () => {
  let database: OpenedDatabase;
  let plain: FastifyInstance;
  let https: FastifyInstance;

  before(async () => {
    database = await freshDatabase('pglite');
    plain = await testApp(database.db, { JOB_WORKER: 'off', PUBLIC_URL: 'http://localhost:3000' });
    https = await testApp(database.db, { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' });
  });
  after(async () => {
    await plain.close();
    await https.close();
    await database.close();
  });

  test('Permissions-Policy denies camera, microphone and geolocation (no page uses them) on pages, the API and errors', async () => {
    for (const url of ['/api/v1/services', '/finnes-ikke', '/logg-inn', '/om']) {
      const response = await plain.inject({ method: 'GET', url });
      const policy = String(response.headers['permissions-policy'] ?? '');
      for (const feature of ['camera', 'microphone', 'geolocation']) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)`), `${feature} on ${url}`);
    }
  });

  test('the pages with the search form allow geolocation to the site itself ("Bruk posisjonen min"), never to frames; the rest stays denied', async () => {
    for (const url of ['/', '/tilbud', '/tilbud?sted=0154']) {
      const policy = String((await plain.inject({ method: 'GET', url })).headers['permissions-policy'] ?? '');
      assert.match(policy, /(^|, )geolocation=\(self\)(,|$)/, url);
      for (const feature of ['camera', 'microphone']) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)`), `${feature} on ${url}`);
    }
  });

  test('HSTS is sent whenever PUBLIC_URL is https, without TRUST_PROXY too, and not for a plain http site', async () => {
    const secured = await https.inject({ method: 'GET', url: '/' });
    assert.match(String(secured.headers['strict-transport-security']), /max-age=\d{7,}/);
    assert.equal((await plain.inject({ method: 'GET', url: '/' })).headers['strict-transport-security'], undefined);
  });
});
