import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { parseCsv } from '../../../src/directory/intake/imports/pipeline/csv.ts';
import { TEMPLATE_COLUMNS } from '../../../src/directory/intake/imports/pipeline/template.ts';
import { getPage, appSuite } from '../../helpers/app.ts';

describe('the open-data page', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  const suite = appSuite('pglite');
  before(() => ({ database, app } = suite));

  test('says what is offered, the licence and why, the endpoints and the attribution the sources require', async () => {
    const { status, $ } = await getPage(app, '/apne-data');
    assert.equal(status, 200);
    assert.equal($('h1').text(), 'Åpne data');
    const levels = $('h1, h2, h3').map((_, h) => Number(h.tagName.slice(1))).get();
    levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `heading ${i} skips a level`));
    const text = $('main').text();
    for (const expected of ['NLOD 2.0', '© Kartverket', 'Statistisk sentralbyrå', 'Bring (Posten Norge AS)', 'Open Referral', 'urn:oid:2.16.578.1.12.4.1.4.101', 'skjermet']) {
      assert.ok(text.includes(expected), expected);
    }
    for (const href of ['/hsds/', '/hsds/services', '/fhir/metadata', '/api/v1/services.csv', '/apne-data/importmal.csv']) {
      assert.equal($(`main a[href="${href}"]`).length >= 1, true, href);
    }
    assert.equal($('table caption').length, 4);
    assert.equal($('a[href="/apne-data"]').first().closest('nav').length, 1, 'the site menu links to the page');
  });

  test('the CSV link is the semicolon variant for Norwegian Excel; the page says which variant is which', async () => {
    const { $ } = await getPage(app, '/apne-data');
    assert.match($('main a[href="/api/v1/services.csv"]').first().text(), /semikolon/);
    assert.match($('main a[href="/api/v1/services.csv?sep=,"]').first().text(), /komma/);
    const text = $('main').text();
    assert.ok(text.includes('desimaltall skrives med komma') && text.includes('desimaltall skrives med punktum'));
    const download = await app.inject({ method: 'GET', url: '/api/v1/services.csv' });
    assert.ok(download.body.startsWith('\uFEFFid;navn;'));
  });

  test('every example link on the page answers 200 (the import page asks a visitor to sign in)', async () => {
    const { $ } = await getPage(app, '/apne-data');
    const hrefs = $('main a[href^="/"]').map((_, a) => $(a).attr('href')!).get();
    assert.ok(hrefs.includes('/import'));
    for (const href of new Set(hrefs)) {
      const response = await app.inject({ method: 'GET', url: href });
      assert.equal(response.statusCode, href === '/import' ? 401 : 200, href);
    }
  });

  test('the import template downloads as a CSV with the documented columns, ready for Norwegian Excel', async () => {
    const response = await app.inject({ method: 'GET', url: '/apne-data/importmal.csv' });
    assert.match(response.headers['content-type'] as string, /^text\/csv/);
    assert.ok(response.body.startsWith('\uFEFFid;navn;'));
    assert.deepEqual(parseCsv(response.body).header, [...TEMPLATE_COLUMNS]);
    const { $ } = await getPage(app, '/apne-data');
    for (const column of TEMPLATE_COLUMNS) assert.ok($(`th code:contains("${column}")`).length >= 1, column);
  });
});
