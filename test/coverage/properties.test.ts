import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { seededRandom } from '../../src/coverage/bench-data.ts';
import { twoStepFCA } from '../../src/coverage/fca.ts';
import { greedyPlacement } from '../../src/coverage/greedy.ts';
import { gini, lorenz } from '../../src/coverage/inequality.ts';
import { computeMeasures } from '../../src/coverage/measures.ts';
import { prepare } from '../../src/coverage/prepare.ts';
import { applyScenario } from '../../src/coverage/scenario.ts';
import { theil } from '../../src/coverage/theil.ts';
import type { AccessibilitySettings, DemandPoint, SupplySite } from '../../src/coverage/types.ts';
import { lineDistance } from './fixtures.ts';

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

// Worlds on a 200 km line (lat = position), ids derived from the index so they stay unique.
const demandArb = fc
  .array(fc.record({ at: fc.integer({ min: 0, max: 200 }), population: fc.option(fc.integer({ min: 0, max: 100_000 }), { freq: 5 }), region: fc.constantFrom('Nord', 'Midt', 'Vest') }), { minLength: 1, maxLength: 25 })
  .map((rows) => rows.map((r, i): DemandPoint => ({ id: `k${i}`, lat: r.at, lon: 0, population: r.population, region: r.region })));
const siteArb = fc.record({ at: fc.integer({ min: 0, max: 200 }), tenths: fc.integer({ min: 0, max: 50 }), level: fc.constantFrom('lavterskel', 'behandling') });
const supplyArb = fc
  .array(siteArb, { maxLength: 25 })
  .map((rows) => rows.map((r, j): SupplySite => ({ id: `s${j}`, lat: r.at, lon: 0, fte: r.tenths / 10, level: r.level })));
const classicArb = fc.integer({ min: 1, max: 80 }).map((c): AccessibilitySettings => ({ method: '2sfca', catchmentKm: c, decay: { kind: 'gaussian' } }));
const settingsArb = fc.oneof(
  classicArb,
  fc.integer({ min: 1, max: 80 }).map((c): AccessibilitySettings => ({ method: 'e2sfca', catchmentKm: c, decay: { kind: 'gaussian' } })),
  fc.integer({ min: 3, max: 80 }).map((c): AccessibilitySettings => ({
    method: 'e2sfca',
    catchmentKm: c,
    decay: { kind: 'step', zones: [{ upToKm: c / 3, weight: 1 }, { upToKm: (2 * c) / 3, weight: 0.68 }, { upToKm: c, weight: 0.22 }] },
  })),
);

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [out[i], out[k]] = [out[k]!, out[i]!];
  }
  return out;
}

describe('2SFCA properties', () => {
  it('conserves supply: Σ A_i·P_i / 10,000 equals the FTE of sites some populated point can reach', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, classicArb, (demand, supply, settings) => {
        const result = twoStepFCA(demand, supply, lineDistance, settings);
        const delivered = result.demand.reduce((s, d) => s + (d.score === null ? 0 : (d.score * d.population!) / 1e4), 0);
        const reachable = supply
          .filter((s) => demand.some((d) => (d.population ?? 0) > 0 && lineDistance(d, s) <= settings.catchmentKm))
          .reduce((sum, s) => sum + s.fte, 0);
        assert.ok(close(delivered, reachable), `${delivered} vs ${reachable}`);
      }),
    );
  });

  it('never lowers anyone’s score when a site is added', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, siteArb, settingsArb, (demand, supply, extra, settings) => {
        const before = twoStepFCA(demand, supply, lineDistance, settings).demand;
        const added = { id: 'new', lat: extra.at, lon: 0, fte: extra.tenths / 10 };
        const after = twoStepFCA(demand, [...supply, added], lineDistance, settings).demand;
        before.forEach((b, i) => {
          if (b.score === null) assert.equal(after[i]!.score, null);
          else assert.ok(after[i]!.score! >= b.score - 1e-9 * Math.max(1, b.score));
        });
      }),
    );
  });

  it('gives the same results whatever the order of demand points and sites', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, settingsArb, fc.integer(), (demand, supply, settings, seed) => {
        const a = computeMeasures(prepare(demand, supply, lineDistance), { settings });
        const b = computeMeasures(prepare(shuffle(demand, seed), shuffle(supply, seed + 1), lineDistance), { settings });
        const byId = new Map(b.municipalities.map((m) => [m.id, m]));
        for (const m of a.municipalities) {
          const other = byId.get(m.id)!;
          assert.ok(m.score === null ? other.score === null : close(m.score, other.score!));
          assert.deepEqual(other.nearest, m.nearest);
          assert.equal(other.shortage.shortage, m.shortage.shortage);
        }
        assert.ok(close(a.national.gini.value, b.national.gini.value));
        assert.ok(close(a.national.theil.total, b.national.theil.total));
      }),
    );
  });
});

describe('inequality properties', () => {
  const valuesArb = fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1e6 })), { minLength: 1, maxLength: 60 });

  it('keeps the Gini in [0, 1)', () => {
    fc.assert(
      fc.property(valuesArb, (pairs) => {
        const g = gini(pairs.map((p) => p[0]), pairs.map((p) => p[1])).value;
        assert.ok(g >= 0 && g < 1, `${g}`);
      }),
    );
  });

  it('draws a non-decreasing Lorenz curve from (0,0) to (1,1) below the diagonal', () => {
    fc.assert(
      fc.property(valuesArb, (pairs) => {
        const { points } = lorenz(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        assert.deepEqual(points[0], { populationShare: 0, accessShare: 0 });
        assert.deepEqual(points.at(-1), { populationShare: 1, accessShare: 1 });
        points.slice(1).forEach((p, k) => {
          assert.ok(p.populationShare >= points[k]!.populationShare && p.accessShare >= points[k]!.accessShare - 1e-12);
          assert.ok(p.accessShare <= p.populationShare + 1e-9);
        });
      }),
    );
  });

  it('splits the Theil index exactly into between and within parts', () => {
    fc.assert(
      fc.property(valuesArb, fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 60, maxLength: 60 }), (pairs, groups) => {
        const r = theil(pairs.map((p) => p[0]), pairs.map((p) => p[1]), groups);
        assert.ok(close(r.between + r.within, r.total, 1e-9), `${r.between} + ${r.within} vs ${r.total}`);
        assert.ok(r.total >= -1e-12 && r.within >= -1e-12);
      }),
    );
  });
});

describe('greedy search properties', () => {
  it('reports the same mean and Gini as a full scenario recomputation', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, settingsArb, fc.constantFrom('accessibility', 'gini') as fc.Arbitrary<'accessibility' | 'gini'>, (demand, supply, settings, objective) => {
        const prepared = prepare(demand, supply, lineDistance);
        const r = greedyPlacement(prepared, { k: 2, fte: 1, objective, settings });
        const check = applyScenario(prepared, r.sites, { settings }).national;
        const last = r.steps.at(-1)!;
        assert.ok(close(last.meanScore, check.meanScore.after ?? 0, 1e-9));
        assert.ok(close(last.gini, check.gini.after ?? 0, 1e-9));
      }),
      { numRuns: 50 },
    );
  });
});
