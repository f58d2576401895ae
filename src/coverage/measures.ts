// Every per-municipality and summary measure computed from one Prepared state.
// Scenarios compare two of these; the atlas adds group aggregates on top.
import { computeCore, describeCore, type SiteRatio } from './fca.ts';
import { gini, lorenz, type GiniResult, type LorenzResult } from './inequality.ts';
import { DEFAULT_DISTANCE_THRESHOLDS, nearestOffers, shareWithoutOffer, type ThresholdShare } from './nearest.ts';
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
  nearest: NearestOffer | null;
  nearestByLevel: Record<string, NearestOffer | null>;
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

export function computeMeasures(prepared: Prepared, options: MeasureOptions = {}): Measures {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const access = describeCore(prepared, computeCore(prepared, settings));
  const nearest = nearestOffers(prepared, options.levels);
  const { units, unattributedSiteIds } = localRatios(prepared.demand, prepared.sites);
  const municipalities = prepared.demand.map((d, i): MunicipalityMeasures => {
    const a = access.demand[i]!;
    const near = nearest[i]!;
    return {
      id: d.id,
      population: d.population,
      region: d.region,
      score: a.score,
      catchmentPopulationPerFte: a.catchmentPopulationPerFte,
      local: units[i]!,
      nearest: near.any,
      nearestByLevel: near.byLevel,
      shortage: classifyShortage(
        { population: d.population, score: a.score, nearestDistance: near.any?.distance ?? null },
        options.shortage ?? DEFAULT_SHORTAGE_THRESHOLDS,
      ),
    };
  });
  const summary = summarise(municipalities, options.distanceThresholds);
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
  return { municipalities, sites: access.sites, national };
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
  const share = (pick: (m: MunicipalityMeasures) => NearestOffer | null | undefined) =>
    shareWithoutOffer(members.map((m) => ({ population: m.population, nearest: pick(m)?.distance ?? null })), thresholds);
  return {
    members: members.length,
    ratio,
    meanScore: population > 0 ? weighted / population : null,
    gini: gini(members.map((m) => m.score), members.map((m) => m.population)),
    withoutOffer: share((m) => m.nearest),
    withoutOfferByLevel: Object.fromEntries(levels.map((l) => [l, share((m) => m.nearestByLevel[l])])),
    shortageCounts,
    shortagePopulation,
  };
}
