// Nearest physical offer per demand point (overall and per service level), and the
// share of the population that has no offer within given distances.
import type { Prepared } from './prepare.ts';
import type { NearestOffer } from './types.ts';

export const DEFAULT_DISTANCE_THRESHOLDS: readonly number[] = Object.freeze([30, 60, 120]);

export interface NearestOffers {
  /** Closest site of any level; null when no site is reachable at all. */
  any: NearestOffer | null;
  /** One entry per level (levels seen on sites plus any requested); null when none of that level is reachable. */
  byLevel: Record<string, NearestOffer | null>;
}

/**
 * Per demand point. Searches every site, not only those inside the 2SFCA catchment, so "nearest"
 * can report 150 km. Equal distances go to the smaller site id, which keeps the answer independent
 * of input order. (The search itself runs in `prepare`; this reads its result.)
 */
export function nearestOffers(prepared: Prepared, levels: readonly string[] = []): NearestOffers[] {
  const { sites, nearest } = prepared;
  const n = prepared.demand.length;
  const levelNames = [...new Set([...levels, ...nearest.levels])].sort();
  const slotOf = levelNames.map((l) => nearest.levels.indexOf(l) + 1);
  const pick = (slot: number, i: number): NearestOffer | null => {
    const j = nearest.site[slot * n + i]!;
    return j < 0 ? null : { siteId: sites[j]!.id, distance: nearest.best[slot * n + i]! };
  };
  return prepared.demand.map((_, i) => ({
    any: pick(0, i),
    byLevel: Object.fromEntries(levelNames.map((l, k) => [l, slotOf[k]! === 0 ? null : pick(slotOf[k]!, i)])),
  }));
}

export interface ThresholdShare {
  threshold: number;
  /** Inhabitants whose nearest offer is farther than the threshold, or who have none. */
  population: number;
  /** population / knownPopulation; null when no population is known. */
  share: number | null;
  knownPopulation: number;
  membersMissingPopulation: number;
}

/** "Within" includes the threshold itself: an offer at exactly 60 km is within 60 km. */
export function shareWithoutOffer(
  points: readonly { population: number | null; nearest: number | null }[],
  thresholds: readonly number[] = DEFAULT_DISTANCE_THRESHOLDS,
): ThresholdShare[] {
  let knownPopulation = 0;
  let membersMissingPopulation = 0;
  for (const p of points) {
    if (p.population === null) membersMissingPopulation += 1;
    else knownPopulation += p.population;
  }
  return thresholds.map((threshold) => {
    let population = 0;
    for (const p of points) {
      if (p.population !== null && (p.nearest === null || p.nearest > threshold)) population += p.population;
    }
    const share = knownPopulation > 0 ? population / knownPopulation : null;
    return { threshold, population, share, knownPopulation, membersMissingPopulation };
  });
}
