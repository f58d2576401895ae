// Shortage classes per municipality. This is an ADAPTATION of the idea behind the
// US HRSA mental-health HPSA designation (a population-to-provider ratio, e.g.
// 30,000:1, combined with a travel criterion). It is not an official Norwegian
// designation and the numbers below are our own choice for a scarce specialty.
import { inverseScore } from './fca.ts';

export type ShortageClass = 'none' | 'moderate' | 'severe';

export interface ShortageLimits {
  /** Shortage when more inhabitants than this share one reachable FTE (strictly more). */
  populationPerFte: number;
  /** Shortage when the nearest offer is farther than this (strictly farther), in the Distance unit. */
  nearestDistance: number;
}

export interface ShortageThresholds {
  moderate: ShortageLimits;
  severe: ShortageLimits;
}

/**
 * Severe: no offer within 120 km, or more than 100,000 inhabitants per FTE in the
 * catchment. Moderate: no offer within 60 km, or more than 30,000 per FTE. The
 * 30,000 echoes HRSA's mental-health ratio; music therapy is far scarcer, so the
 * severe ratio is set well above it. Distances assume km; change them for minutes.
 */
export const DEFAULT_SHORTAGE_THRESHOLDS: Readonly<ShortageThresholds> = Object.freeze({
  moderate: Object.freeze({ populationPerFte: 30_000, nearestDistance: 60 }),
  severe: Object.freeze({ populationPerFte: 100_000, nearestDistance: 120 }),
});

export interface ShortageReason {
  criterion: 'ratio' | 'distance';
  threshold: number;
  /** Inhabitants per FTE or distance to nearest offer; null means "no FTE in reach" / "no offer at all". */
  value: number | null;
}

export interface ShortageInput {
  population: number | null;
  /** 2SFCA score, FTE per 10,000 inhabitants. */
  score: number | null;
  /** Distance to the nearest offer of any level; null when there is none. */
  nearestDistance: number | null;
}

export interface ShortageResult {
  shortage: ShortageClass;
  /** The criteria that put the municipality in its class (empty for 'none'). */
  reasons: ShortageReason[];
  /** False when the population is unknown or zero, so only the distance criterion was applied. */
  ratioAssessed: boolean;
  catchmentPopulationPerFte: number | null;
}

export function classifyShortage(
  input: ShortageInput,
  thresholds: ShortageThresholds = DEFAULT_SHORTAGE_THRESHOLDS,
): ShortageResult {
  const ratioAssessed = input.population !== null && input.population > 0 && input.score !== null;
  const perFte = ratioAssessed ? inverseScore(input.score) : null;
  const reasonsAt = (limits: ShortageLimits): ShortageReason[] => {
    const reasons: ShortageReason[] = [];
    // null perFte with ratioAssessed means nothing is reachable: an unbounded ratio.
    // The relative slack stops a score→ratio round trip (e.g. 29,999.999…→30,000.000…4) flipping a class.
    if (ratioAssessed && (perFte === null || perFte > limits.populationPerFte * (1 + 1e-12))) {
      reasons.push({ criterion: 'ratio', threshold: limits.populationPerFte, value: perFte });
    }
    if (input.nearestDistance === null || input.nearestDistance > limits.nearestDistance) {
      reasons.push({ criterion: 'distance', threshold: limits.nearestDistance, value: input.nearestDistance });
    }
    return reasons;
  };
  const severe = reasonsAt(thresholds.severe);
  if (severe.length > 0) return { shortage: 'severe', reasons: severe, ratioAssessed, catchmentPopulationPerFte: perFte };
  const moderate = reasonsAt(thresholds.moderate);
  const shortage = moderate.length > 0 ? 'moderate' : 'none';
  return { shortage, reasons: moderate, ratioAssessed, catchmentPopulationPerFte: perFte };
}
