import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoStepFCA } from '../../src/coverage/fca.ts';
import { DEFAULT_SETTINGS, settingsProblems, weightFunction } from '../../src/coverage/settings.ts';
import type { AccessibilitySettings } from '../../src/coverage/types.ts';
import { lineDistance, near, point, site } from './fixtures.ts';

// The line:  A(0 km, 1000 people)  S1(5 km, 2 FTE)  B(10 km, 2000)  S2(25 km, 1 FTE)  C(30 km, 3000)
// Distances: A–S1 5, A–S2 25, B–S1 5, B–S2 15, C–S1 25, C–S2 5.
const demand = [point('A', 0, 1000), point('B', 10, 2000), point('C', 30, 3000)];
const supply = [site('S1', 5, 2), site('S2', 25, 1)];
const classic: AccessibilitySettings = { method: '2sfca', catchmentKm: 20, decay: { kind: 'gaussian' } };
const stepped: AccessibilitySettings = {
  method: 'e2sfca',
  catchmentKm: 20,
  decay: { kind: 'step', zones: [{ upToKm: 10, weight: 1 }, { upToKm: 20, weight: 0.5 }] },
};
const scores = (r: ReturnType<typeof twoStepFCA>) => r.demand.map((d) => d.score);

describe('classic 2SFCA', () => {
  it('matches the hand computation on a line', () => {
    // S1 reaches A and B: R1 = 2 / 3000.  S2 reaches B (15) and C: R2 = 1 / 5000.
    // A = R1 = 6.667 per 10k;  B = R1 + R2 = 8.667;  C = R2 = 2.0.
    const result = twoStepFCA(demand, supply, lineDistance, classic);
    const [a, b, c] = scores(result);
    near(a, (2 / 3000) * 1e4);
    near(b, (2 / 3000 + 1 / 5000) * 1e4);
    near(c, 2);
    near(result.sites[0]!.ratio, (2 / 3000) * 1e4);
    near(result.sites[1]!.servedPopulation, 5000);
  });

  it('reports inhabitants per reachable FTE as the inverse of the score', () => {
    const c = twoStepFCA(demand, supply, lineDistance, classic).demand[2]!;
    near(c.catchmentPopulationPerFte, 5000);
  });

  it('conserves supply: Σ score × population / 10,000 equals the FTE', () => {
    const result = twoStepFCA(demand, supply, lineDistance, classic);
    const total = result.demand.reduce((s, d) => s + (d.score! * d.population!) / 1e4, 0);
    near(total, 3);
    near(result.reachableFte, 3);
  });
});

describe('enhanced 2SFCA', () => {
  it('applies the step weights in both steps', () => {
    // S1: A and B both at 5 km (weight 1): R1 = 2 / 3000.
    // S2: B at 15 km (weight 0.5) counts 1000, C at 5 km counts 3000: R2 = 1 / 4000.
    // A = R1 = 6.667;  B = R1 + 0.5·R2 = 7.9167;  C = R2 = 2.5 (per 10,000).
    const [a, b, c] = scores(twoStepFCA(demand, supply, lineDistance, stepped));
    near(a, (2 / 3000) * 1e4);
    near(b, (2 / 3000 + 0.5 / 4000) * 1e4);
    near(c, 2.5);
  });

  it('uses the documented defaults when no settings are given', () => {
    const result = twoStepFCA(demand, supply, lineDistance);
    // Under the defaults every pair is within 60 km; S1 sees A,B at 5 (1.0) and C at 25 (0.68).
    near(result.sites[0]!.servedPopulation, 1000 + 2000 + 0.68 * 3000);
    assert.equal(DEFAULT_SETTINGS.catchmentKm, 60);
  });
});

describe('missing populations and unreachable sites', () => {
  it('leaves a null population out of denominators and gives it a null score', () => {
    const withGap = [...demand, point('D', 12, null)];
    const result = twoStepFCA(withGap, supply, lineDistance, classic);
    assert.equal(result.demand[3]!.score, null);
    assert.equal(result.demand[3]!.catchmentPopulationPerFte, null);
    near(result.demand[1]!.score, (2 / 3000 + 1 / 5000) * 1e4);
  });

  it('counts a site nobody can reach nowhere and names it', () => {
    const result = twoStepFCA(demand, [...supply, site('far', 100, 5)], lineDistance, classic);
    assert.equal(result.sites[2]!.ratio, null);
    assert.deepEqual(result.unreachableSiteIds, ['far']);
    near(result.reachableFte, 3);
  });

  it('gives zero (not null) to a populated point with nothing in reach', () => {
    const result = twoStepFCA([...demand, point('E', 200, 50)], supply, lineDistance, classic);
    assert.equal(result.demand[3]!.score, 0);
    assert.equal(result.demand[3]!.catchmentPopulationPerFte, null);
  });
});

describe('weights and settings', () => {
  it('includes a step zone boundary in the nearer zone and cuts off past the catchment', () => {
    const w = weightFunction(DEFAULT_SETTINGS);
    assert.deepEqual([w(0), w(20), w(20.001), w(40), w(60), w(60.001)], [1, 1, 0.68, 0.68, 0.22, 0]);
  });

  it('makes the Gaussian 1 at zero, exp(-4.5) at the catchment edge and 0 beyond', () => {
    const w = weightFunction({ method: 'e2sfca', catchmentKm: 60, decay: { kind: 'gaussian' } });
    near(w(0), 1);
    near(w(20), Math.exp(-0.5));
    near(w(60), Math.exp(-4.5));
    assert.equal(w(60.5), 0);
  });

  it('rejects unusable settings with plain messages', () => {
    const bad: AccessibilitySettings = { method: 'e2sfca', catchmentKm: 0, decay: { kind: 'step', zones: [{ upToKm: 20, weight: 1 }, { upToKm: 10, weight: 2 }] } };
    assert.equal(settingsProblems(bad).length, 3);
    assert.deepEqual(settingsProblems(DEFAULT_SETTINGS), []);
    assert.throws(() => twoStepFCA(demand, supply, lineDistance, bad), RangeError);
  });
});

