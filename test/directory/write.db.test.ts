import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { rebuildOutdatedSearchIndex, searchServices } from '../../src/directory/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { aService, anOrganization, store } from './factories.ts';

for (const backend of backends()) {
  describe(`the finder's rows on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization();
    const free = aService(org, { name: 'Åpent verksted', description: 'Vi spiller sammen.', terms: ['niva:lavterskel', 'kostnad:gratis', 'arena:kriminalomsorg'] });

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [free]);
    });
    after(() => database.close());

    const search = (text: string) => searchServices(database.db, { text, place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 10 });

    test('rows built with an older format of the search document are rebuilt once at start', async () => {
      // as rows built before the classification's words were indexed
      await sql`update service_search set document = setweight(to_tsvector('norwegian', name), 'A')`.execute(database.db);
      await sql`update search_version set index_format = 0`.execute(database.db);
      assert.equal((await search('fengsel')).total, 0);
      assert.equal(await rebuildOutdatedSearchIndex(database.db), true);
      assert.equal((await search('fengsel')).total, 1);
      assert.equal((await search('gratis')).total, 1);
      assert.equal(await rebuildOutdatedSearchIndex(database.db), false);
    });
  });
}
