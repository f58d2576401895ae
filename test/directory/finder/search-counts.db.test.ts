import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { reindexServices, searchServices, type SearchQuery } from '../../../src/directory/index.ts';
import { precomputedCounts } from '../../../src/directory/finder/search.ts';
import { municipalityByNumber } from '../../../src/reference/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 5,
  freshness: { stale: '2025-11-30', hidden: '2025-05-30' }, ...overrides,
});

// A search with no words, filters, age or radius takes its counts from search_facet_count
// (migration 0032), which triggers keep with every write to the finder's rows; every other search
// counts the rows. Both must give the same total, digital count and facet counts after any write.
for (const backend of backends()) {
  describe(`kept facet counts on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization({ name: 'Tellekommune' });
    const services = [
      aService(org, { name: 'Fersk', terms: ['niva:lavterskel', 'felt:rus'] }),
      aService(org, { name: 'Digital', terms: ['niva:behandling', 'felt:rus', 'format:digital'], locations: [] }),
      // confirmed before the hidden cut-off: in no count
      aService(org, { name: 'Gammel', assuredDate: '2024-01-01', terms: ['niva:oppfolging', 'felt:psykisk-helse'] }),
      aService(org, { name: 'Uten dato', assuredDate: null, terms: ['niva:lavterskel', 'felt:psykisk-helse'], locations: [aLocation()] }),
    ];

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], services);
    });
    after(() => { precomputedCounts.use = true; return database.close(); });

    /** The counts as kept and as counted from the rows, for the same search (each on a fresh data version). */
    async function both(overrides: Partial<SearchQuery> = {}) {
      const bump = () => database.db.updateTable('search_version').set({ version: (eb) => eb('version', '+', 1) }).execute();
      await bump();
      precomputedCounts.use = true;
      const kept = await searchServices(database.db, query(overrides));
      await bump();
      precomputedCounts.use = false;
      const counted = await searchServices(database.db, query(overrides));
      precomputedCounts.use = true;
      return { kept, counted };
    }

    test('kept counts equal counted ones, hidden entries left out', async () => {
      const { kept, counted } = await both();
      assert.equal(kept.total, 3);
      assert.deepEqual(kept.facetCounts, counted.facetCounts);
      assert.equal(kept.facetCounts.niva!['niva:oppfolging'], undefined);
      assert.equal(kept.facetCounts.felt!['felt:rus'], 2);
      assert.deepEqual(kept.hits.map((h) => h.id), counted.hits.map((h) => h.id));
    });

    test('they follow adding, changing, reindexing and removing entries', async () => {
      const added = aService(org, { name: 'Ny', terms: ['niva:oppfolging', 'felt:rus'] });
      await store(database.db, [], [added]);
      let { kept, counted } = await both();
      assert.equal(kept.total, 4);
      assert.deepEqual([kept.total, kept.facetCounts], [counted.total, counted.facetCounts]);

      await database.db.updateTable('service').set({ status: 'inactive' }).where('id', '=', services[0]!.id).execute();
      await database.db.transaction().execute((trx) => reindexServices(trx, [services[0]!.id]));
      ({ kept, counted } = await both());
      assert.equal(kept.total, 3);
      assert.deepEqual([kept.total, kept.facetCounts], [counted.total, counted.facetCounts]);

      // a full rebuild deletes and writes every row in two statements
      await database.db.transaction().execute((trx) => reindexServices(trx));
      await database.db.deleteFrom('service').where('id', '=', added.id).execute();
      ({ kept, counted } = await both());
      assert.equal(kept.total, 2);
      assert.deepEqual([kept.total, kept.facetCounts], [counted.total, counted.facetCounts]);
      // nearest first reads its parts by the counts: the digital offer (no point) comes last
      const near = await both({ place: (await municipalityByNumber(database.db, '0301'))!, sort: 'distance' });
      assert.deepEqual(near.kept.hits.map((h) => h.name), ['Uten dato', 'Digital']);
      assert.deepEqual(near.kept.hits.map((h) => h.id), near.counted.hits.map((h) => h.id));
    });

    test('a set of terms no row had before is counted with its own terms (the app keeps each set once)', async () => {
      // counted from the rows: the app has now read the terms of every set there is
      let { kept, counted } = await both();
      assert.equal(counted.facetCounts.format?.['format:gruppe'], undefined);
      const rare = aService(org, { name: 'Sjelden', terms: ['niva:behandling', 'felt:psykisk-helse', 'format:gruppe', 'kostnad:gratis'] });
      await store(database.db, [], [rare]);
      ({ kept, counted } = await both());
      assert.equal(counted.facetCounts.format!['format:gruppe'], 1);
      assert.equal(counted.facetCounts.kostnad!['kostnad:gratis'], 1);
      assert.deepEqual([kept.total, kept.facetCounts], [counted.total, counted.facetCounts]);
      // with words, and a facet selected: the other facets count what choosing them would give
      const withWords = await searchServices(database.db, query({ text: 'Sjelden', filters: { format: ['format:gruppe'] } }));
      assert.equal(withWords.total, 1);
      assert.deepEqual([withWords.facetCounts.format, withWords.facetCounts.niva], [{ 'format:gruppe': 1 }, { 'niva:behandling': 1 }]);
      await database.db.deleteFrom('service').where('id', '=', rare.id).execute();
    });
  });
}
