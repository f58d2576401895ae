import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { createCoverageCache, dataVersion, loadState, type AtlasState } from '../../src/coverage/service.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { aService, setConfirmedOn, store } from '../directory/factories.ts';
import { WITHOUT_POPULATION, bodoLow, bodoSecret, org, storeAtlasFixture, unconfirmed } from './fixtures.db.ts';
import { inputsDigest } from '../../src/coverage/queries.ts';
import { DEFAULT_FRESHNESS, useFreshnessSettings } from '../../src/directory/freshness.ts';
import { osloDate } from '../../src/platform/clock.ts';

for (const backend of backends()) {
  describe(`coverage inputs from the database on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let state: AtlasState;
    const municipality = (id: string) => state.view('all').municipalities.find((m) => m.id === id)!;

    before(async () => {
      database = await freshDatabase(backend.name);
      await storeAtlasFixture(database.db);
      state = await loadState(database.db, await dataVersion(database.db));
    });
    after(() => database.close());

    test('every municipality is a reporting unit with its newest population, its people spread over grid blocks', () => {
      assert.equal(state.inputs.units.length, 357);
      assert.equal(state.inputs.demand.length, 3810);
      assert.equal(new Set(state.inputs.demand.map((d) => d.unit)).size, 357);
      const oslo = state.inputs.demand.filter((d) => d.unit === '0301').reduce((s, d) => s + d.population!, 0);
      assert.ok(Math.abs(oslo - municipality('0301').population!) < 1e-6);
      assert.equal(state.populationDate, '2026-01-01');
      assert.ok(municipality('0301').population! > 700_000);
    });

    test('FTE per municipality comes from active published services, split over their places', () => {
      assert.equal(municipality('1804').local.fte, 3);
      assert.equal(municipality('1804').local.services, 2);
      assert.equal(municipality('5501').local.fte, 0.25);
      assert.equal(municipality('5532').local.fte, 0.25);
      assert.equal(municipality('0301').local.fte, 0, 'defunct, temporarily closed and long unconfirmed services are not supply');
      assert.equal(state.view('all').national.ratio.fte + state.view('all').national.ratio.excludedFte, 3.5);
    });

    test('a confidential place counts at the municipality point, not its address', () => {
      const site = state.inputs.sites.find((s) => s.id.startsWith(bodoSecret.id))!;
      const bodo = state.municipality.get('1804')!;
      assert.deepEqual([site.lat, site.lon], [bodo.lat, bodo.lon]);
    });

    test('digital offers are counted apart, by the organisation\'s home municipality, never as sites', () => {
      const all = state.view('all');
      assert.equal(all.digital.offers, 1);
      assert.equal(all.digital.fte, 0.4);
      assert.equal(all.sites.length, 4);
      assert.equal(municipality('1804').digitalOffers, 1);
      assert.equal(state.view('oppfolging').digital.offers, 1);
      assert.equal(state.view('behandling').digital.offers, 0);
    });

    test('a municipality without a population figure is missing, never zero', () => {
      const narvik = municipality(WITHOUT_POPULATION);
      assert.equal(narvik.population, null);
      assert.equal(narvik.score, null);
      assert.equal(narvik.local.ftePer10k, null);
      assert.equal(state.view('all').national.ratio.membersMissingPopulation, 1);
    });

    test('levels are separate views: behandling has only the confidential Bodø offer', () => {
      const behandling = state.view('behandling');
      assert.equal(behandling.sites.length, 1);
      assert.equal(behandling.municipalities.find((m) => m.id === '1804')!.local.fte, 1);
    });

    test('an offer nobody has confirmed for 18 months leaves the atlas as it leaves the finder, with no write when the day moves, and comes back when confirmed', async () => {
      const cache = createCoverageCache(database.db);
      const oslo = async () => (await cache.current()).view('all').municipalities.find((m) => m.id === '0301')!.local.fte;
      assert.equal(await oslo(), 0);
      // the cut-off moving with the calendar is the same to the atlas as a longer limit: two years ago is then within it
      useFreshnessSettings({ ...DEFAULT_FRESHNESS, hiddenMonths: 30 });
      try {
        assert.equal(await oslo(), 5, 'seen again once within the limit, though nothing was written');
      } finally {
        useFreshnessSettings(DEFAULT_FRESHNESS);
      }
      assert.equal(await oslo(), 0);
      await setConfirmedOn(database.db, unconfirmed.id, osloDate());
      assert.equal(await oslo(), 5, 'confirmed today: supply again');
      await setConfirmedOn(database.db, unconfirmed.id, unconfirmed.assuredDate);
    });

    test('the database\'s digest of the inputs moves with what the atlas reads, and only with that', async () => {
      const digest = () => inputsDigest(database.db, '2000-01-01');
      const start = await digest();
      const place = bodoLow.locations[0]!.id;
      const changes: { what: string; read: boolean; change: () => Promise<unknown>; undo: () => Promise<unknown> }[] = [
        { what: 'a description', read: false,
          change: () => database.db.updateTable('service').set({ description: 'Ny tekst' }).where('id', '=', bodoLow.id).execute(),
          undo: () => database.db.updateTable('service').set({ description: bodoLow.description }).where('id', '=', bodoLow.id).execute() },
        { what: 'a place\'s latitude', read: true,
          change: () => database.db.updateTable('location').set({ latitude: 67.29 }).where('id', '=', place).execute(),
          undo: () => database.db.updateTable('location').set({ latitude: 67.28 }).where('id', '=', place).execute() },
        { what: 'an FTE', read: true,
          change: () => database.db.updateTable('service').set({ fte: 2.5 }).where('id', '=', bodoLow.id).execute(),
          undo: () => database.db.updateTable('service').set({ fte: 2 }).where('id', '=', bodoLow.id).execute() },
        { what: 'a place\'s municipality (the organisation\'s homes)', read: true,
          change: () => database.db.updateTable('location').set({ municipality_number: '1806' }).where('id', '=', place).execute(),
          undo: () => database.db.updateTable('location').set({ municipality_number: '1804' }).where('id', '=', place).execute() },
      ];
      for (const { what, read, change, undo } of changes) {
        await change();
        const changed = await digest();
        await undo();
        if (read) assert.notEqual(changed, start, `${what} is read by the atlas: the digest moves`);
        else assert.equal(changed, start, `${what} is not read by the atlas: the digest stays`);
        assert.equal(await digest(), start, `${what} undone: the digest is as before`);
      }
    });

    test('the cache keeps the atlas while the data is unchanged and recomputes when a service is added', async () => {
      const cache = createCoverageCache(database.db);
      const first = await cache.current();
      assert.equal(await cache.current(), first);
      await store(database.db, [], [aService(org, { name: 'Nytt tilbud i Oslo', fte: 1 })]);
      const next = await cache.current();
      assert.notEqual(next.version, first.version);
      assert.equal(next.view('all').municipalities.find((m) => m.id === '0301')!.local.fte, 1);
    });
  });
}
