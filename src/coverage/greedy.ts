// Greedy "best next placement": add k sites one at a time where they help most.
//
// Why it is cheap: R_j depends only on demand, so a new site leaves every other
// site's ratio unchanged. A candidate at point c adds R_c · W(d_ic) to each A_i,
// and R_c = fte / Σ P_i W(d_ic) is fixed for the whole search. Each evaluation is
// therefore O(#demand) (plus a sort for the Gini), whatever the number of sites.
//
// Caveat the UI must know: 2SFCA conserves supply (Σ P_i·A_i = reachable FTE), so the
// population-weighted mean rises by exactly fte·10,000/population for EVERY candidate
// that reaches anyone. The 'accessibility' objective alone cannot rank them; ties on
// it are broken by the population that gets its first reachable FTE, then by the
// lower Gini, then by candidate order.
import { computeCore } from './fca.ts';
import { giniTyped } from './inequality.ts';
import { distanceColumn, type Prepared } from './prepare.ts';
import { DEFAULT_SETTINGS, PER_INHABITANTS, weightFunction } from './settings.ts';
import type { AccessibilitySettings, SupplySite } from './types.ts';

export interface GreedyOptions {
  k: number;
  fte: number;
  level?: string;
  objective: 'accessibility' | 'gini';
  /** Demand point ids where a site may go; default all. */
  candidates?: readonly string[];
  settings?: AccessibilitySettings;
}

export interface GreedyStep {
  step: number;
  candidateId: string;
  site: SupplySite;
  /** Objective value after this step (mean score or Gini). */
  objective: number;
  meanScore: number;
  gini: number;
  /** Inhabitants who had no reachable FTE before this step and have some now. */
  newlyCoveredPopulation: number;
  /** How many candidates shared the best objective value, i.e. how much the tie-break decided. */
  tiedOnObjective: number;
}

export interface GreedyResult {
  baseline: { meanScore: number; gini: number };
  steps: GreedyStep[];
  /** The chosen sites, ready for applyScenario. */
  sites: SupplySite[];
}

interface Evaluation { c: number; mean: number; gini: number; covered: number }

export function greedyPlacement(prepared: Prepared, options: GreedyOptions): GreedyResult {
  const { k, fte, level, objective } = options;
  if (!Number.isInteger(k) || k < 0) throw new RangeError('k must be a whole number of at least 0.');
  if (!(fte > 0) || !Number.isFinite(fte)) throw new RangeError('fte must be a positive number.');
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const w = weightFunction(settings);
  const scores = computeCore(prepared, settings).scores;
  // Only people we can count take part: known, positive populations.
  const members = [...prepared.known.keys()].filter((i) => prepared.known[i] && prepared.population[i]! > 0);
  const m = members.length;
  const pop = Float64Array.from(members, (i) => prepared.population[i]!);
  const value = Float64Array.from(members, (i) => scores[i]!);
  const totalPop = pop.reduce((s, p) => s + p, 0);
  const ids = options.candidates ?? prepared.demand.map((d) => d.id);
  const candidates = ids.map((id) => {
    const i = prepared.demandIndex.get(id);
    if (i === undefined) throw new RangeError(`Unknown candidate ${id}.`);
    const point = prepared.demand[i]!;
    const site: SupplySite = { id: `candidate-${id}`, lat: point.lat, lon: point.lon, fte, demandId: id, ...(level === undefined ? {} : { level }) };
    const column = distanceColumn(prepared, site);
    const weights = Float64Array.from(members, (i) => w(column[i]!));
    const denominator = weights.reduce((s, wi, q) => s + wi * pop[q]!, 0);
    // Per-member score increase if this site is added (zero when it reaches nobody).
    const gain = denominator > 0 ? weights.map((wi) => (wi * fte * PER_INHABITANTS) / denominator) : new Float64Array(m);
    return { id, site, gain };
  });
  const order = new Uint32Array(m);
  const trial = new Float64Array(m);
  const meanOf = (v: Float64Array) => (totalPop > 0 ? v.reduce((s, x, q) => s + x * pop[q]!, 0) / totalPop : 0);
  const evaluate = (c: number): Evaluation => {
    const gain = candidates[c]!.gain;
    let covered = 0;
    for (let q = 0; q < m; q++) {
      trial[q] = value[q]! + gain[q]!;
      if (value[q] === 0 && gain[q]! > 0) covered += pop[q]!;
    }
    return { c, mean: meanOf(trial), gini: giniTyped(trial, pop, order), covered };
  };
  const primary = (e: Evaluation) => (objective === 'gini' ? -e.gini : e.mean);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const better = (a: Evaluation, b: Evaluation): boolean => {
    if (!same(primary(a), primary(b))) return primary(a) > primary(b);
    if (a.covered !== b.covered) return a.covered > b.covered;
    const second = objective === 'gini' ? a.mean - b.mean : b.gini - a.gini;
    return !same(second, 0) && second > 0;
  };
  const baseline = { meanScore: meanOf(value), gini: giniTyped(value, pop, order) };
  const steps: GreedyStep[] = [];
  for (let step = 1; step <= k && candidates.length > 0; step++) {
    const evaluations = candidates.map((_, c) => evaluate(c));
    const best = evaluations.reduce((a, b) => (better(b, a) ? b : a));
    const chosen = candidates[best.c]!;
    for (let q = 0; q < m; q++) value[q]! += chosen.gain[q]!;
    const site = { ...chosen.site, id: `greedy-${step}-${chosen.id}` };
    steps.push({
      step,
      candidateId: chosen.id,
      site,
      objective: objective === 'gini' ? best.gini : best.mean,
      meanScore: best.mean,
      gini: best.gini,
      newlyCoveredPopulation: best.covered,
      tiedOnObjective: evaluations.filter((e) => same(primary(e), primary(best))).length,
    });
  }
  return { baseline, steps, sites: steps.map((s) => s.site) };
}
