import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDemandPoints, generateSites } from '../../src/coverage/bench-data.ts';
import { greatCircleDistance } from '../../src/coverage/distance.ts';
import { computeMeasures } from '../../src/coverage/measures.ts';
import { forgetPreparedCaches, prepare } from '../../src/coverage/prepare.ts';

test('a recompute that reuses the kept demand side and unchanged columns gives exactly what a computation from nothing gives', () => {
  const demand = generateDemandPoints({ count: 300, seed: 11 });
  const sites = generateSites(demand, { count: 200, seed: 12 });
  const measure = (d: typeof demand, s: typeof sites) => JSON.stringify(computeMeasures(prepare(d, s, greatCircleDistance, { reach: 60 })));
  forgetPreparedCaches();
  measure(demand, sites);
  // One site moves, one is added, one goes; the demand array is new but over the same places.
  const changed = [...sites.slice(1), { ...sites[5]!, id: 'moved', lat: sites[5]!.lat + 0.2 }, { ...sites[9]!, id: 'new', lon: sites[9]!.lon - 0.3 }];
  const warm = measure(demand.map((d) => ({ ...d })), changed);
  forgetPreparedCaches();
  assert.equal(warm, measure(demand, changed));
  // The same places with other coordinates are not taken for the old ones.
  const shifted = demand.map((d) => ({ ...d, lat: d.lat + 0.05 }));
  const afterShift = measure(shifted, changed);
  forgetPreparedCaches();
  assert.equal(afterShift, measure(shifted, changed));
});
