// Two-step floating catchment area (2SFCA, Luo & Wang 2003), its enhanced, distance-weighted
// variant (E2SFCA, Luo & Qi 2009) and the three-step variant (3SFCA, Wan, Zou & Sternberg 2012).
//   Step 1, per site j:         R_j = S_j / Σ_k P_k · W(d_kj)
//   Step 2, per demand point i: A_i = Σ_j R_j · W(d_ij)
// Classic 2SFCA is the special case W = 1 inside the catchment, 0 outside. 3SFCA multiplies W by
// the selection weight G_ij = W_ij / Σ_k W_ik in both steps.
import { prepare, type Column, type Prepared } from './prepare.ts';
import { CHORD_MARGIN, chordSquaredToKm, kmToChordSquared } from './spatial.ts';
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

/** Each core's Σ_j R_j·W_ij before scaling, so sites appended to its columns can be added to it (computeCore's `base`). */
const unscaled = new WeakMap<FcaCore, Float64Array>();

/**
 * `base`: the core of a preparation whose columns are the first ones of `prepared` (withSites
 * appends), with the same settings. Outside 3SFCA a site's ratio depends only on its own column, so
 * the base's columns are taken as they are and only the appended ones computed, in the same order
 * of additions as a full computation: the result is the same to the last bit.
 */
export function computeCore(prepared: Prepared, settings: AccessibilitySettings = DEFAULT_SETTINGS, base?: FcaCore): FcaCore {
  assertSettings(settings);
  if (settings.catchmentKm > prepared.reach) {
    throw new RangeError(`The catchment (${settings.catchmentKm}) is larger than the distances kept (${prepared.reach}); prepare with a larger reach.`);
  }
  const { population, known, columns, sites } = prepared;
  const n = population.length;
  const scores = new Float64Array(n);
  const ratios = new Float64Array(columns.length);
  const served = new Float64Array(columns.length);
  const fill = weightFiller(settings);
  // 3SFCA: G_ij = W_ij / Σ_k W_ik over the sites point i reaches, so a place's demand is shared
  // between its sites rather than counted in full at each. It needs every column's weights before
  // step 1; the other methods weigh one column at a time into one reused buffer.
  const threeStep = settings.method === '3sfca';
  let maxLength = 0;
  for (const column of columns) if (column.index.length > maxLength) maxLength = column.index.length;
  const buffer = new Float64Array(maxLength);
  const weights = threeStep ? columns.map((column) => {
    const out = new Float64Array(column.index.length);
    fill(column, out, null);
    return out;
  }) : null;
  let selection: Float64Array | null = null;
  if (weights) {
    selection = new Float64Array(n);
    for (let j = 0; j < columns.length; j++) {
      const index = columns[j]!.index;
      const wj = weights[j]!;
      for (let q = 0; q < wj.length; q++) if (wj[q]! > 0) selection[index[q]!]! += wj[q]!;
    }
  }
  let start = 0;
  const baseSums = base && !threeStep ? unscaled.get(base) : undefined;
  if (base && baseSums && baseSums.length === n && base.ratios.length <= columns.length) {
    start = base.ratios.length;
    scores.set(baseSums);
    ratios.set(base.ratios);
    served.set(base.served);
  }
  for (let j = start; j < columns.length; j++) {
    const { index } = columns[j]!;
    const wj = weights ? weights[j]! : buffer;
    let denominator = 0;
    if (selection) {
      for (let q = 0; q < index.length; q++) {
        const wi = wj[q]!;
        if (!(wi > 0)) continue;
        const i = index[q]!;
        // Unknown populations are stored as 0, which is exactly "left out of the denominator".
        denominator += population[i]! * (wi / selection[i]!) * wi;
      }
    } else {
      // Weighs the column into `buffer` and sums Σ P_i·W_ij in the same pass.
      denominator = fill(columns[j]!, buffer, population);
    }
    served[j] = denominator;
    if (!(denominator > 0)) {
      // Nobody (with a known population) can reach it: its FTE is counted nowhere.
      ratios[j] = NaN;
      continue;
    }
    const r = sites[j]!.fte / denominator;
    ratios[j] = r * PER_INHABITANTS;
    if (selection) {
      for (let q = 0; q < index.length; q++) {
        const wi = wj[q]!;
        if (!(wi > 0)) continue;
        const i = index[q]!;
        scores[i]! += r * (wi / selection[i]!) * wi;
      }
    } else {
      for (let q = 0; q < index.length; q++) {
        const wi = wj[q]!;
        if (!(wi > 0)) continue;
        scores[index[q]!]! += r * wi;
      }
    }
  }
  const sums = threeStep ? undefined : scores.slice();
  for (let i = 0; i < n; i++) scores[i] = known[i] ? scores[i]! * PER_INHABITANTS : NaN;
  const core = { scores, ratios, served };
  if (sums) unscaled.set(core, sums);
  return core;
}

/**
 * Writes W(d) of each pair of a column into `out` (from 0) and, given the populations, returns
 * Σ P_i·W_ij over the pairs of positive weight (step 1's denominator; 0 without populations).
 */
type WeightFill = (column: Column, out: Float64Array, population: Float64Array | null) => number;

/**
 * The weights of a column's pairs. Step weights (and 2SFCA's 0/1) of great-circle columns are
 * decided on the squared chord, the km left to pairs within a hair of a band's edge, where the km
 * is computed exactly; every pair gets the weight weightFunction gives its km. Other decays read
 * the km.
 */
function weightFiller(settings: AccessibilitySettings): WeightFill {
  const w = weightFunction(settings);
  const catchment = settings.catchmentKm;
  const byKm: WeightFill = (column, out, population) => {
    const { distance, index } = column;
    let sum = 0;
    for (let q = 0; q < distance.length; q++) {
      const d = distance[q]!;
      // Rejecting pairs past the catchment inline keeps the closure call (and Math.exp) off them.
      const weight = d > catchment ? 0 : w(d);
      out[q] = weight;
      if (population && weight > 0) sum += population[index[q]!]! * weight;
    }
    return sum;
  };
  const decay = settings.decay;
  const steps = settings.method === '2sfca'
    ? [{ upToKm: catchment, weight: 1 }]
    : decay.kind === 'step' ? decay.zones.map((z) => ({ upToKm: Math.min(z.upToKm, catchment), weight: z.weight })) : null;
  if (!steps) return byKm;
  // Edges as squared chords; a pair between low[z] and high[z] is too close to edge z to decide without km.
  const low = Float64Array.from(steps, (z) => kmToChordSquared(z.upToKm) * (1 - CHORD_MARGIN));
  const high = Float64Array.from(steps, (z) => kmToChordSquared(z.upToKm) * (1 + CHORD_MARGIN));
  const zoneWeight = Float64Array.from(steps, (z) => z.weight);
  const zones = steps.length;
  return (column, out, population) => {
    const { chord2, index } = column;
    if (!chord2) return byKm(column, out, population);
    let sum = 0;
    for (let q = 0; q < chord2.length; q++) {
      const h = chord2[q]!;
      let weight = 0;
      for (let z = 0; z < zones; z++) {
        if (h <= low[z]!) {
          weight = zoneWeight[z]!;
          break;
        }
        if (h <= high[z]!) {
          weight = w(chordSquaredToKm(h));
          break;
        }
      }
      out[q] = weight;
      if (population && weight > 0) sum += population[index[q]!]! * weight;
    }
    return sum;
  };
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
