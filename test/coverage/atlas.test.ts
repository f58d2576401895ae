import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCoverage } from '../../src/coverage/atlas.ts';
import type { AccessibilitySettings } from '../../src/coverage/types.ts';
import { lineDistance, near, point, site } from './fixtures.ts';

const settings: AccessibilitySettings = { method: '2sfca', catchmentKm: 20, decay: { kind: 'gaussian' } };
const demand = [point('1101', 0, 1000, 'Vest'), point('1103', 10, 2000, 'Vest'), point('1804', 30, 3000, 'Nord'), point('1806', 35, null, 'Nord')];
const supply = [site('S1', 5, 2, { demandId: '1101', level: 'lavterskel' }), site('S2', 25, 1, { demandId: '1804', level: 'behandling' })];
const digital = [
  { id: 'd1', fte: 0.5, level: 'oppfolging', demandId: '1804' },
  { id: 'd2', level: 'oppfolging' },
];
const input = {
  demand,
  supply,
  digital,
  distance: lineDistance,
  groupings: {
    region: (p: { region?: string }) => p.region,
    county: (p: { id: string }) => p.id.slice(0, 2),
  },
};

describe('computeCoverage', () => {
  const result = computeCoverage(input, settings);

  it('returns every measure per municipality', () => {
    const m = result.municipalities[2]!;
    assert.equal(m.id, '1804');
    near(m.score, 2);
    assert.deepEqual(m.nearest, { siteId: 'S2', distance: 5 });
    assert.equal(m.local.fte, 1);
    assert.equal(m.digitalOffers, 1);
    assert.equal(m.shortage.shortage, 'none');
    assert.equal(result.municipalities[3]!.score, null);
  });

  it('aggregates per grouping with population-weighted means and missing-population counts', () => {
    const nord = result.groups.region!.find((g) => g.group === 'Nord')!;
    near(nord.meanScore, 2);
    assert.equal(nord.ratio.membersMissingPopulation, 1);
    assert.equal(nord.ratio.population, 3000);
    assert.equal(nord.digitalOffers, 1);
    assert.deepEqual(result.groups.county!.map((g) => g.group), ['11', '18']);
  });

  it('summarises Norway, with the Theil split by region', () => {
    // Σ P·score = 10,000 × 3 FTE over 6,000 known inhabitants.
    near(result.national.meanScore, 5);
    near(result.national.theil.between + result.national.theil.within, result.national.theil.total);
    assert.equal(result.national.ratio.fte, 3);
    assert.equal(result.national.members, 4);
    assert.deepEqual(result.national.lorenz.points.at(-1), { populationShare: 1, accessShare: 1 });
  });

  it('reports digital offers beside, never inside, the spatial measures', () => {
    assert.deepEqual(result.digital, { offers: 2, fte: 0.5, byLevel: { oppfolging: 2 } });
    assert.ok(result.sites.every((s) => !s.id.startsWith('d')));
    assert.equal(result.national.reachableFte, 3);
  });

  it('groups by region by default and exposes the prepared state for scenarios', () => {
    const plain = computeCoverage({ demand, supply, distance: lineDistance }, settings);
    assert.deepEqual(Object.keys(plain.groups), ['region']);
    assert.equal(plain.prepared.columns.length, 2);
    assert.deepEqual(plain.digital, { offers: 0, fte: 0, byLevel: {} });
  });
});
