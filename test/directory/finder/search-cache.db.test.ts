import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../../src/directory/index.ts';
import { orderedHits } from '../../../src/directory/finder/search.ts';
import type { Place } from '../../../src/reference/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { aService, anOrganization, store } from '../factories.ts';

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 50, ...overrides,
});

// Facet counts, totals and typo expansions are cached per data version; these tests write between
// identical searches and expect the second search to see the write.
for (const backend of backends()) {
  describe(`search cache on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization({ name: 'Cachekommune' });
    const rus = { filters: { felt: ['felt:rus'] } };

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [aService(org, { name: 'Første', terms: ['niva:lavterskel', 'felt:rus'] })]);
    });
    after(() => database.close());

    const version = async () => Number((await sql<{ v: string }>`select version as v from search_version`.execute(database.db)).rows[0]!.v);

    test('a new service shows in the total and facet counts of a search made just before', async () => {
      const first = await searchServices(database.db, query(rus));
      assert.equal(first.total, 1);
      assert.equal(first.facetCounts.felt!['felt:rus'], 1);
      const before = await version();
      await store(database.db, [], [aService(org, { name: 'Andre', terms: ['niva:behandling', 'felt:rus'] })]);
      assert.ok((await version()) > before, 'the data version moves with the write');
      const second = await searchServices(database.db, query(rus));
      assert.equal(second.total, 2);
      assert.equal(second.facetCounts.felt!['felt:rus'], 2);
      assert.equal(second.facetCounts.niva!['niva:behandling'], 1);
    });

    test('a removal that cascades past reindexServices is seen too', async () => {
      const extra = aService(org, { name: 'Tredje', terms: ['niva:oppfolging', 'felt:rus'] });
      await store(database.db, [], [extra]);
      assert.equal((await searchServices(database.db, query(rus))).total, 3);
      await database.db.deleteFrom('service').where('id', '=', extra.id).execute();
      const after = await searchServices(database.db, query(rus));
      assert.equal(after.total, 2);
      assert.equal(after.facetCounts.niva!['niva:oppfolging'], undefined);
    });

    test('the order of the first hits is kept per data version: a page after a write shows the write, in its place', async () => {
      const names = async () => (await searchServices(database.db, query({ text: 'sangstund', perPage: 2 }))).hits.map((h) => h.name);
      await store(database.db, [], [
        aService(org, { name: 'Sangstund i parken', description: 'Sang ute.' }),
        aService(org, { name: 'Bandøving', description: 'Vi har også sangstund av og til.' }),
      ]);
      assert.deepEqual(await names(), ['Sangstund i parken', 'Bandøving'], 'a match in the name ranks above one in the text');
      await store(database.db, [], [aService(org, { name: 'Sangstund, sangstund', description: 'Sangstund hver dag: sangstund for alle.' })]);
      assert.deepEqual(await names(), ['Sangstund, sangstund', 'Sangstund i parken'], 'the new best match comes first at once');
      const second = await searchServices(database.db, query({ text: 'sangstund', perPage: 2, page: 2 }));
      assert.deepEqual(second.hits.map((h) => h.name), ['Bandøving']);
    });

    test('pages from the kept order and pages read from the table agree, by relevance, name and place', async () => {
      const oslo: Place = { kind: 'postal_code', label: '0150 Oslo', lat: 59.91, lon: 10.75, origin: 'postal_code_point', municipalityNumber: '0301', municipalityName: 'Oslo' };
      const keptTop = orderedHits.top;
      const variants: Partial<SearchQuery>[] = [{ text: 'sangstund' }, { sort: 'name' }, { place: oslo }, { place: oslo, sort: 'distance' }];
      for (const overrides of variants) {
        const pages = async () => {
          const ids: string[] = [];
          for (let page = 1; page <= 4; page++) ids.push(...(await searchServices(database.db, query({ ...overrides, perPage: 2, page }))).hits.map((h) => h.id));
          return ids;
        };
        const kept = await pages();
        orderedHits.top = 0;
        try {
          assert.deepEqual(await pages(), kept, JSON.stringify(overrides));
        } finally {
          orderedHits.top = keptTop;
        }
        assert.ok(kept.length >= 3);
      }
    });

    test('typo tolerance learns the words of a service added after the first search', async () => {
      assert.equal((await searchServices(database.db, query({ text: 'klagbadet' }))).total, 0);
      await store(database.db, [], [aService(org, { name: 'Klangbadet', description: 'Lydbad og avspenning.' })]);
      const result = await searchServices(database.db, query({ text: 'klagbadet' }));
      assert.deepEqual(result.hits.map((h) => h.name), ['Klangbadet']);
      assert.ok(result.fuzzyMatches.some((f) => f.matched.some((word) => word.startsWith('klangbad'))));
    });
  });
}
