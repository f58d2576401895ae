import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clearTravelTimes, findTravelTimeSet } from '../../src/coverage/queries.ts';
import { importTravelTimes } from '../../src/coverage/travel-times.ts';
import { backends } from '../helpers/db.ts';
import { getPage } from '../helpers/app.ts';
import { useAtlasApp } from './fixtures.db.ts';

for (const backend of backends()) {
  describe(`travel-time matrix on ${backend.name}`, { skip: backend.skip }, () => {
    const atlas = useAtlasApp(backend.name);

    test('a file with a bad line is not loaded, and every problem is named with its line', async () => {
      const result = await importTravelTimes(atlas.database.db, 'from,to,minutes\n1804,1804,10\n1804,9999,40\n1804,1806,fem\n', 'feil.csv');
      assert.equal(result.ok, false);
      assert.deepEqual(result.errors.map((e) => e.line), [3, 4]);
      assert.match(result.errors[0]!.message, /Unknown municipality number 9999/);
      assert.equal(await findTravelTimeSet(atlas.database.db), undefined);
    });

    test('a valid matrix is stored and the atlas then measures travel time in minutes, and says so', async () => {
      const csv = 'from;to;minutes\n1804;1804;12,5\n1804;5501;420\n5501;5501;15\n';
      const result = await importTravelTimes(atlas.database.db, csv, 'reisetider.csv');
      assert.equal(result.ok, true);
      assert.equal(result.rows, 3);
      assert.equal(result.missingIntraMunicipal.length, 355);
      const { $ } = await getPage(atlas.app, '/dekning?indikator=avstand');
      assert.equal($('[data-avstand]').attr('data-avstand'), 'travel-time');
      assert.match($('[data-avstand]').text(), /reisetidsmatrise \(reisetider\.csv, 3 par/);
      assert.match($('#kommunetabell th[data-sorter=avstand]').text(), /\(min\)/);
      const bodo = $('#kommunetabell tr[data-kommune=1804] td').eq(6).text();
      assert.equal(bodo, '13', 'Bodø to its own offers: 12.5 minutes');
      const api = (await atlas.app.inject('/api/v1/coverage?unit=national')).json();
      assert.equal(api.distance.kind, 'travel-time');
      assert.equal(api.distance.unit, 'min');
    });

    test('clearing the matrix goes back to great-circle km', async () => {
      await clearTravelTimes(atlas.database.db);
      const { $ } = await getPage(atlas.app, '/dekning');
      assert.equal($('[data-avstand]').attr('data-avstand'), 'great-circle');
    });
  });
}
