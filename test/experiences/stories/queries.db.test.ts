import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { insertStory, interviewFigures, publicExcerpts, publicStories, smallPlaces } from '../../../src/experiences/stories/queries.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';

const fields = (region: string, year: number) => ({
  pseudonym: 'P', ageBand: '25-39' as const, healthRegionCode: region, setting: 'kommune', serviceLevel: 'lavterskel' as const,
  interviewYear: year, body: 'Tekst.', excerpts: [{ theme: 'mestring' as const, body: 'Utdrag.' }], consents: [],
});

for (const backend of backends()) {
  describe(`story queries on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    before(async () => {
      database = await freshDatabase(backend.name);
    });
    after(async () => {
      await database.close();
    });

    test('interview figures: no count under 5 ever leaves the query, and withdrawn stories do not count', async () => {
      const db = database.db;
      assert.deepEqual(await interviewFigures(db), { total: null, region: [], setting: [], level: [], year: [] });
      for (let i = 0; i < 6; i++) await insertStory(db, fields('helse-vest', 2025), 'system');
      for (let i = 0; i < 3; i++) await insertStory(db, fields('helse-nord', 2024), 'system');
      let figures = await interviewFigures(db);
      assert.equal(figures.total, 9);
      assert.deepEqual(figures.region, [{ key: 'helse-nord', n: null }, { key: 'helse-vest', n: 6 }]);
      assert.deepEqual(figures.year, [{ key: '2024', n: null }, { key: '2025', n: 6 }]);
      assert.deepEqual(figures.setting, [{ key: 'kommune', n: 9 }]);
      assert.ok([...figures.region, ...figures.year, ...figures.level, ...figures.setting].every((c) => c.n === null || c.n >= 5));
      await db.updateTable('experience_story').set({ withdrawn_at: new Date() }).where('health_region_code', '=', 'helse-vest').execute();
      figures = await interviewFigures(db);
      assert.equal(figures.total, null, '3 left: fewer than 5');
    });

    test('nothing of a story is public without the website consent and publication', async () => {
      const db = database.db;
      const { id } = await insertStory(db, { ...fields('helse-midt-norge', 2025), pseudonym: 'Samtykke' }, 'system');
      await db.updateTable('experience_story').set({ status: 'publisert' }).where('id', '=', id).execute();
      assert.ok(!(await publicStories(db)).some((s) => s.id === id), 'published without consent: hidden');
      assert.ok(!(await publicExcerpts(db)).some((x) => x.story_id === id));
      await db.insertInto('experience_story_consent').values({ story_id: id, purpose: 'rapporter', given_on: '2026-11-30', text_version: 'samtykke-2026-11', recorded_by: null }).execute();
      assert.ok(!(await publicStories(db)).some((s) => s.id === id), 'reports consent is not website consent');
      await db.insertInto('experience_story_consent').values({ story_id: id, purpose: 'nettside', given_on: '2026-11-30', text_version: 'samtykke-2026-11', recorded_by: null }).execute();
      assert.ok((await publicStories(db)).some((s) => s.id === id));
      assert.ok((await publicExcerpts(db, 'mestring')).some((x) => x.story_id === id));
    });

    test('small places come from the municipality table by population', async () => {
      const places = await smallPlaces(database.db);
      assert.ok(places.includes('Utsira'), 'Utsira has a few hundred inhabitants');
      assert.ok(!places.includes('Oslo'));
    });
  });
}
