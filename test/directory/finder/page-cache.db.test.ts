import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/platform/db/index.ts';
import { loadServiceAggregate } from '../../../src/directory/queries.ts';
import { publishService } from '../../../src/directory/intake/self-service/publish.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aService, anOrganization, store } from '../factories.ts';
import { anAccount, PASSWORD, Visitor } from '../../accounts/client.ts';

const TOKEN = 'metrics-token-for-the-finder-page-cache-0123456789';

// The public's finder pages are kept while the data they show stays the same (finder/page-cache.ts).
describe('the finder\'s page cache', { concurrency: 1 }, () => {
  for (const backend of backends()) {
    describe(`on ${backend.name}`, { skip: backend.skip }, () => {
      const org = anOrganization({ name: 'Kjelby kommune' });
      const band = aService(org, { name: 'Kjelbybandet', description: 'Vi spiller musikk sammen hver uke.' });
      const suite = appSuite(backend.name, { env: { METRICS_TOKEN: TOKEN }, seed: (db) => store(db, [org], [band]) });
      let app: FastifyInstance;
      let db: Db;
      before(() => ({ app, db } = suite));

      const counts = async (cache = 'finder_page') => {
        const text = (await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
        const value = (result: string) =>
          Number(text.split('\n').find((l) => l.startsWith(`samklang_cache_lookups_total{cache="${cache}",result="${result}"} `))?.split(' ')[1] ?? 0);
        return { hit: value('hit'), miss: value('miss') };
      };
      const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

      test('a page asked again is the same page from the cache, compressed alike; each language is its own', async () => {
        const first = await get('/tilbud?q=musikk');
        const start = await counts();
        const again = await get('/tilbud?q=musikk');
        const compressed = await get('/tilbud?q=musikk', { 'accept-encoding': 'br' });
        const end = await counts();
        assert.equal(again.statusCode, 200);
        assert.equal(again.body, first.body);
        assert.equal(compressed.headers['content-encoding'], 'br');
        assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), first.body);
        assert.equal(end.hit, start.hit + 2);
        assert.equal(end.miss, start.miss);
        const english = await get('/tilbud?q=musikk&lang=en');
        assert.match(english.body, /<html lang="en"/);
        assert.match((await get('/tilbud?q=musikk')).body, /<html lang="nb"/);
      });

      test('a change published through the editors\' write path shows at the next request', async () => {
        assert.match((await get('/tilbud?q=musikk')).body, /Kjelbybandet/);
        const aggregate = (await loadServiceAggregate(db, band.id))!;
        await db.transaction().execute((trx) => publishService(trx, { ...aggregate, name: 'Kjelbykoret' }, 'system', null, false));
        const after = (await get('/tilbud?q=musikk')).body;
        assert.match(after, /Kjelbykoret/);
        assert.doesNotMatch(after, /Kjelbybandet/);
        // what no finder answer shows (the waiting time) leaves the kept answers as they are
        const before = await counts();
        await db.transaction().execute(async (trx) => publishService(trx, { ...(await loadServiceAggregate(trx, band.id))!, waitTime: 'Omtrent to uker' }, 'system', null, false));
        assert.equal((await get('/tilbud?q=musikk')).body, after);
        assert.deepEqual(await counts(), { hit: before.hit + 1, miss: before.miss });
      });

      test('a change of the texts a hit shows beside the finder\'s row shows at the next request, even when the search words stay the same', async () => {
        const publish = (change: (aggregate: NonNullable<Awaited<ReturnType<typeof loadServiceAggregate>>>) => object) =>
          db.transaction().execute(async (trx) => {
            const aggregate = (await loadServiceAggregate(trx, band.id))!;
            await publishService(trx, { ...aggregate, ...change(aggregate) }, 'system', null, false);
          });
        const searchVersion = async () => (await db.selectFrom('search_version').select('version').executeTakeFirstOrThrow()).version;
        await publish(() => ({ description: 'Vi spiller musikk sammen hver uke.' }));
        assert.match((await get('/tilbud?q=musikk')).body, /hver uke\./);
        // only the full stop becomes an exclamation mark: the search document is the same, the text shown is not
        const version = await searchVersion();
        await publish(() => ({ description: 'Vi spiller musikk sammen hver uke!' }));
        assert.notEqual(await searchVersion(), version, 'the row names its description');
        assert.match((await get('/tilbud?q=musikk')).body, /hver uke!/);
        // the English name, shown on the English page and listed in the API's answer
        const url = '/api/v1/services?q=musikk';
        assert.equal((await get(`${url}&lang=en`)).statusCode, 200);
        await get(url);
        await publish((aggregate) => ({ translations: [...aggregate.translations.filter((t) => t.language !== 'en'), { language: 'en', name: 'The Kjelby Band', description: null, applicationProcess: null }] }));
        assert.match((await get('/tilbud?q=musikk&lang=en')).body, /The Kjelby Band/);
        assert.match((await get(url)).body, /The Kjelby Band/);
        await publish((aggregate) => ({ translations: aggregate.translations.map((t) => (t.language === 'en' ? { ...t, name: 'The Kjelby Band!' } : t)) }));
        assert.match((await get('/tilbud?q=musikk&lang=en')).body, /The Kjelby Band!/);
      });

      test('the JSON API\'s answers are kept alike: the same bytes as the schema writes them, gone with a change; problems are not kept', async () => {
        const url = '/api/v1/services?q=musikk&antall=5';
        const first = await get(url);
        const start = await counts('finder_api');
        const again = await get(url);
        assert.equal((await counts('finder_api')).hit, start.hit + 1);
        assert.equal(again.statusCode, 200);
        assert.match(String(again.headers['content-type']), /^application\/json/);
        assert.equal(again.body, first.body);
        const name = JSON.parse(first.body).items[0].name;
        const aggregate = (await loadServiceAggregate(db, band.id))!;
        await db.transaction().execute((trx) => publishService(trx, { ...aggregate, name: `${name} og venner` }, 'system', null, false));
        assert.equal(JSON.parse((await get(url)).body).items[0].name, `${name} og venner`);
        // a problem is answered, never kept
        const before = await counts('finder_api');
        assert.equal((await get('/api/v1/services?sted=Finnesikke')).statusCode, 400);
        assert.equal((await get('/api/v1/services?sted=Finnesikke')).statusCode, 400);
        assert.equal((await counts('finder_api')).miss, before.miss + 2);
      });

      test('the same page asked by many at once is computed once; a redirect or a page with errors reaches them all and is not kept', async () => {
        for (const [url, cache] of [['/tilbud?q=kjelby&side=1', 'finder_page'], ['/api/v1/services?q=kjelby&side=1', 'finder_api']] as const) {
          const start = await counts(cache);
          const answers = await Promise.all(Array.from({ length: 6 }, () => get(url)));
          const end = await counts(cache);
          assert.equal(end.miss, start.miss + 1, `${url}: one computation`);
          assert.equal(end.hit, start.hit + 5);
          assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([200]));
          assert.equal(new Set(answers.map((a) => a.body)).size, 1);
        }
        // past the last page: all are sent to the last one, and the next asking computes again
        const past = await Promise.all(Array.from({ length: 3 }, () => get('/tilbud?q=kjelby&side=9')));
        assert.deepEqual(past.map((a) => [a.statusCode, a.headers.location]), Array(3).fill([303, '/tilbud?q=kjelby']));
        const start = await counts();
        assert.equal((await get('/tilbud?q=kjelby&side=9')).statusCode, 303);
        assert.equal((await counts()).miss, start.miss + 1);
        const unknown = await Promise.all(Array.from({ length: 3 }, () => get('/tilbud?sted=Finnesikke')));
        assert.deepEqual(unknown.map((a) => a.statusCode), [400, 400, 400]);
        assert.match(unknown[2]!.body, /Finnesikke/);
      });

      test('pages of signed-in people and pages with errors are never kept', async () => {
        await anAccount(db, { email: 'kari@example.no' });
        const kari = new Visitor(app);
        await kari.get('/logg-inn');
        assert.equal((await kari.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD })).status, 303);
        const start = await counts();
        const signedIn = await kari.get('/tilbud?q=musikk');
        assert.match(signedIn.body, /name="_csrf"/, 'the layout holds the sign-out form');
        assert.doesNotMatch((await get('/tilbud?q=musikk')).body, /name="_csrf"/);
        const wrong = await get('/tilbud?q=musikk&alder=-4');
        assert.equal(wrong.statusCode, 400);
        const end = await counts();
        assert.equal(end.hit + end.miss, start.hit + start.miss + 1, 'only the public page was looked up');
      });
    });
  }
});
