// Every per-municipality and summary measure computed from one Prepared state.
// Scenarios compare two of these; the atlas adds group aggregates on top.
import { computeCore, describeCore, inverseScore, type FcaCore, type SiteRatio } from './fca.ts';
import { gini, lorenz, type GiniResult, type LorenzResult } from './inequality.ts';
import { DEFAULT_DISTANCE_THRESHOLDS, nearestOffers, type ThresholdShare } from './nearest.ts';
import type { Prepared } from './prepare.ts';
import { aggregateRatios, emptyGroupRatio, localRatios, type GroupRatio, type LocalRatio } from './ratios.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { classifyShortage, DEFAULT_SHORTAGE_THRESHOLDS, type ShortageClass, type ShortageResult, type ShortageThresholds } from './shortage.ts';
import { theil, type TheilResult } from './theil.ts';
import type { AccessibilitySettings, NearestOffer } from './types.ts';

export interface MeasureOptions {
  settings?: AccessibilitySettings;
  /** Distances for "share without an offer within"; default 30/60/120 (Distance unit). */
  distanceThresholds?: readonly number[];
  shortage?: ShortageThresholds;
  /** Levels always reported in nearest-by-level, even when no site has them. */
  levels?: readonly string[];
}

export interface MunicipalityMeasures {
  id: string;
  population: number | null;
  region: string | undefined;
  score: number | null;
  catchmentPopulationPerFte: number | null;
  local: LocalRatio;
  /**
   * For a unit of one point, its nearest offer. For a municipality of several demand points, the
   * nearest offer of its median resident: half the residents have an offer at least this close.
   */
  nearest: NearestOffer | null;
  nearestByLevel: Record<string, NearestOffer | null>;
  /** Residents whose nearest offer (any level, per level) is farther than each threshold, or who have none. */
  beyond: { thresholds: readonly number[]; any: number[]; byLevel: Record<string, number[]> };
  shortage: ShortageResult;
}

export interface SummaryMeasures {
  members: number;
  /** FTE, population and ratios over members with a known population. */
  ratio: GroupRatio;
  /** Population-weighted mean 2SFCA score; null when no population is known. */
  meanScore: number | null;
  gini: GiniResult;
  withoutOffer: ThresholdShare[];
  withoutOfferByLevel: Record<string, ThresholdShare[]>;
  shortageCounts: Record<ShortageClass, number>;
  shortagePopulation: Record<ShortageClass, number>;
}

export interface NationalMeasures extends SummaryMeasures {
  theil: TheilResult;
  lorenz: LorenzResult;
  /** FTE reachable by someone; the population-weighted mean score is exactly this × 10,000 / population. */
  reachableFte: number;
  unreachableSiteIds: string[];
  unattributedSiteIds: string[];
}

export interface Measures {
  municipalities: MunicipalityMeasures[];
  sites: SiteRatio[];
  national: NationalMeasures;
}

/** The FCA core behind each Measures (and what carryCore gave it to), with what it was computed on. */
const cores = new WeakMap<object, { core: FcaCore; prepared: Prepared; settings: string }>();

/** Lets an object built from `from` (the atlas's view) be the `base` of a later computeMeasures. */
export function carryCore(from: Measures, to: object): void {
  const kept = cores.get(from);
  if (kept) cores.set(to, kept);
}

/**
 * `base`: measures of a preparation that `prepared` extends with appended sites (a scenario's
 * baseline); its FCA core is reused for the sites it had when it was computed on exactly that
 * preparation and settings (checked), else everything is computed.
 */
export function computeMeasures(prepared: Prepared, options: MeasureOptions = {}, base?: { measures: Measures; prepared: Prepared }): Measures {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const thresholds = options.distanceThresholds ?? DEFAULT_DISTANCE_THRESHOLDS;
  const settingsKey = JSON.stringify(settings);
  const kept = base ? cores.get(base.measures) : undefined;
  const reusable = kept && base && kept.prepared === base.prepared && kept.settings === settingsKey
    && prepared.population === base.prepared.population && base.prepared.columns.every((column, j) => prepared.columns[j] === column);
  const core = computeCore(prepared, settings, reusable ? kept.core : undefined);
  const access = describeCore(prepared, core);
  const nearest = nearestOffers(prepared, options.levels);
  const levels = Object.keys(nearest[0]?.byLevel ?? Object.fromEntries((options.levels ?? []).map((l) => [l, null])));
  const { units, unattributedSiteIds } = localRatios(prepared.units, prepared.sites);
  const members: number[][] = prepared.units.map(() => []);
  prepared.unitOf.forEach((u, i) => members[u]!.push(i));
  const municipalities = prepared.units.map((unit, u): MunicipalityMeasures => {
    const list = members[u]!;
    const score = unitScore(prepared, list, (i) => access.demand[i]!.score);
    const near = (pick: (i: number) => NearestOffer | null) => (list.length === 1 ? pick(list[0]!) : medianNearest(prepared, list, pick));
    const any = near((i) => nearest[i]!.any);
    const beyondOf = (pick: (i: number) => NearestOffer | null) => thresholds.map((t) => {
      let people = 0;
      for (const i of list) {
        const offer = pick(i);
        if (prepared.known[i] && (offer === null || offer.distance > t)) people += prepared.population[i]!;
      }
      return people;
    });
    return {
      id: unit.id,
      population: unit.population,
      region: unit.region,
      score,
      catchmentPopulationPerFte: inverseScore(score),
      local: units[u]!,
      nearest: any,
      nearestByLevel: Object.fromEntries(levels.map((l) => [l, near((i) => nearest[i]!.byLevel[l] ?? null)])),
      beyond: {
        thresholds,
        any: beyondOf((i) => nearest[i]!.any),
        byLevel: Object.fromEntries(levels.map((l) => [l, beyondOf((i) => nearest[i]!.byLevel[l] ?? null)])),
      },
      shortage: classifyShortage(
        { population: unit.population, score, nearestDistance: any?.distance ?? null },
        options.shortage ?? DEFAULT_SHORTAGE_THRESHOLDS,
      ),
    };
  });
  const summary = summarise(municipalities, thresholds);
  const scores = municipalities.map((m) => m.score);
  const weights = municipalities.map((m) => m.population);
  const national: NationalMeasures = {
    ...summary,
    theil: theil(scores, weights, municipalities.map((m) => m.region)),
    lorenz: lorenz(scores, weights),
    reachableFte: access.reachableFte,
    unreachableSiteIds: access.unreachableSiteIds,
    unattributedSiteIds,
  };
  const result = { municipalities, sites: access.sites, national };
  cores.set(result, { core, prepared, settings: settingsKey });
  return result;
}

