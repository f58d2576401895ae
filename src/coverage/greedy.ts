// Greedy "best next placement": add k sites one at a time where they help most.
//
// Objectives:
// - 'reach' (the default): the most people newly within `reachKm` (default: the catchment) of an
//   offer; ties broken by the largest fall in the population-weighted distance to the nearest offer.
//   Both depend on where the candidate is, so candidates differ.
// - 'accessibility': the population-weighted mean score. Caveat: 2SFCA conserves supply
//   (Σ P_i·A_i = reachable FTE), so the mean rises by exactly fte·10,000/population for EVERY
//   candidate that reaches anyone; it alone cannot rank them, and the tie-breaks decide.
// - 'gini': the lowest Gini of the municipalities' scores.
// Every objective falls back on the others in a fixed order, then on candidate order; each step
// reports the runner-up and what decided between them.
//
// Why it is cheap: R_j depends only on demand, so a new site leaves every other site's ratio
// unchanged. A candidate at point c adds R_c · W(d_ic) to each A_i, and R_c = fte / Σ P_i W(d_ic)
// is fixed for the whole search. Each evaluation is O(#demand points) (plus a sort of the units for
// the Gini), whatever the number of sites. This does not hold for 3SFCA, whose selection weights
// change for everyone near a new site; the search refuses it.
import { computeCore } from './fca.ts';
import { giniTyped } from './inequality.ts';
import { distanceColumn, type Prepared } from './prepare.ts';
import { DEFAULT_SETTINGS, PER_INHABITANTS, weightFunction } from './settings.ts';
import type { AccessibilitySettings, SupplySite } from './types.ts';

export type GreedyObjective = 'reach' | 'accessibility' | 'gini';

/** A place a site may go: a unit id (placed at the unit's location) or a point of its own. */
export type Candidate = string | { id: string; lat: number; lon: number; demandId?: string };

/** "No offer at all" counts as this far in the distance fall, so a first offer anywhere is worth a finite amount. */
export const NO_OFFER_KM = 1000;

export interface GreedyOptions {
  k: number;
  fte: number;
  level?: string;
  objective: GreedyObjective;
  /** Where a site may go; default every unit. */
  candidates?: readonly Candidate[];
  settings?: AccessibilitySettings;
  /** The distance for 'reach'; default the catchment. */
  reachKm?: number;
}

/** What one candidate would achieve at one step. */
export interface CandidateOutcome {
  candidateId: string;
  /** Inhabitants with no offer within reachKm before this step who have one after it. */
  newlyWithinPopulation: number;
  /** Fall in the population-weighted mean distance to the nearest offer (distance unit). */
  distanceFall: number;
  meanScore: number;
  gini: number;
  /** Inhabitants who had no reachable FTE before this step and have some now. */
  newlyCoveredPopulation: number;
}

export interface GreedyStep extends CandidateOutcome {
  step: number;
  site: SupplySite;
  /** Objective value after this step (people newly within reach, mean score or Gini). */
  objective: number;
  /** The second-best candidate at this step; null when there was only one. */
  runnerUp: (CandidateOutcome & { objective: number }) | null;
  /** How much better the winner's objective is than the runner-up's (≥ 0; for the Gini, the runner-up's minus the winner's). */
  margin: number | null;
  /** How many candidates shared the best objective value. */
  tiedOnObjective: number;
  /** What separated the winner from the runner-up: the objective, a tie-break, or only the candidates' order (a full tie). */
  decidedBy: 'objective' | 'tie-break' | 'order' | 'only-candidate';
}

export interface GreedyResult {
  objective: GreedyObjective;
  reachKm: number;
  baseline: { meanScore: number; gini: number; withinReachPopulation: number; meanDistance: number };
  steps: GreedyStep[];
  /** The chosen sites, ready for applyScenario. */
  sites: SupplySite[];
}

interface Evaluation extends CandidateOutcome { c: number }

