import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { loadServiceAggregate } from '../../src/directory/queries.ts';
import { publishService } from '../../src/directory/intake/self-service/publish.ts';
import { dataVersion, loadState } from '../../src/coverage/service.ts';
import { takeSnapshot } from '../../src/coverage/snapshots.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { getPage, testApp } from '../helpers/app.ts';
import { bodoLow, storeAtlasFixture } from './fixtures.db.ts';

const TOKEN = 'metrics-token-for-the-atlas-cache-test-0123456789';
const BODO = '1804';

// One backend after the other: the counters in /metrics are the process's.
describe('the atlas pages\' cache', { concurrency: 1 }, () => {
 for (const backend of backends()) {
  describe(`on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    before(async () => {
      database = await freshDatabase(backend.name);
      await storeAtlasFixture(database.db);
      app = await testApp(database.db, { METRICS_TOKEN: TOKEN });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    /** The atlas caches' counters in /metrics: the state (atlas) and what the pages derive from it (atlas_page). */
    const counters = async () => {
      const text = (await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
      const value = (cache: string, result: string) => {
        const series = `samklang_cache_lookups_total{cache="${cache}",result="${result}"} `;
        return Number(text.split('\n').find((l) => l.startsWith(series))?.slice(series.length) ?? 0);
      };
      return { stateMiss: value('atlas', 'miss'), pageHit: value('atlas_page', 'hit'), pageMiss: value('atlas_page', 'miss') };
    };
    const bodoRow = (page: Awaited<ReturnType<typeof getPage>>) =>
      page.$('#kommunetabell tbody tr').filter((_, tr) => page.$(tr).find('th a').attr('href')?.includes(`/dekning/kommune/${BODO}`) === true)
        .find('td').map((_, td) => page.$(td).text().trim()).get().join(' | ');

    test('a repeated view is answered from the cache, the same page; each language and query has its own entry', async () => {
      await getPage(app, '/dekning'); // the first view takes the month's snapshot: the history changes once
      const first = await getPage(app, '/dekning');
      const profile = await getPage(app, `/dekning/kommune/${BODO}`);
      const start = await counters();
      const again = await getPage(app, '/dekning');
      const profileAgain = await getPage(app, `/dekning/kommune/${BODO}`);
      const end = await counters();
      assert.equal(end.stateMiss, start.stateMiss, 'the state is kept');
      assert.equal(end.pageMiss, start.pageMiss, 'nothing derived is computed again');
      assert.ok(end.pageHit >= start.pageHit + 2, `hits ${start.pageHit} → ${end.pageHit}`);
      assert.equal(again.body, first.body);
      assert.equal(profileAgain.body, profile.body);

      const english = await getPage(app, '/dekning?lang=en');
      assert.equal(english.$('h1').text(), 'Coverage atlas');
      assert.match(english.$('#kart-tittel').text(), /^Map of the municipalities/);
      const bokmal = await getPage(app, '/dekning?lang=nb');
      assert.equal(bokmal.$('h1').text(), 'Dekningsatlas');
      assert.match(bokmal.$('#kart-tittel').text(), /^Kart over kommunene/);
      const north = await getPage(app, '/dekning?helseregion=helse-nord');
      assert.equal(north.$('#kommunetabell tbody tr').length < first.$('#kommunetabell tbody tr').length, true);
      // ids of the parts rendered apart stay unique in the page
      const ids = first.$('[id]').map((_, el) => first.$(el).attr('id')).get();
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    });

    test('an editor\'s change, published through the real write path, shows at the next view', async () => {
      const before = await getPage(app, '/dekning');
      const profile = await getPage(app, `/dekning/kommune/${BODO}`);
      assert.match(profile.$('#tilbud').parent().text(), /Lavterskel band i Bodø/);
      const start = await counters();
      const aggregate = (await loadServiceAggregate(database.db, bodoLow.id))!;
      await database.db.transaction().execute((trx) => publishService(trx, { ...aggregate, name: 'Lavterskel kor i Bodø', fte: 7 }, 'system', null, false));

      const after = await getPage(app, '/dekning');
      assert.notEqual(bodoRow(after), bodoRow(before), 'Bodø\'s FTE in the table follows');
      assert.match(bodoRow(after), /^Nordland \| [^|]+ \| 8 \|/, 'its FTE 2 + 1 became 7 + 1');
      const profileAfter = await getPage(app, `/dekning/kommune/${BODO}`);
      const offers = profileAfter.$('#tilbud').parent().text();
      assert.match(offers, /Lavterskel kor i Bodø/);
      assert.doesNotMatch(offers, /Lavterskel band i Bodø/);
      assert.ok((await counters()).stateMiss > start.stateMiss, 'the new data is a miss');
    });

    test('an edit the atlas does not read (a waiting time) keeps the state and every page derived from it', async () => {
      const before = await getPage(app, '/dekning');
      const profile = await getPage(app, `/dekning/kommune/${BODO}`);
      const start = await counters();
      const aggregate = (await loadServiceAggregate(database.db, bodoLow.id))!;
      await database.db.transaction().execute((trx) => publishService(trx, { ...aggregate, waitTime: 'Omtrent tre uker' }, 'system', null, false));
      const after = await getPage(app, '/dekning');
      const profileAfter = await getPage(app, `/dekning/kommune/${BODO}`);
      const end = await counters();
      assert.ok(end.stateMiss > start.stateMiss, 'the stamp moved, so the inputs were read again');
      assert.equal(end.pageMiss, start.pageMiss, 'the inputs were the same: nothing derived was computed again');
      assert.equal(after.body, before.body);
      assert.equal(profileAfter.body, profile.body);
    });

    test('a snapshot stored by another process shows in the history at the next view', async () => {
      const caption = (page: Awaited<ReturnType<typeof getPage>>) => page.$('#historikk tbody tr').length;
      const before = await getPage(app, '/dekning');
      const state = await loadState(database.db, await dataVersion(database.db));
      assert.ok(await takeSnapshot(database.db, state, 'manual', new Date('2026-01-15T12:00:00Z')));
      const after = await getPage(app, '/dekning');
      assert.equal(caption(after), caption(before) + 1);
      assert.match(after.$('#historikk').text(), /15\. januar 2026/);
    });
  });
}
});
