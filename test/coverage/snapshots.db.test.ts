import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { insertSnapshot, listSnapshots } from '../../src/coverage/queries.ts';
import { dataVersion, loadState, type AtlasState } from '../../src/coverage/service.ts';
import { ensureMonthlySnapshot, snapshotIndicators, takeSnapshot } from '../../src/coverage/snapshots.ts';
import { backends } from '../helpers/db.ts';
import { getPage } from '../helpers/app.ts';
import { useAtlasApp } from './fixtures.db.ts';

for (const backend of backends()) {
  describe(`coverage snapshots on ${backend.name}`, { skip: backend.skip }, () => {
    const atlas = useAtlasApp(backend.name);
    let state: AtlasState;

    before(async () => {
      state = await loadState(atlas.database.db, await dataVersion(atlas.database.db));
    });

    test('the first view of the atlas in a month takes that month\'s snapshot, and only one', async () => {
      assert.equal((await listSnapshots(atlas.database.db)).length, 0);
      await getPage(atlas.app, '/dekning');
      await getPage(atlas.app, '/dekning?niva=behandling');
      const snapshots = await listSnapshots(atlas.database.db);
      assert.equal(snapshots.length, 1);
      assert.equal(snapshots[0]!.trigger, 'monthly');
      assert.equal(snapshots[0]!.data_version, state.version);
      assert.equal(snapshots[0]!.indicators.levels.all!.fte, 3.5);
      assert.equal(snapshots[0]!.indicators.levels.behandling!.fte, 1);
      assert.equal(await ensureMonthlySnapshot(atlas.database.db, state), false, 'this month already has one');
    });

    test('months are calendar months in Norway, and a manual snapshot of the same day and data is not repeated', async () => {
      assert.equal(await ensureMonthlySnapshot(atlas.database.db, state, new Date('2031-01-31T23:30:00Z')), true, 'already 1 February in Oslo');
      const february = (await listSnapshots(atlas.database.db)).find((s) => s.taken_on === '2031-02-01');
      assert.equal(february?.month, '2031-02');
      assert.equal(await takeSnapshot(atlas.database.db, state, 'manual', new Date('2031-01-10T12:00:00Z')), true);
      assert.equal(await takeSnapshot(atlas.database.db, state, 'manual', new Date('2031-01-10T15:00:00Z')), false);
    });

    test('the atlas shows the change since the newest snapshot of other data', async () => {
      const older = snapshotIndicators(state);
      older.levels.all = { ...older.levels.all!, fte: 2.5, gini: 0.9 };
      await insertSnapshot(atlas.database.db, { taken_on: '2020-03-01', data_version: 'eldre-data', month: '2020-03', trigger: 'manual', indicators: older });
      const { $ } = await getPage(atlas.app, '/dekning');
      assert.match($('section[aria-labelledby=endring]').text(), /1\. mars 2020/);
      const fte = $('#endring-siden tr:has(th:contains("Årsverk"))').first().find('td').map((_, td) => $(td).text()).get();
      assert.deepEqual(fte, ['2,5', '3,5', '+1']);
      // the table's scrolling region is named by its caption, which says more than the section's heading
      assert.equal($('#endring-siden caption').text(), 'Nøkkeltall 1. mars 2020 og nå');
      assert.ok($('#historikk tbody tr').length >= 3);
      const csv = await atlas.app.inject('/api/v1/coverage.csv?table=snapshots');
      assert.match(csv.body, /2020-03-01,manual,eldre-data,great-circle,all,\d+,2\.5,/);
    });
  });
}
