import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemandPoints, generateSites } from '../../src/coverage/bench-data.ts';
import { greatCircleDistance, greatCircleKm } from '../../src/coverage/distance.ts';
import { prepare, withSites } from '../../src/coverage/prepare.ts';

describe('the bulk great-circle column', () => {
  const demand = generateDemandPoints({ count: 60 });
  const sites = generateSites(demand, { count: 40 });

  it('gives the same km as haversine pair by pair (within 1e-9 km), near and far', () => {
    const prepared = prepare(demand, sites, greatCircleDistance);
    sites.forEach((site, j) => demand.forEach((d, i) => {
      const expected = greatCircleKm(d.lat, d.lon, site.lat, site.lon);
      assert.ok(Math.abs(prepared.columns[j]![i]! - expected) < 1e-9, `${d.id} → ${site.id}`);
    }));
  });

  it('is 0 for a site on the point and is used for added sites too', () => {
    const point = demand[0]!;
    const next = withSites(prepare(demand, [], greatCircleDistance), [{ id: 'here', lat: point.lat, lon: point.lon, fte: 1 }]);
    assert.ok(next.columns[0]![0]! < 1e-9);
  });
});
