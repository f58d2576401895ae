import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { ANSWER_CACHE_BYTES, cachedAnswer } from '../../src/opendata/answer-cache.ts';
import { publishService } from '../../src/directory/intake/self-service/publish.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

// The open-data lists keep their answers per data version and day (answer-cache.ts). Two app
// instances share one database here, as behind the proxy: a change published through the editors'
// write path shows at the next request on both, in HSDS and FHIR alike.
for (const backend of backends()) {
  describe(`the open-data answer cache on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let apps: FastifyInstance[] = [];
    const org = anOrganization({ name: 'Hurtigby kommune' });
    const services = ['Alfa-koret', 'Bandet i Hurtigby', 'Cellogruppa'].map((name) => aService(org, { name }));
    const LISTS = ['/hsds/services?per_page=2', '/hsds/services?per_page=5&full=true&page=1', '/hsds/services?per_page=2&page=2', '/hsds/services?per_page=5&full=true',
      '/fhir/HealthcareService?_count=2', '/fhir/HealthcareService?_count=2&_offset=2'];
    const names = (body: string) => [...body.matchAll(/"name":"(Alfa-koret|Bandet i Hurtigby|Cellogruppa|Zulu-bandet)"/g)].map((m) => m[1]);

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], services);
      apps = [await testApp(database.db), await testApp(database.db)];
    });
    after(async () => {
      for (const app of apps) await app.close();
      await database?.close();
    });

    test('a list asked again is the same answer; a change through the write path shows at the next request on every instance', async () => {
      const seen = new Map<string, string>();
      for (const app of apps) {
        for (const url of LISTS) {
          const first = await app.inject({ method: 'GET', url });
          const again = await app.inject({ method: 'GET', url });
          assert.equal(first.statusCode, 200, url);
          assert.equal(again.body, first.body, url);
          assert.equal(again.headers['content-type'], first.headers['content-type'], url);
          for (const encoding of ['br', 'gzip'] as const) {
            const compressed = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
            if (url.includes('full=true')) assert.ok(compressed.headers['content-encoding'], `${url} is compressed`);
            if (compressed.headers['content-encoding']) {
              assert.equal(compressed.headers['content-encoding'], encoding, url);
              assert.match(String(compressed.headers.etag), /^W\//, `${url}: a compressed answer's tag is weak`);
              const body = encoding === 'br' ? brotliDecompressSync(compressed.rawPayload) : gunzipSync(compressed.rawPayload);
              assert.equal(body.toString('utf8'), first.body, `${url} ${encoding}`);
            }
          }
          if (seen.has(url)) assert.equal(first.body, seen.get(url), `${url}: both instances answer alike`);
          seen.set(url, first.body);
        }
      }
      assert.deepEqual(names(seen.get('/hsds/services?per_page=2')!), ['Alfa-koret', 'Bandet i Hurtigby']);

      // the first offer is renamed by its editor: it moves to the end of the name order
      const renamed = { ...services[0]!, name: 'Zulu-bandet' };
      await database.db.transaction().execute((trx) => publishService(trx, renamed, 'system', null, false));

      for (const app of apps) {
        const first = await app.inject({ method: 'GET', url: '/hsds/services?per_page=2' });
        const second = await app.inject({ method: 'GET', url: '/hsds/services?per_page=2&page=2' });
        assert.deepEqual(names(first.body), ['Bandet i Hurtigby', 'Cellogruppa']);
        assert.deepEqual(names(second.body), ['Zulu-bandet']);
        assert.match((await app.inject({ method: 'GET', url: '/hsds/services?per_page=5&full=true' })).body, /Zulu-bandet/);
        const fhir = JSON.parse((await app.inject({ method: 'GET', url: '/fhir/HealthcareService?_count=2&_offset=2' })).body) as { entry: { resource: { name: string } }[] };
        assert.deepEqual(fhir.entry.map((e) => e.resource.name), ['Zulu-bandet']);
        // a client holding the old answer gets the new one
        const old = await app.inject({ method: 'GET', url: '/hsds/services?per_page=2', headers: { 'if-none-match': '"1-2000-01-01"' } });
        assert.equal(old.statusCode, 200);
      }
    });

    test('a miss is computed once for every request waiting on it; an older version is not kept; memory stays within its bound', async () => {
      const db = database.db;
      let computed = 0;
      const compute = async () => {
        computed++;
        return 'answer';
      };
      const day = '2026-11-30';
      // versions past any the routes above have read: the handle's cache moves on to them
      const v = 1_000_000;
      const [a, b] = await Promise.all([cachedAnswer(db, { version: v, day }, 'k', compute, () => 10), cachedAnswer(db, { version: v, day }, 'k', compute, () => 10)]);
      assert.equal(a, 'answer');
      assert.equal(b, 'answer');
      assert.equal(computed, 1, 'one computation for two waiting requests');
      await cachedAnswer(db, { version: v - 1, day }, 'k', compute, () => 10);
      assert.equal(computed, 2, 'a request that read an older version computes');
      await cachedAnswer(db, { version: v, day }, 'k', compute, () => 10);
      assert.equal(computed, 2, 'and the current version is still kept');
      await cachedAnswer(db, { version: v, day: '2026-12-01' }, 'k', compute, () => 10);
      assert.equal(computed, 3, 'a new day starts afresh (the public set is judged by the day)');

      // entries each a third of the bound: the fourth pushes out the least recently used
      const third = Math.ceil(ANSWER_CACHE_BYTES / 3);
      const next = { version: v + 1, day };
      for (const key of ['one', 'two', 'three']) await cachedAnswer(db, next, key, compute, () => third);
      await cachedAnswer(db, next, 'one', compute, () => third); // used again: 'two' is now the oldest
      const before = computed;
      await cachedAnswer(db, next, 'four', compute, () => third);
      await cachedAnswer(db, next, 'one', compute, () => third);
      assert.equal(computed, before + 1, "'one' was kept");
      await cachedAnswer(db, next, 'two', compute, () => third);
      assert.equal(computed, before + 2, "'two' was let go");

      // a failed computation is not kept
      await assert.rejects(cachedAnswer(db, next, 'fails', async () => { throw new Error('database gone'); }, () => 1));
      assert.equal(await cachedAnswer(db, next, 'fails', compute, () => 1), 'answer');
    });
  });
}
