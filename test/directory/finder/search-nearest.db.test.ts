import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../../src/directory/index.ts';
import { nearbyOrder, orderedHits } from '../../../src/directory/finder/search.ts';
import { municipalityByNumber, type Place } from '../../../src/reference/index.ts';
import { greatCircleKm } from '../../../src/coverage/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'distance', page: 1, perPage: 100, ...overrides,
});

/** A fixed pseudo-random sequence, so every run places the same points. */
function sequence(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

// "Nearest first" reads three parts with indexes (points in the place's municipality, other
// points, no point); these tests hold the pages to the order worked out here by hand.
for (const backend of backends()) {
  describe(`nearest-first paging on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let oslo: Place;
    const random = sequence(7);
    const org = anOrganization();
    const services = Array.from({ length: 48 }, (_, i) => {
      const digital = i % 12 === 0;
      const inOslo = i % 4 === 1;
      // a few shared names, so ties are broken by id
      const name = `Tilbud ${String(i % 20).padStart(2, '0')}`;
      const terms = ['niva:lavterskel', i % 3 === 0 ? 'felt:rus' : 'felt:psykisk-helse'];
      if (digital) return aService(org, { name, terms: [...terms, 'format:digital'], locations: [] });
      const lat = inOslo ? 59.85 + random() * 0.15 : 58.5 + random() * 5;
      const lon = inOslo ? 10.6 + random() * 0.3 : 5.5 + random() * 6;
      return aService(org, { name, terms, locations: [aLocation({ latitude: lat, longitude: lon, municipalityNumber: inOslo ? '0301' : '3301' })] });
    });

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], services);
      oslo = (await municipalityByNumber(database.db, '0301'))!;
    });
    after(() => database.close());

    /** The order by hand: Oslo points by distance, other points by distance, then no point; ties by name, id. */
    function expected(keep: (s: (typeof services)[number]) => boolean, radiusKm: number | null = null): string[] {
      const rows = services.filter(keep).map((s) => {
        const l = s.locations[0];
        const km = l ? greatCircleKm(oslo.lat, oslo.lon, l.latitude!, l.longitude!) : null;
        return { id: s.id, name: s.name, km, part: !l ? 2 : l.municipalityNumber === '0301' ? 0 : 1 };
      }).filter((r) => radiusKm === null || r.km === null || r.km <= radiusKm);
      rows.sort((a, b) => a.part - b.part || (a.km ?? 0) - (b.km ?? 0) || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
      return rows.map((r) => r.id);
    }

    async function allPages(overrides: Partial<SearchQuery>, perPage: number): Promise<{ ids: string[]; totals: number[] }> {
      const ids: string[] = [];
      const totals: number[] = [];
      for (let page = 1; page <= 12; page++) {
        const result = await searchServices(database.db, query({ place: oslo, perPage, page, ...overrides }));
        ids.push(...result.hits.map((h) => h.id));
        totals.push(result.total);
      }
      return { ids, totals };
    }

    test('one long page lists the municipality first, then by distance, digital offers last', async () => {
      const result = await searchServices(database.db, query({ place: oslo }));
      assert.deepEqual(result.hits.map((h) => h.id), expected(() => true));
      assert.equal(result.total, services.length);
    });

    // the first hits' order is kept per data version; top 0 reads every page from the table instead
    const keptTop = orderedHits.top;
    after(() => { orderedHits.top = keptTop; });
    for (const top of [keptTop, 0]) {
      const how = top ? 'from the kept order' : 'read from the table';
      test(`pages of 5 add up to the same order, whichever parts a page spans (${how})`, async () => {
        orderedHits.top = top;
        const { ids, totals } = await allPages({}, 5);
        assert.deepEqual(ids, expected(() => true));
        assert.ok(totals.every((t) => t === services.length));
      });

      test(`with a filter and a radius, pages of 3 still follow the order (${how})`, async () => {
        orderedHits.top = top;
        const rus = (s: (typeof services)[number]) => s.terms.includes('felt:rus');
        const { ids } = await allPages({ filters: { felt: ['felt:rus'] }, radiusKm: 250 }, 3);
        assert.deepEqual(ids, expected(rus, 250));
      });
    }

    // the first pages order only the first hits; a page beyond them orders all that are kept
    test('pages on both sides of the first hits follow the same order', async () => {
      const keptFirst = orderedHits.first;
      try {
        orderedHits.first = 7;
        const { ids } = await allPages({}, 5);
        assert.deepEqual(ids, expected(() => true));
      } finally {
        orderedHits.first = keptFirst;
      }
    });

    // within a small radius the kept order is read in one query instead of the three parts
    test('within 100 km the one-read order equals the parts\' order', async () => {
      const rus = (s: (typeof services)[number]) => s.terms.includes('felt:rus');
      const keptMax = nearbyOrder.maxKm;
      try {
        const oneRead = await allPages({ filters: { felt: ['felt:rus'] }, radiusKm: 100 }, 3);
        nearbyOrder.maxKm = 0;
        const parts = await allPages({ filters: { felt: ['felt:rus'] }, radiusKm: 100 }, 3);
        assert.deepEqual(oneRead.ids, expected(rus, 100));
        assert.deepEqual(parts.ids, oneRead.ids);
      } finally {
        nearbyOrder.maxKm = keptMax;
      }
    });
  });
}
