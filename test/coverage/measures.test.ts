import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCoverage } from '../../src/coverage/atlas.ts';
import type { AccessibilitySettings, DemandPoint } from '../../src/coverage/types.ts';
import { lineDistance, near, site } from './fixtures.ts';

// Municipality X has two demand points: x1 (100 people at 0 km) and x2 (300 people at 50 km);
// municipality Y is one point (600 people at 100 km). One site of 1 FTE at 0 km; classic 2SFCA, 20 km.
const cell = (id: string, unit: string, at: number, population: number | null): DemandPoint => ({ id, unit, lat: at, lon: 0, population, region: 'R' });
const settings: AccessibilitySettings = { method: '2sfca', catchmentKm: 20, decay: { kind: 'gaussian' } };
const units: DemandPoint[] = [
  { id: 'X', lat: 50, lon: 0, population: 400, region: 'R' },
  { id: 'Y', lat: 100, lon: 0, population: 600, region: 'R' },
];

describe('municipalities made of several demand points', () => {
  const result = computeCoverage({
    demand: [cell('x1', 'X', 0, 100), cell('x2', 'X', 50, 300), cell('y', 'Y', 100, 600)],
    units,
    supply: [site('S', 0, 1, { demandId: 'X' })],
    distance: lineDistance,
  }, settings, { distanceThresholds: [30, 60, 120] });
  const [x, y] = result.municipalities;

  it('reports each municipality once, with the population-weighted mean of its points\' scores', () => {
    // S reaches only x1: R = 1 / 100, x1 = 100 per 10k, x2 = 0. X = (100·100 + 300·0) / 400 = 25.
    assert.deepEqual(result.municipalities.map((m) => m.id), ['X', 'Y']);
    near(x!.score, 25);
    assert.equal(y!.score, 0);
    assert.equal(x!.population, 400);
    // Supply is conserved at the municipality level too: 25 × 400 / 10,000 = 1 FTE.
    near(result.national.meanScore! * 1000 / 1e4, 1);
  });

  it('gives a municipality its median resident\'s nearest offer', () => {
    // x1 (100 people) is 0 km away, x2 (300) 50 km: the median resident lives in x2.
    assert.equal(x!.nearest?.distance, 50);
    assert.equal(y!.nearest?.distance, 100);
  });

  it('counts people, not municipalities, without an offer within each distance', () => {
    // Beyond 30 km: x2 (300) + y (600) = 900 of 1,000; beyond 60: y (600); beyond 120: nobody.
    assert.deepEqual(result.national.withoutOffer.map((w) => w.share), [0.9, 0.6, 0]);
    assert.deepEqual(result.national.withoutOffer.map((w) => w.population), [900, 600, 0]);
  });
});
