import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { WARM_UP_PATHS } from '../../../src/app.ts';
import { warmUp } from '../../../src/platform/http/warm-up.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

const TOKEN = 'metrics-token-for-the-warm-up-test-0123456789abcdef';

// Before it listens, an instance asks itself for the busiest public pages (src/main.ts), so the
// first requests a proxy sends it find them kept.
describe('warming an instance up', () => {
  for (const backend of backends()) {
    describe(`on ${backend.name}`, { skip: backend.skip }, () => {
      const org = anOrganization({ name: 'Varmestad kommune' });
      const suite = appSuite(backend.name, { env: { METRICS_TOKEN: TOKEN }, seed: (db) => store(db, [org], [aService(org, { name: 'Varmestadkoret' })]) });
      let app: FastifyInstance;
      before(() => ({ app } = suite));

      const lookups = async (cache: string) => {
        const text = (await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
        const value = (result: string) => Number(text.match(new RegExp(`^samklang_cache_lookups_total\\{cache="${cache}",result="${result}"\\} (\\d+)`, 'm'))?.[1] ?? 0);
        return { hit: value('hit'), miss: value('miss') };
      };

      test('the busiest pages are answered once, and the finder\'s then come from the cache; a page that fails does not stop it', async () => {
        // the counters are the process's: each database's suite counts from its own start
        const start = { page: await lookups('finder_page'), api: await lookups('finder_api') };
        await warmUp(app, [...WARM_UP_PATHS, '/finnes-ikke', '/tilbud?alder=gammel']);
        const before = { page: await lookups('finder_page'), api: await lookups('finder_api') };
        assert.equal(before.page.miss - start.page.miss, 2, 'the plain finder and the finder from Oslo');
        assert.equal(before.api.miss - start.api.miss, 1);
        const page = await app.inject({ url: '/tilbud' });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Varmestadkoret/);
        assert.equal((await app.inject({ url: '/api/v1/services' })).statusCode, 200);
        assert.deepEqual(await lookups('finder_page'), { hit: before.page.hit + 1, miss: before.page.miss });
        assert.deepEqual(await lookups('finder_api'), { hit: before.api.hit + 1, miss: before.api.miss });
      });
    });
  }
});
