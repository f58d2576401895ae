import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { DEMO_SERVICES } from '../../../src/setup.ts';
import { demoDataFor, loadDemoData } from '../../../src/directory/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { RELEVANCE_QUERIES } from './relevance-queries.ts';
import { judgeRelevance, type RelevanceReport } from './relevance-judge.ts';

// The relevance test set (relevance-queries.ts) over the demo data `npm start` loads: people's own
// words must find the offers that are right for them.
for (const backend of backends()) {
  describe(`finder relevance on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let report: RelevanceReport;

    const suite = appSuite(backend.name, { seed: (db) => loadDemoData(db, { services: DEMO_SERVICES }) });
    before(() => ({ database, app } = suite));
    before(async () => {
      report = await judgeRelevance(app, await demoDataFor(database.db, { services: DEMO_SERVICES }));
      const percent = (n: number) => `${(n * 100).toFixed(1)} %`;
      console.log(`[relevance ${backend.name}] ${report.queries} queries, ${report.withMatches} with right offers: zero-hit rate ${percent(report.zeroHitRate)}`
        + ` (with right offers: ${report.zeroHitWithMatches.length}), precision@5 ${report.precisionAt5.toFixed(3)},`
        + ` no hit where none is right: ${report.noHitIsRight.right} of ${report.noHitIsRight.queries}`);
    });

    test('the test set has at least 60 realistic queries, some where no hit is right', () => {
      assert.ok(RELEVANCE_QUERIES.length >= 60, `${RELEVANCE_QUERIES.length} queries`);
      assert.ok(RELEVANCE_QUERIES.some((q) => q.relevant === 'none'));
      assert.ok(RELEVANCE_QUERIES.some((q) => q.place));
    });

    test('no query gives zero hits where a right offer exists', () => {
      assert.deepEqual(report.zeroHitWithMatches, []);
    });

    test('precision@5 is at least 0.9', () => {
      const below = report.outcomes.filter((o) => o.precisionAt5 !== null && o.precisionAt5 < 1).map((o) => `${o.q}: ${o.precisionAt5}`);
      assert.ok(report.precisionAt5 >= 0.9, `precision@5 ${report.precisionAt5}; below 1: ${below.join('; ')}`);
    });

    test('a place or postal code typed in the text is taken as the place', () => {
      assert.deepEqual(report.outcomes.filter((o) => o.wrongPlace !== null).map((o) => `${o.q} → ${o.wrongPlace}`), []);
    });

    test('where no offer is right, no hit is shown', () => {
      assert.equal(report.noHitIsRight.right, report.noHitIsRight.queries);
    });
  });
}
