// Nearest physical offer per demand point (overall and per service level), and the
// share of the population that has no offer within given distances.
import type { Prepared } from './prepare.ts';
import { levelsOf, type NearestOffer } from './types.ts';

export const DEFAULT_DISTANCE_THRESHOLDS: readonly number[] = Object.freeze([30, 60, 120]);

export interface NearestOffers {
  /** Closest site of any level; null when no site is reachable at all. */
  any: NearestOffer | null;
  /** One entry per level (levels seen on sites plus any requested); null when none of that level is reachable. */
  byLevel: Record<string, NearestOffer | null>;
}

/**
 * Searches every site, not only those inside the 2SFCA catchment, so "nearest"
 * can report 150 km. Equal distances go to the smaller site id, which keeps the
 * answer independent of input order.
 */
export function nearestOffers(prepared: Prepared, levels: readonly string[] = []): NearestOffers[] {
  const { sites, columns } = prepared;
  const n = prepared.demand.length;
  const levelNames = [...new Set([...levels, ...sites.flatMap((s) => levelsOf(s))])].sort();
  const slot = new Map(levelNames.map((l, k) => [l, k + 1]));
  // Slot 0 is "any level"; slot k holds levelNames[k - 1].
  const slots = levelNames.length + 1;
  const best = new Float64Array(slots * n).fill(Infinity);
  const bestSite = new Int32Array(slots * n).fill(-1);
  // Only reached on exact ties, so the string comparison stays off the hot path.
  const winsTie = (offset: number, j: number): boolean => {
    const current = bestSite[offset]!;
    return current >= 0 && sites[j]!.id < sites[current]!.id;
  };
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    const levelBases = levelsOf(sites[j]!).map((level) => slot.get(level)! * n);
    for (let i = 0; i < n; i++) {
      const d = column[i]!;
      if (d === Infinity) continue;
      if (d < best[i]! || (d === best[i]! && winsTie(i, j))) {
        best[i] = d;
        bestSite[i] = j;
      }
      for (const levelBase of levelBases) {
        const at = levelBase + i;
        if (d < best[at]! || (d === best[at]! && winsTie(at, j))) {
          best[at] = d;
          bestSite[at] = j;
        }
      }
    }
  }
  const pick = (offset: number): NearestOffer | null => {
    const j = bestSite[offset]!;
    return j < 0 ? null : { siteId: sites[j]!.id, distance: best[offset]! };
  };
  return prepared.demand.map((_, i) => ({
    any: pick(i),
    byLevel: Object.fromEntries(levelNames.map((l, k) => [l, pick((k + 1) * n + i)])),
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
