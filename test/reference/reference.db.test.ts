import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { sql } from 'kysely';
import { greatCircleKm } from '../../src/platform/geo.ts';
import { findPostalCode, listMunicipalities, loadReferenceData, municipalityByNumber, resolvePlace } from '../../src/reference/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';

// Oslo S, Jernbanetorget
const JERNBANETORGET = { lat: 59.9111, lon: 10.7528 };

for (const backend of backends()) {
  describe(`reference data on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    before(async () => { database = await freshDatabase(backend.name); });
    after(() => database.close());

    test('loads 357 municipalities with their newest population and its date', async () => {
      const rows = await listMunicipalities(database.db);
      assert.equal(rows.length, 357);
      const oslo = rows.find((m) => m.number === '0301')!;
      assert.equal(oslo.population, 728714);
      assert.equal(oslo.population_date, '2026-01-01');
      assert.equal(oslo.health_region_name, 'Helse Sør-Øst');
      assert.equal(rows.find((m) => m.number === '1811')!.health_region_code, 'helse-midt-norge'); // Bindal
    });

    test('loading again with the same files changes nothing', async () => {
      assert.equal(await loadReferenceData(database.db), false);
    });

    test('a municipality is measured from its population centre, not its interior point (Oslo: the city, not Nordmarka)', async () => {
      const byName = await resolvePlace(database.db, 'Oslo');
      assert.ok(byName.ok);
      const byNumber = await municipalityByNumber(database.db, '0301');
      for (const place of [byName.place, byNumber!]) {
        assert.equal(place.origin, 'municipality_centre');
        // kommune-befolkningssenter.csv: sentrumsrute 59.92300, 10.77458
        assert.deepEqual([place.lat, place.lon], [59.923, 10.77458]);
        assert.ok(greatCircleKm(place.lat, place.lon, JERNBANETORGET.lat, JERNBANETORGET.lon) < 2);
      }
      // the interior point stays for the coverage atlas: Nordmarka, 60.03 N
      const oslo = (await listMunicipalities(database.db)).find((m) => m.number === '0301')!;
      assert.ok(oslo.lat > 60 && greatCircleKm(oslo.lat, oslo.lon, JERNBANETORGET.lat, JERNBANETORGET.lon) > 13);
      assert.deepEqual([oslo.centre_lat, oslo.centre_lon], [59.923, 10.77458]);
    });

    test('a postal code is measured from its own point', async () => {
      const central = await resolvePlace(database.db, '0154');
      assert.ok(central.ok && central.place.origin === 'postal_code_point');
      assert.deepEqual([central.place.lat, central.place.lon], [59.9115, 10.7475]);
      assert.ok(greatCircleKm(central.place.lat, central.place.lon, JERNBANETORGET.lat, JERNBANETORGET.lon) < 0.5);
      // 0150 (Oslo sentrum and the islands in the fjord) has its point at the islands: 3.2 km from
      // Jernbanetorget, where the interior point made it 13.7 km
      const islands = await resolvePlace(database.db, '0150');
      assert.ok(islands.ok);
      assert.deepEqual([islands.place.lat, islands.place.lon], [59.8906, 10.7128]);
      const km = greatCircleKm(islands.place.lat, islands.place.lon, JERNBANETORGET.lat, JERNBANETORGET.lon);
      assert.ok(km > 3.1 && km < 3.3, String(km));
      // Tromsø's 9008 has its own point, not Tromsø's centre
      const tromso = await resolvePlace(database.db, '9008');
      assert.ok(tromso.ok && tromso.place.lat === 69.6513 && tromso.place.lon === 18.9567);
    });

    test('a postal code without a point of its own is measured from its municipality\'s population centre', async () => {
      await sql`update postal_code set lat = null, lon = null where code = '9008'`.execute(database.db);
      try {
        const found = await findPostalCode(database.db, '9008');
        assert.equal(found?.point_is_own, false);
        const tromso = await municipalityByNumber(database.db, '5501');
        assert.deepEqual([found?.lat, found?.lon], [tromso!.lat, tromso!.lon]);
      } finally {
        await sql`update postal_code set lat = 69.6513, lon = 18.9567 where code = '9008'`.execute(database.db);
      }
    });

    test('after migration 0020 (stand-in points, no bookkeeping row) the next load puts the real points in, once', async () => {
      await sql`update municipality set centre_lat = lat, centre_lon = lon`.execute(database.db);
      await sql`update postal_code set lat = null, lon = null`.execute(database.db);
      await sql`delete from reference_dataset where name = 'reference'`.execute(database.db);
      assert.equal(await loadReferenceData(database.db), true);
      assert.equal(await loadReferenceData(database.db), false);
      const oslo = await findPostalCode(database.db, '0154');
      assert.deepEqual([oslo?.lat, oslo?.lon, oslo?.point_is_own], [59.9115, 10.7475, true]);
      const { rows } = await sql<{ without: number; codes: number }>`
        select (select count(*) from postal_code where lat is null)::int as without, (select count(*) from postal_code)::int as codes`.execute(database.db);
      assert.deepEqual(rows[0], { without: 0, codes: 5122 });
      const centres = (await listMunicipalities(database.db)).filter((m) => m.centre_lat !== m.lat);
      assert.equal(centres.length, 357);
    });

    test('postal codes, names and coordinates resolve to places; problems are told apart', async () => {
      const postal = await resolvePlace(database.db, '0150');
      assert.ok(postal.ok && postal.place.municipalityNumber === '0301' && postal.place.label.startsWith('0150 Oslo'));
      const sami = await resolvePlace(database.db, 'tråante');
      assert.ok(sami.ok && sami.place.municipalityNumber === '5001');
      const coordinates = await resolvePlace(database.db, '69.65, 18.96');
      assert.ok(coordinates.ok && coordinates.place.kind === 'coordinates');
      const svalbard = await resolvePlace(database.db, '9170');
      assert.ok(!svalbard.ok && svalbard.reason === 'outside_municipalities' && svalbard.area === 'Svalbard');
      const shared = await resolvePlace(database.db, 'våler');
      assert.ok(!shared.ok && shared.reason === 'ambiguous' && shared.candidates.length === 2);
      const unknown = await resolvePlace(database.db, '0000');
      assert.ok(!unknown.ok && unknown.reason === 'unknown_postal_code');
      const far = await resolvePlace(database.db, '95, 10');
      assert.ok(!far.ok && far.reason === 'bad_coordinates');
    });
  });
}
