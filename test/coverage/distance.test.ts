import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EARTH_RADIUS_KM, greatCircleDistance, greatCircleKm, travelTimeMatrix } from '../../src/coverage/distance.ts';
import { near, point, site } from './fixtures.ts';

describe('great-circle distance', () => {
  it('measures one degree along a meridian as R·π/180', () => {
    near(greatCircleKm(60, 10, 61, 10), (EARTH_RADIUS_KM * Math.PI) / 180);
  });

  it('shrinks degrees of longitude by cos(latitude) for short hops', () => {
    // 0.01° east at 60°N ≈ R·(0.01·π/180)·cos 60°.
    near(greatCircleKm(60, 10, 60, 10.01), ((EARTH_RADIUS_KM * 0.01 * Math.PI) / 180) * 0.5, 1e-6);
  });

  it('is zero for the same place, symmetric, and half the circumference for antipodes', () => {
    assert.equal(greatCircleKm(59.9, 10.7, 59.9, 10.7), 0);
    assert.equal(greatCircleKm(59.9, 10.7, 69.6, 18.9), greatCircleKm(69.6, 18.9, 59.9, 10.7));
    near(greatCircleKm(0, 0, 0, 180), Math.PI * EARTH_RADIUS_KM);
  });

  it('puts Oslo and Bergen roughly 305 km apart in a straight line', () => {
    const oslo = { id: '0301', lat: 59.9139, lon: 10.7522, population: null };
    const km = greatCircleDistance(oslo, { id: 'b', lat: 60.3913, lon: 5.3221, fte: 1 });
    assert.ok(km > 300 && km < 310, `got ${km}`);
  });
});

describe('travel-time matrix', () => {
  const rows = [
    { from: '0301', to: '4601', minutes: 420 },
    { from: '0301', to: '0301', minutes: 12 },
  ];
  const oslo = point('0301', 0, 1);
  const bergen = point('4601', 0, 1);

  it('looks up demand id → site municipality', () => {
    const distance = travelTimeMatrix(rows);
    assert.equal(distance(oslo, site('s', 0, 1, { demandId: '4601' })), 420);
    assert.equal(distance(oslo, site('s', 0, 1, { demandId: '0301' })), 12);
  });

  it('treats a missing pair or a site without municipality as unreachable', () => {
    const distance = travelTimeMatrix(rows);
    assert.equal(distance(bergen, site('s', 0, 1, { demandId: '0301' })), Infinity);
    assert.equal(distance(oslo, site('s', 0, 1)), Infinity);
  });

  it('can use the reverse direction or a fallback when asked', () => {
    const symmetric = travelTimeMatrix(rows, { symmetric: true });
    assert.equal(symmetric(bergen, site('s', 0, 1, { demandId: '0301' })), 420);
    const withFallback = travelTimeMatrix(rows, { fallback: () => 999 });
    assert.equal(withFallback(bergen, site('s', 0, 1, { demandId: '0301' })), 999);
  });
});
