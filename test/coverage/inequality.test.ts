import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gini, giniTyped, lorenz } from '../../src/coverage/inequality.ts';
import { theil } from '../../src/coverage/theil.ts';
import { near } from './fixtures.ts';

describe('Gini coefficient', () => {
  it('is 0 when everyone has the same score', () => {
    assert.deepEqual(gini([3, 3, 3, 3], [10, 20, 30, 40]), { value: 0, degenerate: null, skipped: 0 });
  });

  it('is (n−1)/n when one of n equally sized units holds everything', () => {
    for (const n of [2, 5, 10]) {
      const values = Array.from({ length: n }, (_, i) => (i === 0 ? 7 : 0));
      near(gini(values, Array(n).fill(1)).value, (n - 1) / n);
    }
  });

  it('matches the textbook mean-difference formula on a weighted case', () => {
    // x = 1, 2, 3 with weights 1, 1, 2: W = 4, mean = 9/4.
    // Σ_i Σ_j w_i w_j |x_i − x_j| = 2·(1·1·1 + 1·2·2 + 1·2·1) = 14;  G = 14 / (2·W²·mean) = 14/72.
    near(gini([1, 2, 3], [1, 1, 2]).value, 14 / 72);
    // Unweighted 1..5: Σ|x_i − x_j| = 40, G = 40 / (2·25·3) = 4/15.
    near(gini([5, 3, 1, 4, 2], [1, 1, 1, 1, 1]).value, 4 / 15);
  });

  it('returns 0 with a flag for all-zero or empty input, never NaN', () => {
    assert.deepEqual(gini([0, 0], [5, 5]), { value: 0, degenerate: 'all-zero', skipped: 0 });
    assert.deepEqual(gini([], []), { value: 0, degenerate: 'empty', skipped: 0 });
  });

  it('skips unknown scores and unknown or zero populations', () => {
    const r = gini([1, null, 9, 2], [1, 5, null, 0]);
    assert.deepEqual(r, { value: 0, degenerate: null, skipped: 3 });
  });

  it('agrees with the typed-array version used by the greedy search', () => {
    const values = [0, 2.5, 1, 8, 3];
    const weights = [100, 40, 300, 20, 55];
    near(giniTyped(Float64Array.from(values), Float64Array.from(weights), new Uint32Array(5)), gini(values, weights).value);
  });
});

describe('Lorenz curve', () => {
  it('runs from (0,0) to (1,1) through cumulative shares in ascending order', () => {
    const { points } = lorenz([3, 1], [1, 1]);
    assert.deepEqual(points, [
      { populationShare: 0, accessShare: 0 },
      { populationShare: 0.5, accessShare: 0.25 },
      { populationShare: 1, accessShare: 1 },
    ]);
  });

  it('draws the line of equality, flagged, when every score is zero', () => {
    const r = lorenz([0, 0, 0], [1, 1, 2]);
    assert.equal(r.degenerate, 'all-zero');
    assert.deepEqual(r.points.map((p) => p.accessShare), r.points.map((p) => p.populationShare));
    assert.deepEqual(r.points.at(-1), { populationShare: 1, accessShare: 1 });
  });
});

describe('Theil T index', () => {
  it('matches the hand computation for two equal groups of people', () => {
    // x = 1 and 3, mean 2: T = ½·(½ ln ½) + ½·(1.5 ln 1.5) ≈ 0.130812.
    near(theil([1, 3], [1, 1]).total, 0.5 * 0.5 * Math.log(0.5) + 0.5 * 1.5 * Math.log(1.5));
  });

  it('splits exactly into between-region and within-region parts', () => {
    const values = [1, 2, 0, 4, 5, 5, 0.5];
    const weights = [10, 20, 5, 30, 10, 25, 8];
    const regions = ['Nord', 'Nord', 'Nord', 'Vest', 'Vest', 'Midt', undefined];
    const r = theil(values, weights, regions);
    assert.ok(r.total > 0 && r.between > 0 && r.within > 0);
    near(r.between + r.within, r.total, 1e-12);
    near(r.groups.reduce((s, g) => s + g.share, 0), 1);
  });

  it('puts everything between groups when each group is internally equal', () => {
    const r = theil([1, 1, 4, 4], [1, 1, 1, 1], ['a', 'a', 'b', 'b']);
    near(r.within, 0);
    near(r.between, r.total);
  });

  it('handles zeros as 0·ln0 = 0, and all-zero input as 0 with a flag', () => {
    const r = theil([0, 2], [1, 1], ['a', 'b']);
    near(r.total, Math.log(2)); // all held by half the people: T = ln 2
    near(r.between + r.within, r.total);
    assert.ok(Object.values(r).every((v) => !Number.isNaN(v)));
    const zero = theil([0, 0], [1, 1], ['a', 'b']);
    assert.deepEqual([zero.total, zero.between, zero.within, zero.degenerate], [0, 0, 0, 'all-zero']);
  });
});
