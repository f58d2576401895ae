import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemandPoints, generateSites, seededRandom } from '../../src/coverage/bench-data.ts';

describe('synthetic benchmark data', () => {
  it('is identical for the same seed and different for another', () => {
    assert.deepEqual(generateDemandPoints({ seed: 7 }), generateDemandPoints({ seed: 7 }));
    assert.notDeepEqual(generateDemandPoints({ seed: 7 }), generateDemandPoints({ seed: 8 }));
    const a = seededRandom(1);
    const b = seededRandom(1);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });

  it('makes 357 unique municipality-like points and the requested number of valid sites', () => {
    const demand = generateDemandPoints({ missingShare: 0.1 });
    assert.equal(demand.length, 357);
    assert.equal(new Set(demand.map((d) => d.id)).size, 357);
    assert.ok(demand.some((d) => d.population === null));
    const sites = generateSites(demand, { count: 500 });
    assert.equal(sites.length, 500);
    const ids = new Set(demand.map((d) => d.id));
    assert.ok(sites.every((s) => s.fte > 0 && ids.has(s.demandId!) && Number.isFinite(s.lat + s.lon)));
  });
});