export function greedyPlacement(prepared: Prepared, options: GreedyOptions): GreedyResult {
  const { k, fte, level, objective } = options;
  if (!Number.isInteger(k) || k < 0) throw new RangeError('k must be a whole number of at least 0.');
  if (!(fte > 0) || !Number.isFinite(fte)) throw new RangeError('fte must be a positive number.');
  const settings = options.settings ?? DEFAULT_SETTINGS;
  if (settings.method === '3sfca') throw new RangeError('The greedy search needs a two-step method (2sfca or e2sfca).');
  const reachKm = options.reachKm ?? settings.catchmentKm;
  if (!(reachKm >= 0) || !Number.isFinite(reachKm)) throw new RangeError('reachKm must be a finite number of at least 0.');
  const w = weightFunction(settings);
  const scores = computeCore(prepared, settings).scores;
  // Only people we can count take part: known, positive populations.
  const members = [...prepared.known.keys()].filter((i) => prepared.known[i] && prepared.population[i]! > 0);
  const m = members.length;
  const pop = Float64Array.from(members, (i) => prepared.population[i]!);
  const value = Float64Array.from(members, (i) => scores[i]!);
  const nearest = Float64Array.from(members, (i) => Math.min(prepared.nearest.best[i]!, NO_OFFER_KM));
  const totalPop = pop.reduce((s, p) => s + p, 0);
  // The Gini is over the units (municipalities), as the atlas reports it.
  const unitOfMember = Int32Array.from(members, (i) => prepared.unitOf[i]!);
  const unitCount = prepared.units.length;
  const unitPop = new Float64Array(unitCount);
  for (let q = 0; q < m; q++) unitPop[unitOfMember[q]!]! += pop[q]!;
  const unitMembers = [...unitPop.keys()].filter((u) => unitPop[u]! > 0);
  const unitWeights = Float64Array.from(unitMembers, (u) => unitPop[u]!);
  const unitSum = new Float64Array(unitCount);
  const unitValues = new Float64Array(unitMembers.length);
  const order = new Uint32Array(unitMembers.length);
  const giniOf = (v: Float64Array) => {
    unitSum.fill(0);
    for (let q = 0; q < m; q++) unitSum[unitOfMember[q]!]! += pop[q]! * v[q]!;
    unitMembers.forEach((u, x) => unitValues[x] = unitSum[u]! / unitPop[u]!);
    return giniTyped(unitValues, unitWeights, order);
  };

  const candidates = (options.candidates ?? prepared.units.map((u) => u.id)).map((candidate) => {
    const place = typeof candidate === 'string' ? unitPlace(prepared, candidate) : candidate;
    const site: SupplySite = {
      id: `candidate-${place.id}`, lat: place.lat, lon: place.lon, fte,
      ...(place.demandId === undefined ? {} : { demandId: place.demandId }), ...(level === undefined ? {} : { level }),
    };
    const column = distanceColumn(prepared, site);
    const distance = Float64Array.from(members, (i) => column[i]!);
    const weights = distance.map((d) => w(d));
    const denominator = weights.reduce((s, wi, q) => s + wi * pop[q]!, 0);
    // Per-member score increase if this site is added (zero when it reaches nobody).
    const gain = denominator > 0 ? weights.map((wi) => (wi * fte * PER_INHABITANTS) / denominator) : new Float64Array(m);
    return { id: place.id, site, gain, distance };
  });
  const trial = new Float64Array(m);
  const meanOf = (v: Float64Array) => (totalPop > 0 ? v.reduce((s, x, q) => s + x * pop[q]!, 0) / totalPop : 0);
  const withinOf = (d: Float64Array) => d.reduce((s, x, q) => (x <= reachKm ? s + pop[q]! : s), 0);
  const evaluate = (c: number): Evaluation => {
    const { gain, distance } = candidates[c]!;
    let covered = 0;
    let newlyWithin = 0;
    let fall = 0;
    for (let q = 0; q < m; q++) {
      trial[q] = value[q]! + gain[q]!;
      if (value[q] === 0 && gain[q]! > 0) covered += pop[q]!;
      const d = distance[q]!;
      if (d < nearest[q]!) {
        fall += pop[q]! * (nearest[q]! - d);
        if (d <= reachKm && nearest[q]! > reachKm) newlyWithin += pop[q]!;
      }
    }
    return {
      c, candidateId: candidates[c]!.id, newlyWithinPopulation: newlyWithin, distanceFall: totalPop > 0 ? fall / totalPop : 0,
      meanScore: meanOf(trial), gini: giniOf(trial), newlyCoveredPopulation: covered,
    };
  };
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  // Criteria in order, each "higher is better". The first is the objective, the rest break ties.
  const criteria: ((e: Evaluation) => number)[] = objective === 'reach'
    ? [(e) => e.newlyWithinPopulation, (e) => e.distanceFall, (e) => e.newlyCoveredPopulation, (e) => -e.gini]
    : objective === 'gini'
      ? [(e) => -e.gini, (e) => e.newlyCoveredPopulation, (e) => e.meanScore, (e) => e.newlyWithinPopulation, (e) => e.distanceFall]
      : [(e) => e.meanScore, (e) => e.newlyCoveredPopulation, (e) => -e.gini, (e) => e.newlyWithinPopulation, (e) => e.distanceFall];
  /** Index of the first criterion that separates a and b, and its sign; -1 when they tie on all. */
  const compare = (a: Evaluation, b: Evaluation): { at: number; sign: number } => {
    for (let x = 0; x < criteria.length; x++) {
      const va = criteria[x]!(a);
      const vb = criteria[x]!(b);
      if (!same(va, vb)) return { at: x, sign: va > vb ? -1 : 1 };
    }
    return { at: -1, sign: a.c - b.c };
  };
  const objectiveValue = (e: Evaluation) => (objective === 'reach' ? e.newlyWithinPopulation : objective === 'gini' ? e.gini : e.meanScore);
  const baseline = { meanScore: meanOf(value), gini: giniOf(value), withinReachPopulation: withinOf(nearest), meanDistance: meanOf(nearest) };
  const steps: GreedyStep[] = [];
  for (let step = 1; step <= k && candidates.length > 0; step++) {
    const ranked = candidates.map((_, c) => evaluate(c)).sort((a, b) => compare(a, b).sign);
    const best = ranked[0]!;
    const second = ranked[1];
    const chosen = candidates[best.c]!;
    for (let q = 0; q < m; q++) {
      value[q]! += chosen.gain[q]!;
      if (chosen.distance[q]! < nearest[q]!) nearest[q] = chosen.distance[q]!;
    }
    const site = { ...chosen.site, id: `greedy-${step}-${chosen.id}` };
    const separatedAt = second ? compare(best, second).at : null;
    const { c: _c, ...outcome } = best;
    steps.push({
      step, site, ...outcome,
      objective: objectiveValue(best),
      runnerUp: second ? { ...withoutIndex(second), objective: objectiveValue(second) } : null,
      margin: second ? (objective === 'gini' ? second.gini - best.gini : objectiveValue(best) - objectiveValue(second)) : null,
      tiedOnObjective: ranked.filter((e) => same(criteria[0]!(e), criteria[0]!(best))).length,
      decidedBy: separatedAt === null ? 'only-candidate' : separatedAt === 0 ? 'objective' : separatedAt > 0 ? 'tie-break' : 'order',
    });
  }
  return { objective, reachKm, baseline, steps, sites: steps.map((s) => s.site) };
}

function withoutIndex(e: Evaluation): CandidateOutcome {
  const { c: _c, ...outcome } = e;
  return outcome;
}

function unitPlace(prepared: Prepared, id: string): { id: string; lat: number; lon: number; demandId: string } {
  const u = prepared.unitIndex.get(id);
  if (u === undefined) throw new RangeError(`Unknown candidate ${id}.`);
  const unit = prepared.units[u]!;
  return { id, lat: unit.lat, lon: unit.lon, demandId: id };
}
