import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { listMunicipalities, loadReferenceData, resolvePlace } from '../../src/reference/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';

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
