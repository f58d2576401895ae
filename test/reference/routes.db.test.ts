import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';

for (const backend of backends()) {
  describe(`reference API points on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const suite = appSuite(backend.name);
    before(() => ({ database, app } = suite));

    test('a municipality gives both points: the interior point and the population centre distances start from', async () => {
      const body = (await app.inject('/api/v1/municipalities')).json();
      const oslo = body.items.find((m: { number: string }) => m.number === '0301');
      // kommuner.csv: the pole of inaccessibility, in Nordmarka (the coverage atlas's point)
      assert.deepEqual([oslo.lat, oslo.lon], [60.02956, 10.68344]);
      assert.deepEqual([oslo.centre_lat, oslo.centre_lon], [59.923, 10.77458]);
      assert.match(body.source, /250 m population grid/);
    });

    test('a postal code gives the point its distances start from, and says where it comes from', async () => {
      const own = (await app.inject('/api/v1/postal-codes/0154')).json();
      assert.deepEqual([own.lat, own.lon, own.point], [59.9115, 10.7475, 'postal_code']);
      assert.match(own.source, /Erik Bolstad/);
      const svalbard = (await app.inject('/api/v1/postal-codes/9170')).json();
      assert.equal(svalbard.municipality_number, null);
      assert.equal(svalbard.point, 'postal_code');
    });
  });
}
