import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadDemoIdeas } from '../../../src/network/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';

for (const backend of backends()) {
  describe(`demo ideas on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));

    test('a few fictional ideas and one action, loaded once, flagged is_demo and marked on screen and in the data', async () => {
      await loadDemoIdeas(database.db);
      await loadDemoIdeas(database.db);
      const ideas = await database.db.selectFrom('network_idea').select(['is_demo', 'action_id', 'author_id']).execute();
      assert.equal(ideas.length, 3, 'loaded once');
      assert.ok(ideas.every((i) => i.is_demo && i.author_id === null), 'fictional, and no account named as author');
      const actions = await database.db.selectFrom('network_action').select(['id', 'is_demo']).execute();
      assert.deepEqual(actions.map((a) => a.is_demo), [true]);
      assert.equal(ideas.filter((i) => i.action_id === actions[0]!.id).length, 1);

      const page = await getPage(app, '/nettverket/ideer');
      assert.equal(page.$('.card-list > li').length, 4);
      page.$('.card-list > li').each((_, li) => assert.match(page.$(li).text(), /Eksempel \(fiktiv\)/));
      const action = await getPage(app, `/nettverket/ideer/tiltak/${actions[0]!.id}`);
      assert.match(action.$('main').text(), /Eksempel \(fiktiv\)/);
      assert.equal(action.$('.timeline > li').length, 1);
      const json = (await app.inject('/api/v1/network/actions')).json() as { items: { is_demo: boolean }[] };
      assert.deepEqual(json.items.map((a) => a.is_demo), [true]);
    });
  });
}
