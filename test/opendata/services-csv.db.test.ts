import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { parseCsv } from '../../src/directory/intake/imports/pipeline/csv.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';

for (const backend of backends()) {
  describe(`services.csv on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Ålesund kommune' });
    const band = aService(org, { name: 'Bandøving på Møhlenpris, «åpen»', terms: ['niva:lavterskel', 'felt:rus', 'arena:spesialist:dps'], languages: ['nb', 'se'],
      locations: [aLocation({ latitude: 60.3840, longitude: 5.3260, municipalityNumber: '4601' })] });
    const choir = aService(org, { name: '=Kor', terms: ['niva:behandling'], isDemo: true });
    const get = (url: string) => app.inject({ method: 'GET', url });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [band, choir]) });
    before(() => ({ database, app } = suite));

    test('UTF-8 with BOM, a header row and one row per hit, with the finder\'s filters', async () => {
      const response = await get('/api/v1/services.csv?niva=lavterskel');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
      assert.match(response.headers['content-disposition'] as string, /attachment; filename="samklang-tilbud.csv"/);
      assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with the UTF-8 BOM');
      const table = parseCsv(response.body);
      assert.equal(table.records.length, 1);
      const row = table.records[0]!.values;
      assert.equal(row.navn, band.name);
      assert.equal(row.organisasjon, 'Ålesund kommune');
      assert.equal(row['tjenestested'], 'DPS');
      assert.equal(row['språk'], 'Norsk, Nordsamisk');
      assert.equal(row.breddegrad, '60,384');
      assert.equal(row.demodata, 'nei');
    });

    test('semicolons and decimal commas by default (Norwegian Excel), also as sep=;, and formulas are defused', async () => {
      const byDefault = await get('/api/v1/services.csv?sortering=navn');
      const response = await get('/api/v1/services.csv?sep=%3B&sortering=navn');
      assert.equal(byDefault.body, response.body);
      const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.ok(lines[0]!.startsWith('id;navn;organisasjon;'));
      const table = parseCsv(response.body);
      assert.deepEqual(table.records.map((r) => r.values.navn), ["'=Kor", band.name]);
      assert.equal(table.records[1]!.values.breddegrad, '60,384');
      assert.equal(table.records[0]!.values.demodata, 'ja');
    });

    test('sep=, gives commas and decimal points (RFC 4180, for programs)', async () => {
      const response = await get('/api/v1/services.csv?sep=%2C&sortering=navn');
      assert.ok(response.body.replace(/^\uFEFF/, '').startsWith('id,navn,organisasjon,'));
      const table = parseCsv(response.body);
      assert.equal(table.records[1]!.values.breddegrad, '60.384');
      assert.equal(table.records[1]!.values.navn, band.name);
    });

    test('unknown parameters (cache busters, tracking tags) are ignored and do not make another download', async () => {
      const plain = await get('/api/v1/services.csv?niva=lavterskel');
      const tagged = await get('/api/v1/services.csv?niva=lavterskel&_=1732950000&utm_source=nyhetsbrev&utm_medium=epost');
      assert.equal(tagged.statusCode, 200);
      assert.equal(tagged.body, plain.body);
      assert.equal(tagged.headers['x-samklang-cache'], 'hit', 'kept under the known parameters alone');
      assert.equal(tagged.headers.etag, plain.headers.etag);
    });

    test('writes answer 405 with problem+json and Allow: GET, HEAD', async () => {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await app.inject({ method, url: '/api/v1/services.csv', payload: { a: 1 } });
        assert.equal(response.statusCode, 405, method);
        assert.equal(response.headers.allow, 'GET, HEAD');
        assert.match(response.headers['content-type'] as string, /problem\+json/);
      }
    });

    test('bad parameters answer 400 problem+json, as the JSON API does', async () => {
      for (const url of ['/api/v1/services.csv?sep=tab', '/api/v1/services.csv?alder=-1', '/api/v1/services.csv?kommune=9999']) {
        const response = await get(url);
        assert.equal(response.statusCode, 400, url);
        assert.match(response.headers['content-type'] as string, /problem\+json/, url);
      }
    });
  });
}
