import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadDemoData } from '../../../src/directory/index.ts';
import { loadDemoSurveyAnswers } from '../../../src/experiences/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';

for (const backend of backends()) {
  describe(`demo survey answers on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => loadDemoData(db, { services: 10 }) });
    before(() => ({ database, app } = suite));

    test('three demo offers get enough fictional answers to show results, loaded once, flagged and marked on screen', async () => {
      await loadDemoSurveyAnswers(database.db, new Date());
      await loadDemoSurveyAnswers(database.db, new Date());
      const rows = await database.db.selectFrom('experience_survey_answer').select(['service_id', 'is_demo', 'free_text']).execute();
      assert.equal(rows.length, 7 + 8 + 9, 'loaded once');
      assert.ok(rows.every((r) => r.is_demo && r.free_text === null));
      const serviceId = rows[0]!.service_id;
      const page = await getPage(app, `/erfaringer/tilbud/${serviceId}`);
      assert.equal(page.status, 200);
      assert.equal(page.$('table tbody tr').length, 8);
      assert.match(page.$('main').text(), /Eksempel \(fiktiv\)/);
    });
  });
}
