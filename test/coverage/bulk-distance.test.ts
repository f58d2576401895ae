import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemandPoints, generateSites } from '../../src/coverage/bench-data.ts';
import { greatCircleDistance, greatCircleKm } from '../../src/coverage/distance.ts';
import { prepare, withSites, type Column } from '../../src/coverage/prepare.ts';

const at = (column: Column, i: number) => {
  const q = column.index.indexOf(i);
  return q < 0 ? Infinity : column.distance[q]!;
};

describe('the bulk great-circle column', () => {
  const demand = generateDemandPoints({ count: 60 });
  const sites = generateSites(demand, { count: 40 });

  it('gives the same km as haversine pair by pair (within 1e-9 km), near and far', () => {
    const prepared = prepare(demand, sites, greatCircleDistance);
    sites.forEach((site, j) => demand.forEach((d, i) => {
      const expected = greatCircleKm(d.lat, d.lon, site.lat, site.lon);
      assert.ok(Math.abs(at(prepared.columns[j]!, i) - expected) < 1e-9, `${d.id} → ${site.id}`);
    }));
  });

  it('is 0 for a site on the point and is used for added sites too', () => {
    const point = demand[0]!;
    const next = withSites(prepare(demand, [], greatCircleDistance), [{ id: 'here', lat: point.lat, lon: point.lon, fte: 1 }]);
    assert.ok(at(next.columns[0]!, 0) < 1e-9);
  });
});

describe('the spatial index behind a catchment', () => {
  const demand = generateDemandPoints({ count: 400, seed: 7 });
  const sites = generateSites(demand, { count: 300, seed: 8 });

  it('keeps exactly the pairs within the reach, with the same km as a full scan', () => {
    const full = prepare(demand, sites, greatCircleDistance);
    const near = prepare(demand, sites, greatCircleDistance, { reach: 60 });
    sites.forEach((_, j) => {
      const expected = [...full.columns[j]!.index].filter((i) => at(full.columns[j]!, i) <= 60);
      assert.deepEqual([...near.columns[j]!.index].sort((a, b) => a - b), expected);
      expected.forEach((i) => assert.ok(Math.abs(at(near.columns[j]!, i) - at(full.columns[j]!, i)) < 1e-9));
    });
  });

  it('finds the same nearest site per point and per level as a full scan, however far', () => {
    const indexed = prepare(demand, sites, greatCircleDistance, { reach: 60 }).nearest;
    // A plain function (no bulk form, no index) makes prepare scan every pair.
    const plain = prepare(demand, sites, (d, s) => greatCircleDistance(d, s), { reach: 60 }).nearest;
    assert.deepEqual(indexed.levels, plain.levels);
    assert.deepEqual([...indexed.site], [...plain.site]);
    indexed.best.forEach((km, x) => assert.ok(Math.abs(km - plain.best[x]!) < 1e-9));
  });
});
