// Two-step floating catchment area (2SFCA, Luo & Wang 2003) and its enhanced,
// distance-weighted variant (E2SFCA, Luo & Qi 2009).
//   Step 1, per site j:         R_j = S_j / Σ_k P_k · W(d_kj)
//   Step 2, per demand point i: A_i = Σ_j R_j · W(d_ij)
// Classic 2SFCA is the special case W = 1 inside the catchment, 0 outside.
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
  const w = weightFunction(settings);
  const catchment = settings.catchmentKm;
  const { population, known, columns, sites } = prepared;
  const n = population.length;
  const scores = new Float64Array(n);
  const ratios = new Float64Array(columns.length);
  const served = new Float64Array(columns.length);
  // The demand points a column reaches, with their weights, are kept so step 2 neither
  // evaluates W twice nor walks the (mostly unreachable) rest of the column again.
  const weights = new Float64Array(n);
  const reached = new Int32Array(n);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    let denominator = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const d = column[i]!;
      // Most national pairs lie outside the catchment; rejecting them inline keeps
      // the closure call (and Math.exp for Gaussian decay) off the common path.
      if (d > catchment) continue;
      const wi = w(d);
      if (!(wi > 0)) continue;
      weights[count] = wi;
      reached[count++] = i;
      // Unknown populations are stored as 0, which is exactly "left out of the denominator".
      denominator += population[i]! * wi;
    }
    served[j] = denominator;
    if (!(denominator > 0)) {
      // Nobody (with a known population) can reach it: its FTE is counted nowhere.
      ratios[j] = NaN;
      continue;
    }
    const r = sites[j]!.fte / denominator;
    ratios[j] = r * PER_INHABITANTS;
    for (let q = 0; q < count; q++) scores[reached[q]!]! += r * weights[q]!;
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
  return accessibility(prepare(demand, supply, distance), settings);
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