describe('gravity decay', () => {
  // The line world above with W(d) = (max(d, 5) / 5)^-1 (beta 1, minimum distance 5 km), catchment 30:
  //   W(5) = 1, W(15) = 1/3, W(25) = 1/5.
  // Step 1: S1 serves A·1 + B·1 + C·1/5 = 1000 + 2000 + 600 = 3600, R1 = 2/3600.
  //         S2 serves A·1/5 + B·1/3 + C·1 = 200 + 666.67 + 3000 = 11600/3, R2 = 3/11600.
  // Step 2: A = R1 + R2/5 = 6.0728 per 10k;  B = R1 + R2/3 = 6.4176;  C = R1/5 + R2 = 3.6973.
  // Check: 1000·6.0728 + 2000·6.4176 + 3000·3.6973 = 30,000 = 3 FTE × 10,000 (supply is conserved).
  const gravity: AccessibilitySettings = { method: 'e2sfca', catchmentKm: 30, decay: { kind: 'gravity', beta: 1, minKm: 5 } };

  it('reproduces the hand computation', () => {
    const R1 = 2 / 3600;
    const R2 = 3 / 11600;
    const [a, b, c] = scores(twoStepFCA(demand, supply, lineDistance, gravity));
    near(a, (R1 + R2 / 5) * 1e4);
    near(b, (R1 + R2 / 3) * 1e4);
    near(c, (R1 / 5 + R2) * 1e4);
    near(1000 * a! + 2000 * b! + 3000 * c!, 3e4);
  });

  it('is 1 up to the minimum distance (no division by zero), falls as d^-beta, and 0 past the catchment', () => {
    const w = weightFunction({ method: 'e2sfca', catchmentKm: 60, decay: { kind: 'gravity' } });
    // Defaults beta 1.5, minimum 5 km: W(20) = 4^-1.5 = 1/8, W(60) = 12^-1.5.
    assert.equal(w(0), 1);
    assert.equal(w(5), 1);
    near(w(20), 1 / 8);
    near(w(60), 12 ** -1.5);
    assert.equal(w(60.001), 0);
    assert.equal(settingsProblems({ method: 'e2sfca', catchmentKm: 60, decay: { kind: 'gravity', beta: 0, minKm: Number.NaN } }).length, 2);
  });
});

describe('three-step FCA (3SFCA, Wan, Zou & Sternberg 2012)', () => {
  // Same world and gravity weights as above (beta 1, minimum 5 km, catchment 30).
  // Selection weights G_ij = W_ij / Σ_k W_ik over the sites i reaches:
  //   A: W = (1, 1/5), sum 6/5  → G = (5/6, 1/6)
  //   B: W = (1, 1/3), sum 4/3  → G = (3/4, 1/4)
  //   C: W = (1/5, 1), sum 6/5  → G = (1/6, 5/6)
  // Step 2: S1 serves Σ G·P·W = 1000·5/6·1 + 2000·3/4·1 + 3000·1/6·1/5 = 833.33 + 1500 + 100 = 7300/3, R1 = 6/7300.
  //         S2 serves 1000·1/6·1/5 + 2000·1/4·1/3 + 3000·5/6·1 = 33.33 + 166.67 + 2500 = 2700, R2 = 1/2700.
  // Step 3: A = 5/6·R1·1 + 1/6·R2·1/5 = 6.9728 per 10k
  //         B = 3/4·R1·1 + 1/4·R2·1/3 = 6.4730
  //         C = 1/6·R1·1/5 + 5/6·R2·1 = 3.3604
  // Check: 1000·6.9728 + 2000·6.4730 + 3000·3.3604 = 30,000: supply is still conserved.
  const three: AccessibilitySettings = { method: '3sfca', catchmentKm: 30, decay: { kind: 'gravity', beta: 1, minKm: 5 } };

  it('reproduces the hand computation', () => {
    const R1 = 6 / 7300;
    const R2 = 1 / 2700;
    const result = twoStepFCA(demand, supply, lineDistance, three);
    const [a, b, c] = scores(result);
    near(a, ((5 / 6) * R1 + (1 / 6) * R2 * (1 / 5)) * 1e4);
    near(b, ((3 / 4) * R1 + (1 / 4) * R2 * (1 / 3)) * 1e4);
    near(c, ((1 / 6) * R1 * (1 / 5) + (5 / 6) * R2) * 1e4);
    near(result.sites[0]!.servedPopulation, 7300 / 3);
    near(1000 * a! + 2000 * b! + 3000 * c!, 3e4);
  });

  it('equals E2SFCA when every place reaches only one site', () => {
    // Catchment 10: A and B reach only S1, C only S2, so every G is 1.
    const narrow = (method: '3sfca' | 'e2sfca'): AccessibilitySettings => ({ method, catchmentKm: 10, decay: { kind: 'gravity', beta: 1, minKm: 5 } });
    const a = scores(twoStepFCA(demand, supply, lineDistance, narrow('3sfca')));
    const b = scores(twoStepFCA(demand, supply, lineDistance, narrow('e2sfca')));
    a.forEach((x, i) => near(x, b[i]!));
  });
});
