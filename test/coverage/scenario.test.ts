import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMeasures } from '../../src/coverage/measures.ts';
import { computeCore } from '../../src/coverage/fca.ts';
import { prepare, withSites } from '../../src/coverage/prepare.ts';
import { DEFAULT_SETTINGS } from '../../src/coverage/settings.ts';
import { applyScenario } from '../../src/coverage/scenario.ts';
import type { AccessibilitySettings } from '../../src/coverage/types.ts';
import { lineDistance, near, point, site } from './fixtures.ts';

// Same line as the 2SFCA tests: A(0, 1000)  S1(5, 2 FTE)  B(10, 2000)  S2(25, 1 FTE)  C(30, 3000).
const settings: AccessibilitySettings = { method: '2sfca', catchmentKm: 20, decay: { kind: 'gaussian' } };
const demand = [point('A', 0, 1000, 'Nord'), point('B', 10, 2000, 'Nord'), point('C', 30, 3000, 'Vest')];
const supply = [site('S1', 5, 2, { demandId: 'A' }), site('S2', 25, 1, { demandId: 'C' })];
const planned = site('S3', 30, 1, { demandId: 'C', level: 'behandling' });

describe('scenario', () => {
  const prepared = prepare(demand, supply, lineDistance);
  const result = applyScenario(prepared, [planned], { settings });

  it('recomputes scores with the added site, per municipality', () => {
    // S3 reaches B (20 km, on the edge) and C (0 km): R3 = 1/5000 = 2 per 10k, added to B and C.
    const [a, b, c] = result.municipalities;
    near(a!.score.change, 0);
    near(b!.score.change, 2);
    near(c!.score.before, 2);
    near(c!.score.after, 4);
    near(c!.catchmentPopulationPerFte.after, 2500);
  });

  it('raises the national mean by exactly the added FTE over the population', () => {
    // Supply is conserved: mean = 10,000 × reachable FTE / population = 5 before, 6.667 after.
    near(result.national.meanScore.before, 5);
    near(result.national.meanScore.change, 1e4 / 6000);
    near(result.national.reachableFte.change, 1);
    near(result.national.fte.change, 1);
  });

  it('tracks nearest distances, local ratios and shortage classes', () => {
    const c = result.municipalities[2]!;
    near(c.nearestDistance.before, 5);
    near(c.nearestDistance.after, 0);
    near(c.localFtePer10k.change, 1e4 / 3000);
    assert.equal(typeof result.national.gini.change, 'number');
    assert.equal(result.national.withoutOffer.length, 3);
  });

  it('leaves the baseline untouched and can reuse a baseline computed earlier', () => {
    assert.equal(prepared.sites.length, 2);
    assert.equal(result.prepared.sites.length, 3);
    const baseline = computeMeasures(prepared, { settings });
    const again = applyScenario(prepared, [planned], { settings }, baseline);
    assert.equal(again.baseline, baseline);
    assert.deepEqual(again.national, result.national);
  });

  it('reuses the baseline\'s FCA core only where that gives the full computation to the last bit', () => {
    const next = withSites(prepared, [planned]);
    for (const chosen of [settings, DEFAULT_SETTINGS, { ...settings, method: '3sfca' } as const]) {
      const full = computeMeasures(next, { settings: chosen });
      const baseline = computeMeasures(prepared, { settings: chosen });
      assert.deepStrictEqual(computeMeasures(next, { settings: chosen }, { measures: baseline, prepared }), full, chosen.method);
      assert.deepStrictEqual(applyScenario(prepared, [planned], { settings: chosen }, baseline).scenario, full, chosen.method);
      // a baseline of other settings is not reused
      const other = computeMeasures(prepared, { settings: { ...chosen, catchmentKm: 10 } });
      assert.deepStrictEqual(computeMeasures(next, { settings: chosen }, { measures: other, prepared }), full, `${chosen.method}, other settings`);
    }
    const core = computeCore(prepared, settings);
    assert.deepStrictEqual(computeCore(withSites(prepared, [planned]), settings, core), computeCore(withSites(prepared, [planned]), settings));
  });

  it('reports which municipalities changed shortage class', () => {
    // A far-away, unserved town becomes served by a site placed in it.
    const lonely = prepare([...demand, point('D', 500, 4000)], supply, lineDistance);
    const r = applyScenario(lonely, [site('S4', 500, 1, { demandId: 'D' })], { settings });
    assert.deepEqual(r.shortageChanged, ['D']);
    assert.deepEqual(r.municipalities[3]!.shortage, { before: 'severe', after: 'none' });
    near(r.municipalities[3]!.nearestDistance.change, -475); // from S2 at 25 km to the new site
    assert.equal(r.national.shortageCounts.severe.change, -1);
  });
});
