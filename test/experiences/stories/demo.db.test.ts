import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadDemoStories } from '../../../src/experiences/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';

for (const backend of backends()) {
  describe(`demo stories on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));

    test('two fictional stories, loaded once, flagged is_demo and marked on screen', async () => {
      await loadDemoStories(database.db);
      await loadDemoStories(database.db);
      const rows = await database.db.selectFrom('experience_story').select(['id', 'is_demo', 'pseudonym']).execute();
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => r.is_demo && /\(fiktiv\)/.test(r.pseudonym)));
      const page = await getPage(app, '/erfaringer');
      assert.equal(page.$('.story-list > li').length, 2);
      page.$('.story-list > li').each((_, li) => assert.match(page.$(li).text(), /Eksempel \(fiktiv\)/));
      const story = await getPage(app, `/erfaringer/fortellinger/${rows[0]!.id}`);
      assert.match(story.$('main').text(), /Eksempel \(fiktiv\)/);
      assert.match(story.$('main').text(), /oppdiktet/);
      const theme = await getPage(app, '/erfaringer/tema/fellesskap');
      assert.equal(theme.$('.excerpt-list > li').length, 1);
      assert.equal((await getPage(app, '/erfaringer/tema/ukjent')).status, 404);
    });
  });
}
