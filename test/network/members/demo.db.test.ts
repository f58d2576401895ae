import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadDemoAccounts, DEMO_ACCOUNTS } from '../../../src/accounts/index.ts';
import { loadNetworkDemo } from '../../../src/network/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';

for (const backend of backends()) {
  describe(`network demo data on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    before(async () => { database = await freshDatabase(backend.name); });
    after(async () => { await database.close(); });

    test('one fictional organisation, flagged, with the demo editor as its member contact; loading twice changes nothing', async () => {
      await loadDemoAccounts(database.db);
      await loadNetworkDemo(database.db);
      await loadNetworkDemo(database.db);
      const demo = await database.db.selectFrom('network_organization').select(['id', 'name']).where('is_demo', '=', true).execute();
      assert.equal(demo.length, 1);
      const rows = await database.db.selectFrom('network_membership as m').innerJoin('app_user as u', 'u.id', 'm.user_id')
        .select(['u.email', 'm.role', 'm.status', 'm.organization_id']).execute();
      assert.deepEqual(rows, [{ email: DEMO_ACCOUNTS.editor.email, role: 'member_contact', status: 'approved', organization_id: demo[0]!.id }]);
      // the real members are not touched by the demo
      assert.equal(await database.db.selectFrom('network_organization').select('id').where('is_demo', '=', false).execute().then((r) => r.length), 11);
    });
  });
}
