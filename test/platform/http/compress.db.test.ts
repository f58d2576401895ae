import assert from 'node:assert/strict';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { load } from 'cheerio';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { etagMatches, negotiateEncoding } from '../../../src/platform/http/compress.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, listenOnLoopback, appSuite } from '../../helpers/app.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

test('Accept-Encoding: brotli before gzip at equal weight, weights and refusals respected', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiateEncoding('gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('identity'), null);
  assert.equal(negotiateEncoding('*;q=0'), null);
  assert.equal(negotiateEncoding(undefined), null);
});

test('If-None-Match compares weakly: a compressed copy\'s W/ tag matches its export', () => {
  assert.equal(etagMatches('W/"7-2026-11-30-ab"', '"7-2026-11-30-ab"'), true);
  assert.equal(etagMatches('"x", W/"7-2026-11-30-ab"', '"7-2026-11-30-ab"'), true);
  assert.equal(etagMatches('"6-2026-11-30-ab"', '"7-2026-11-30-ab"'), false);
  assert.equal(etagMatches(undefined, '"a"'), false);
});

/** A raw GET over loopback: the bytes as sent (no client-side decoding), with its headers. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

for (const backend of backends()) {
  describe(`fast on a slow phone (${backend.name})`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let base: string;
    const org = anOrganization({ name: 'Komprimert helse (fiktiv)', isDemo: true });
    const services = Array.from({ length: 12 }, (_, i) => aService(org, { name: `Musikkterapi nummer ${i + 1} (fiktiv)`, isDemo: true, description: 'Sang, band og lytting i gruppe. '.repeat(8) }));

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], services) });
    before(() => ({ database, app } = suite));
    before(async () => {
      base = await listenOnLoopback(app);
    });

    test('pages and JSON are compressed with brotli or gzip when asked, and sent as they are when not', async () => {
      for (const url of ['/tilbud', '/api/v1/services']) {
        const plain = await app.inject({ url });
        assert.equal(plain.headers['content-encoding'], undefined, url);
        assert.match(String(plain.headers.vary), /Accept-Encoding/, url);
        const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
        assert.equal(br.headers['content-encoding'], 'br', url);
        assert.match(String(br.headers.vary), /Accept-Encoding/, url);
        assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
        assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body, url);
        assert.ok(br.rawPayload.length < plain.rawPayload.length / 2, `${url}: ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
        const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
        assert.equal(gz.headers['content-encoding'], 'gzip', url);
        assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body, url);
      }
    });

    test('stylesheets are compressed once and kept; icons and images are never compressed', async () => {
      const page = await getPage(app, '/');
      const css = String(page.$('link[rel=stylesheet]').first().attr('href'));
      const first = await app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
      assert.equal(first.headers['content-encoding'], 'br');
      assert.match(String(first.headers['cache-control']), /immutable/);
      const again = await app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
      assert.deepEqual(again.rawPayload, first.rawPayload);
      const icon = await app.inject({ url: '/favicon.ico', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(icon.headers['content-encoding'], undefined);
    });

    test('a page carrying a CSRF token is not compressed (BREACH)', async () => {
      const login = await app.inject({ url: '/logg-inn', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(login.statusCode, 200);
      assert.match(login.body, /name="_csrf"/);
      assert.equal(login.headers['content-encoding'], undefined);
    });

    test('exports stay streamed when compressed, and their ETag still answers 304', async () => {
      for (const url of ['/api/v1/services.csv', '/hsds/tabular.json']) {
        const plain = await rawGet(`${base}${url}`, {});
        assert.equal(plain.response.headers['content-encoding'], undefined, url);
        const tag = String(plain.response.headers.etag);
        assert.match(tag, /^"/, url);
        const { response, body } = await rawGet(`${base}${url}`, { 'accept-encoding': 'br' });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-encoding'], 'br', url);
        // streamed: chunked, no length known up front
        assert.equal(response.headers['transfer-encoding'], 'chunked', url);
        assert.equal(response.headers['content-length'], undefined, url);
        assert.equal(response.headers.etag, `W/${tag}`, url);
        assert.match(String(response.headers.vary), /Accept-Encoding/);
        assert.deepEqual(brotliDecompressSync(body), plain.body, url);
        const gz = await rawGet(`${base}${url}`, { 'accept-encoding': 'gzip' });
        assert.deepEqual(gunzipSync(gz.body), plain.body, url);
        // the client asks again with the tag it was given, in either form
        for (const inm of [`W/${tag}`, tag]) {
          const again = await rawGet(`${base}${url}`, { 'accept-encoding': 'br', 'if-none-match': inm });
          assert.equal(again.response.statusCode, 304, `${url} ${inm}`);
          assert.equal(again.body.length, 0);
        }
      }
    });

    test('the favicon is served as SVG and ICO with caching, and every page links it', async () => {
      const page = await getPage(app, '/tilbud');
      const svgHref = String(page.$('link[rel=icon][type="image/svg+xml"]').attr('href'));
      const svg = await app.inject({ url: svgHref });
      assert.equal(svg.statusCode, 200);
      assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
      assert.match(String(svg.headers['cache-control']), /max-age=31536000/);
      assert.equal(page.$('link[rel=icon][href="/favicon.ico"]').length, 1);
      for (const url of ['/favicon.ico', '/apple-touch-icon.png']) {
        const icon = await app.inject({ url });
        assert.equal(icon.statusCode, 200, url);
        assert.match(String(icon.headers['cache-control']), /max-age=86400/, url);
        assert.ok(icon.rawPayload.length > 100, url);
      }
      assert.match(String((await app.inject({ url: '/favicon.ico' })).headers['content-type']), /^image\/x-icon/);
    });

    test('every page has a meta description; the public pages have their own', async () => {
      const own = ['/', '/tilbud', `/tilbud/${services[0]!.id}`, '/dekning', '/veileder'];
      const descriptions = new Set<string>();
      for (const url of own) {
        const { status, $ } = await getPage(app, url);
        assert.equal(status, 200, url);
        const description = $('meta[name=description]').attr('content') ?? '';
        assert.ok(description.length >= 50 && description.length <= 200, `${url}: ${description.length} characters`);
        descriptions.add(description);
      }
      assert.equal(descriptions.size, own.length, 'each public page describes itself');
      for (const url of ['/om', '/apne-data', '/logg-inn', '/registrer', '/personvern', '/finnes-ikke', '/tilbud?alder=tolv']) {
        const response = await app.inject({ url });
        const $ = load(response.body);
        assert.equal($('meta[name=description]').length, 1, url);
        assert.ok(String($('meta[name=description]').attr('content')).length > 50, url);
      }
    });
  });
}
