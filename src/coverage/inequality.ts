// Population-weighted Gini coefficient and Lorenz curve of an accessibility score.
// Each demand point stands for `weight` people who all get its score.

export type Degenerate = null | 'all-zero' | 'empty';

export interface Observation {
  value: number;
  /** value / largest value: every measure here is scale-free, and this keeps tiny inputs out of subnormal arithmetic. */
  unit: number;
  weight: number;
  index: number;
}

/**
 * Keeps pairs with a known, finite value and a positive weight: a municipality with
 * an unknown population cannot be weighted, and one with no people carries no weight.
 */
export function observations(
  values: readonly (number | null)[],
  weights: readonly (number | null)[],
): { kept: Observation[]; skipped: number } {
  if (values.length !== weights.length) throw new RangeError('Values and weights must have the same length.');
  const kept: Observation[] = [];
  values.forEach((value, index) => {
    const weight = weights[index];
    if (value === null || !Number.isFinite(value) || weight === null || weight === undefined || !(weight > 0)) return;
    if (value < 0) throw new RangeError('Inequality measures need non-negative values.');
    kept.push({ value, unit: value, weight, index });
  });
  const top = kept.reduce((m, o) => Math.max(m, o.value), 0);
  if (top > 0) for (const o of kept) o.unit = o.value / top;
  return { kept, skipped: values.length - kept.length };
}

export interface GiniResult {
  /** In [0, 1); 0 also for the degenerate cases, which `degenerate` names. */
  value: number;
  degenerate: Degenerate;
  skipped: number;
}

export interface LorenzPoint {
  /** Cumulative share of the population, poorest first. */
  populationShare: number;
  /** Cumulative share of Σ population × score. */
  accessShare: number;
}

export interface LorenzResult {
  points: LorenzPoint[];
  degenerate: Degenerate;
}

/** Lorenz curve from (0,0) to (1,1), one point per kept observation in ascending order of value. */
export function lorenz(values: readonly (number | null)[], weights: readonly (number | null)[]): LorenzResult {
  const { kept } = observations(values, weights);
  const totalWeight = kept.reduce((s, o) => s + o.weight, 0);
  const total = kept.reduce((s, o) => s + o.weight * o.unit, 0);
  const origin = { populationShare: 0, accessShare: 0 };
  if (kept.length === 0) return { points: [origin, { populationShare: 1, accessShare: 1 }], degenerate: 'empty' };
  // With nothing to share out, everyone has the same (zero): draw the line of equality.
  const degenerate: Degenerate = total > 0 ? null : 'all-zero';
  kept.sort((a, b) => a.value - b.value);
  const points: LorenzPoint[] = [origin];
  let w = 0;
  let t = 0;
  for (const o of kept) {
    w += o.weight;
    t += o.weight * o.unit;
    const populationShare = w / totalWeight;
    points.push({ populationShare, accessShare: degenerate ? populationShare : t / total });
  }
  // Pin the end exactly, so rounding never leaves the curve at 0.9999999.
  points[points.length - 1] = { populationShare: 1, accessShare: 1 };
  return { points, degenerate };
}

/** Gini = 1 − 2 × (area under the Lorenz curve), the area summed as trapezoids. */
export function gini(values: readonly (number | null)[], weights: readonly (number | null)[]): GiniResult {
  const skipped = observations(values, weights).skipped;
  const { points, degenerate } = lorenz(values, weights);
  if (degenerate) return { value: 0, degenerate, skipped };
  let twiceArea = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    twiceArea += (b.populationShare - a.populationShare) * (a.accessShare + b.accessShare);
  }
  // Clamp away rounding noise such as −1e-16 for a perfectly equal distribution.
  return { value: Math.min(1, Math.max(0, 1 - twiceArea)), degenerate: null, skipped };
}

/**
 * Same Gini as `gini`, on parallel typed arrays that the caller has already
 * filtered (positive weights, finite values). Used in the greedy search's inner
 * loop, where building observation objects for every candidate would dominate.
 */
export function giniTyped(values: Float64Array, weights: Float64Array, order: Uint32Array): number {
  const n = values.length;
  let W = 0;
  let T = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    W += weights[i]!;
    T += weights[i]! * values[i]!;
  }
  if (!(T > 0)) return 0;
  order.sort((a, b) => values[a]! - values[b]!);
  let cumulative = 0;
  let twiceArea = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const y = (weights[i]! * values[i]!) / T;
    twiceArea += (weights[i]! / W) * (2 * cumulative + y);
    cumulative += y;
  }
  return Math.min(1, Math.max(0, 1 - twiceArea));
}
