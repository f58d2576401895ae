// Two-step floating catchment area (2SFCA, Luo & Wang 2003), its enhanced, distance-weighted
// variant (E2SFCA, Luo & Qi 2009) and the three-step variant (3SFCA, Wan, Zou & Sternberg 2012).
//   Step 1, per site j:         R_j = S_j / Σ_k P_k · W(d_kj)
//   Step 2, per demand point i: A_i = Σ_j R_j · W(d_ij)
// Classic 2SFCA is the special case W = 1 inside the catchment, 0 outside. 3SFCA multiplies W by
// the selection weight G_ij = W_ij / Σ_k W_ik in both steps.
import { prepare, type Prepared } from './prepare.ts';
import { assertSettings, DEFAULT_SETTINGS, PER_INHABITANTS, weightFunction } from './settings.ts';
import type { AccessibilitySettings, DemandPoint, Distance, SupplySite } from './types.ts';

/** Typed-array form used by scenarios and greedy search; see AccessibilityResult for the friendly form. */
export interface FcaCore {
  /** A_i in FTE per 10,000 inhabitants; NaN where the population is unknown. */
  scores: Float64Array;
  /** R_j in FTE per 10,000 weighted inhabitants; NaN when no populated point is in reach. */
  ratios: Float64Array;
  /** Σ_k P_k · W(d_kj): the weighted population competing for site j. */
  served: Float64Array;
}

export function computeCore(prepared: Prepared, settings: AccessibilitySettings = DEFAULT_SETTINGS): FcaCore {
  assertSettings(settings);
  if (settings.catchmentKm > prepared.reach) {
    throw new RangeError(`The catchment (${settings.catchmentKm}) is larger than the distances kept (${prepared.reach}); prepare with a larger reach.`);
  }
  const w = weightFunction(settings);
  const catchment = settings.catchmentKm;
  const { population, known, columns, sites } = prepared;
  const n = population.length;
  const scores = new Float64Array(n);
  const ratios = new Float64Array(columns.length);
  const served = new Float64Array(columns.length);
  // Each column's reached points and weights, computed once: step 2 (and 3SFCA's selection
  // weights) reuse them instead of evaluating W again.
  const weights = columns.map((column) => {
    const out = new Float64Array(column.index.length);
    for (let q = 0; q < out.length; q++) {
      const d = column.distance[q]!;
      // Rejecting pairs past the catchment inline keeps the closure call (and Math.exp) off them.
      out[q] = d > catchment ? 0 : w(d);
    }
    return out;
  });
  // 3SFCA: G_ij = W_ij / Σ_k W_ik over the sites point i reaches, so a place's demand is shared
  // between its sites rather than counted in full at each.
  let selection: Float64Array | null = null;
  if (settings.method === '3sfca') {
    const total = new Float64Array(n);
    columns.forEach((column, j) => {
      const wj = weights[j]!;
      for (let q = 0; q < wj.length; q++) if (wj[q]! > 0) total[column.index[q]!]! += wj[q]!;
    });
    selection = total;
  }
  const g = (i: number, wi: number) => (selection ? wi / selection[i]! : 1);
  for (let j = 0; j < columns.length; j++) {
    const { index } = columns[j]!;
    const wj = weights[j]!;
    let denominator = 0;
    for (let q = 0; q < index.length; q++) {
      const wi = wj[q]!;
      if (!(wi > 0)) continue;
      const i = index[q]!;
      // Unknown populations are stored as 0, which is exactly "left out of the denominator".
      denominator += selection ? population[i]! * g(i, wi) * wi : population[i]! * wi;
    }
    served[j] = denominator;
    if (!(denominator > 0)) {
      // Nobody (with a known population) can reach it: its FTE is counted nowhere.
      ratios[j] = NaN;
      continue;
    }
    const r = sites[j]!.fte / denominator;
    ratios[j] = r * PER_INHABITANTS;
    for (let q = 0; q < index.length; q++) {
      const wi = wj[q]!;
      if (!(wi > 0)) continue;
      const i = index[q]!;
      scores[i]! += selection ? r * g(i, wi) * wi : r * wi;
    }
  }
  for (let i = 0; i < n; i++) scores[i] = known[i] ? scores[i]! * PER_INHABITANTS : NaN;
  return { scores, ratios, served };
}

export interface DemandAccessibility {
  id: string;
  population: number | null;
  /** FTE per 10,000 inhabitants reachable; null when the population is unknown. */
  score: number | null;
  /** Inhabitants per reachable FTE (10,000 / score); null when no FTE is reachable or the population is unknown. */
  catchmentPopulationPerFte: number | null;
}

export interface SiteRatio {
  id: string;
  fte: number;
  /** FTE per 10,000 weighted inhabitants in its catchment; null when nobody is in reach. */
  ratio: number | null;
  servedPopulation: number;
}

export interface AccessibilityResult {
  demand: DemandAccessibility[];
  sites: SiteRatio[];
  /** FTE at sites reachable by at least one populated demand point; Σ A_i·P_i / 10,000 equals this. */
  reachableFte: number;
  unreachableSiteIds: string[];
}

export function twoStepFCA(
  demand: readonly DemandPoint[],
  supply: readonly SupplySite[],
  distance: Distance,
  settings: AccessibilitySettings = DEFAULT_SETTINGS,
): AccessibilityResult {
  return accessibility(prepare(demand, supply, distance, { reach: settings.catchmentKm }), settings);
}

export function accessibility(prepared: Prepared, settings: AccessibilitySettings = DEFAULT_SETTINGS): AccessibilityResult {
  return describeCore(prepared, computeCore(prepared, settings));
}

export function describeCore(prepared: Prepared, core: FcaCore): AccessibilityResult {
  const demand = prepared.demand.map((d, i) => {
    const score = nullIfNaN(core.scores[i]!);
    return { id: d.id, population: d.population, score, catchmentPopulationPerFte: inverseScore(score) };
  });
  let reachableFte = 0;
  const unreachableSiteIds: string[] = [];
  const sites = prepared.sites.map((s, j) => {
    const ratio = nullIfNaN(core.ratios[j]!);
    if (ratio === null) unreachableSiteIds.push(s.id);
    else reachableFte += s.fte;
    return { id: s.id, fte: s.fte, ratio, servedPopulation: core.served[j]! };
  });
  return { demand, sites, reachableFte, unreachableSiteIds };
}

/** Inhabitants per FTE from a per-10,000 score; null rather than Infinity when the score is 0. */
export function inverseScore(score: number | null): number | null {
  return score !== null && score > 0 ? PER_INHABITANTS / score : null;
}

function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
