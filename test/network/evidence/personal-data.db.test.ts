import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor } from '../../accounts/client.ts';
import { PEOPLE, evidencePeople } from './helpers.ts';

for (const backend of backends()) {
  describe(`the evidence library's personal data on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await evidencePeople(database.db);
    });

    test('the data download lists the entries a coordinator checked; deletion takes the name off them and keeps the entries checked', async () => {
      const coordinator = new Visitor(app);
      await coordinator.signIn(PEOPLE.coordinator, PASSWORD);
      await coordinator.get('/nettverket/kunnskap/kilde/gold2013-low-motivation-rct');
      assert.equal((await coordinator.post('/nettverket/kunnskap/kilde/gold2013-low-motivation-rct/kontroller', {})).status, 303);
      const data = JSON.parse((await coordinator.get('/konto/mine-data.json')).body) as { evidenceEntriesChecked: { key: string }[] };
      assert.deepEqual(data.evidenceEntriesChecked.map((e) => e.key), ['gold2013-low-motivation-rct']);
      assert.match((await getPage(app, '/personvern')).$('main').text(), /Arbeid i kunnskapsbiblioteket/);

      await coordinator.get('/konto/slett');
      assert.equal((await coordinator.post('/konto/slett', { bekreft: PEOPLE.coordinator })).status, 200);
      const entry = await database.db.selectFrom('evidence_entry').select(['checked_at', 'checked_by']).where('key', '=', 'gold2013-low-motivation-rct').executeTakeFirstOrThrow();
      assert.equal(entry.checked_by, null);
      assert.notEqual(entry.checked_at, null);
      const page = await getPage(app, '/nettverket/kunnskap/kilde/gold2013-low-motivation-rct');
      assert.doesNotMatch(page.$('main').text(), /Kari Koordinator/);
      assert.match(page.$('main').text(), /Kontrollert \d+\./);
    });
  });
}
