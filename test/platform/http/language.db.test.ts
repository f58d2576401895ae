import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';

const [pglite] = backends();

describe('the language of a request', { skip: pglite!.skip }, () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;

  const suite = appSuite('pglite', { env: { JOB_WORKER: 'off' } });
  before(() => ({ database, app } = suite));

  test('pages say their language on <html> and vary by Accept-Language and cookie', async () => {
    const response = await app.inject({ method: 'GET', url: '/om' });
    assert.match(response.body, /<html lang="nb"/);
    assert.match(String(response.headers.vary), /Accept-Language/);
    assert.match(String(response.headers.vary), /Cookie/);
  });

  test('?lang= is accepted on any page and API route, even with a strict query schema, and never breaks the query', async () => {
    for (const url of ['/tilbud?lang=nb&q=band', '/api/v1/services?lang=nb', '/dekning?lang=nb', '/om?lang=nb']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
    }
  });

  test('a chosen language is remembered in a cookie holding only its code; an unknown one is ignored and not remembered', async () => {
    const chosen = await app.inject({ method: 'GET', url: '/om?lang=nb' });
    const cookie = [chosen.headers['set-cookie']].flat().find((c) => String(c).startsWith('lang='));
    assert.match(String(cookie), /^lang=nb;/);
    assert.match(String(cookie), /HttpOnly/i);
    assert.match(String(cookie), /SameSite=Lax/i);
    const unknown = await app.inject({ method: 'GET', url: '/om?lang=klingon' });
    assert.equal(unknown.statusCode, 200);
    assert.ok(![unknown.headers['set-cookie']].flat().some((c) => String(c).startsWith('lang=')));
    assert.match(unknown.body, /<html lang="nb"/);
  });

  test('?sprak= stays the finder\'s filter on the language of an offer, not the page language', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/services?sprak=en' });
    assert.equal(response.statusCode, 200);
    assert.ok(![response.headers['set-cookie']].flat().some((c) => String(c).startsWith('lang=')));
    const page = await app.inject({ method: 'GET', url: '/tilbud?sprak=en' });
    assert.match(page.body, /<html lang="nb"/);
    assert.match(page.body, /\(1 valgt\)/, 'the language filter is chosen');
  });
});
