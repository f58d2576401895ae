import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';

// HSDS postcode + proximity measures from the postal code's own point (data/reference/postnummer-punkt.csv),
// not from its municipality's interior point (Oslo's lies in Nordmarka, 13.7 km from Oslo S).
for (const backend of backends()) {
  describe(`HSDS proximity from a postal code on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Nærhetsprøven' });
    // Jernbanetorget, Oslo S
    const station = aService(org, { name: 'Sangstund ved Oslo S', locations: [aLocation({ latitude: 59.9111, longitude: 10.7528, municipalityNumber: '0301' })] });
    // its own point 8 km east of the centre: never used
    const hidden = aService(org, { name: 'Skjermet gruppe', locations: [aLocation({ isConfidential: true, latitude: 59.95, longitude: 10.9, municipalityNumber: '0301' })] });

    const found = async (query: string) => {
      const response = await app.inject({ method: 'GET', url: `/hsds/service_at_locations?organization_id=${org.id}&${query}` });
      assert.equal(response.statusCode, 200, query);
      return (JSON.parse(response.body) as { contents: { service_id: string }[] }).contents.map((c) => c.service_id);
    };

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [station, hidden]) });
    before(() => ({ database, app } = suite));

    test('an offer at Oslo S is found within 1 km of 0154 (its point is 0.3 km away)', async () => {
      assert.deepEqual(await found('postcode=0154&proximity=1000'), [station.id]);
    });

    test('from 0150, whose point lies at the islands in the fjord 3.2 km away, it is found within 3.5 km and not within 3 km', async () => {
      assert.deepEqual(await found('postcode=0150&proximity=3500'), [station.id]);
      assert.deepEqual(await found('postcode=0150&proximity=3000'), []);
    });

    test('a confidential location counts at its municipality\'s population centre (1.8 km from 0154), never at its own point', async () => {
      assert.deepEqual(await found('postcode=0154&proximity=2500'), [station.id, hidden.id]);
      assert.deepEqual(await found('postcode=0154&proximity=1500'), [station.id]);
    });
  });
}
