import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearestOffers, shareWithoutOffer } from '../../src/coverage/nearest.ts';
import { prepare } from '../../src/coverage/prepare.ts';
import { lineDistance, point, site } from './fixtures.ts';

// A(0)  s1 lavterskel (10)  B(50)  s2 behandling (90)  s3 lavterskel (90)   C(300)
const demand = [point('A', 0, 1000), point('B', 50, 2000), point('C', 300, 500), point('D', 0, null)];
const supply = [
  site('s3', 90, 1, { level: 'lavterskel' }),
  site('s1', 10, 1, { level: 'lavterskel' }),
  site('s2', 90, 1, { level: 'behandling' }),
];

describe('nearest offer', () => {
  const nearest = nearestOffers(prepare(demand, supply, lineDistance), ['oppfolging']);

  it('finds the closest site overall and per level', () => {
    assert.deepEqual(nearest[0]!.any, { siteId: 's1', distance: 10 });
    assert.deepEqual(nearest[0]!.byLevel.behandling, { siteId: 's2', distance: 90 });
    assert.deepEqual(nearest[1]!.byLevel.lavterskel, { siteId: 's1', distance: 40 });
  });

  it('breaks distance ties by the smaller site id', () => {
    // C is 210 km from both s2 and s3.
    assert.deepEqual(nearest[2]!.any, { siteId: 's2', distance: 210 });
  });

  it('reports a requested level that no site offers as null', () => {
    assert.equal(nearest[0]!.byLevel.oppfolging, null);
    assert.deepEqual(Object.keys(nearest[0]!.byLevel), ['behandling', 'lavterskel', 'oppfolging']);
  });

  it('returns null when nothing is reachable', () => {
    const none = nearestOffers(prepare(demand, [site('x', 0, 1)], () => Infinity));
    assert.equal(none[0]!.any, null);
  });
});

describe('share of population without an offer within a distance', () => {
  const points = [
    { population: 1000, nearest: 10 },
    { population: 2000, nearest: 60 },
    { population: 500, nearest: 210 },
    { population: 1500, nearest: null },
    { population: null, nearest: 500 },
  ];

  it('counts "within" inclusively and treats no offer as beyond every threshold', () => {
    const [t30, t60, t120] = shareWithoutOffer(points);
    // Beyond 30: 2000 + 500 + 1500 = 4000 of 5000.  Beyond 60: 500 + 1500.  Beyond 120: same.
    assert.deepEqual([t30!.population, t60!.population, t120!.population], [4000, 2000, 2000]);
    assert.deepEqual([t30!.share, t60!.share], [0.8, 0.4]);
    assert.equal(t30!.membersMissingPopulation, 1);
    assert.equal(t30!.knownPopulation, 5000);
  });

  it('takes the thresholds as a parameter and gives null shares when no population is known', () => {
    assert.deepEqual(shareWithoutOffer(points, [5]).map((t) => t.population), [5000]);
    assert.equal(shareWithoutOffer([{ population: null, nearest: 1 }], [5])[0]!.share, null);
  });
});