/**
 * A unit's score: its point's score, or the population-weighted mean of its points' scores (so
 * Σ score × population over units still equals the reachable FTE × 10,000). null when no
 * population of the unit is known.
 */
function unitScore(prepared: Prepared, list: readonly number[], score: (i: number) => number | null): number | null {
  if (list.length === 1) return score(list[0]!);
  let weighted = 0;
  let people = 0;
  let plain = 0;
  let count = 0;
  for (const i of list) {
    const s = score(i);
    if (s === null) continue;
    weighted += prepared.population[i]! * s;
    people += prepared.population[i]!;
    plain += s;
    count += 1;
  }
  if (count === 0) return null;
  return people > 0 ? weighted / people : plain / count;
}

/** The nearest offer of the unit's median resident (points weighted by population; equally when none is known). */
function medianNearest(prepared: Prepared, list: readonly number[], pick: (i: number) => NearestOffer | null): NearestOffer | null {
  const known = list.some((i) => prepared.known[i] && prepared.population[i]! > 0);
  const weight = (i: number) => (known ? (prepared.known[i] ? prepared.population[i]! : 0) : 1);
  const sorted = list.map((i) => ({ offer: pick(i), weight: weight(i) }))
    .sort((a, b) => (a.offer?.distance ?? Infinity) - (b.offer?.distance ?? Infinity));
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  let cumulative = 0;
  for (const x of sorted) {
    cumulative += x.weight;
    if (cumulative >= total / 2 && x.weight > 0) return x.offer;
  }
  return sorted[sorted.length - 1]?.offer ?? null;
}

/** Summary of any set of municipalities (a county, a health region, the whole country). */
export function summarise(
  members: readonly MunicipalityMeasures[],
  thresholds: readonly number[] = DEFAULT_DISTANCE_THRESHOLDS,
  label = 'Norway',
): SummaryMeasures {
  const ratio = aggregateRatios(members.map((m) => m.local), () => label)[0] ?? emptyGroupRatio(label);
  let weighted = 0;
  let population = 0;
  const shortageCounts: Record<ShortageClass, number> = { none: 0, moderate: 0, severe: 0 };
  const shortagePopulation: Record<ShortageClass, number> = { none: 0, moderate: 0, severe: 0 };
  for (const m of members) {
    shortageCounts[m.shortage.shortage] += 1;
    if (m.population === null || m.score === null) continue;
    weighted += m.population * m.score;
    population += m.population;
    shortagePopulation[m.shortage.shortage] += m.population;
  }
  const levels = [...new Set(members.flatMap((m) => Object.keys(m.nearestByLevel)))].sort();
  const share = (pick: (m: MunicipalityMeasures) => readonly number[] | undefined) => peopleWithoutOffer(members, thresholds, pick);
  return {
    members: members.length,
    ratio,
    meanScore: population > 0 ? weighted / population : null,
    gini: gini(members.map((m) => m.score), members.map((m) => m.population)),
    withoutOffer: share((m) => m.beyond.any),
    withoutOfferByLevel: Object.fromEntries(levels.map((l) => [l, share((m) => m.beyond.byLevel[l])])),
    shortageCounts,
    shortagePopulation,
  };
}

/** The share of PEOPLE (summed over every member's demand points) without an offer within each threshold. */
function peopleWithoutOffer(
  members: readonly MunicipalityMeasures[],
  thresholds: readonly number[],
  pick: (m: MunicipalityMeasures) => readonly number[] | undefined,
): ThresholdShare[] {
  let knownPopulation = 0;
  let membersMissingPopulation = 0;
  for (const m of members) {
    if (m.population === null) membersMissingPopulation += 1;
    else knownPopulation += m.population;
  }
  return thresholds.map((threshold) => {
    let population = 0;
    for (const m of members) {
      const k = m.beyond.thresholds.indexOf(threshold);
      if (k < 0) throw new RangeError(`No figures for the threshold ${threshold}.`);
      // A member without a site of this level at all counts as having none within any threshold.
      population += pick(m)?.[k] ?? (m.population ?? 0);
    }
    const share = knownPopulation > 0 ? population / knownPopulation : null;
    return { threshold, population, share, knownPopulation, membersMissingPopulation };
  });
}
