// Plain data shapes for the coverage atlas. Everything here is serialisable so the
// same inputs can come from the database, a fixture file or a benchmark generator.

/** A municipality (kommune) seen as a place where people live and need services. */
export interface DemandPoint {
  /** Kommunenummer, e.g. "0301". */
  id: string;
  lat: number;
  lon: number;
  /** Inhabitants. null means the figure is missing: it is never read as zero. */
  population: number | null;
  /** Health region or county, used for group aggregates and the Theil decomposition. */
  region?: string;
  /**
   * The reporting unit (kommunenummer) when a municipality has several demand points (grid cells);
   * absent: the point is its own unit.
   */
  unit?: string;
}

/** A physical music-therapy offer with staff (full-time equivalents). */
export interface SupplySite {
  id: string;
  lat: number;
  lon: number;
  /** Full-time equivalents of music therapists. Must be finite and >= 0. */
  fte: number;
  /** Service level, e.g. "lavterskel" | "oppfolging" | "behandling". */
  level?: string;
  /** A site offering several levels lists them all here; it counts at each of them. */
  levels?: readonly string[];
  /** Kommunenummer of the municipality the site sits in (needed by travel-time matrices and local ratios). */
  demandId?: string;
}

/** A digital-only offer. Kept apart from the spatial measures: it has no location to travel to. */
export interface DigitalOffer {
  id: string;
  fte?: number;
  level?: string;
  /** Several levels: the offer counts at each of them. */
  levels?: readonly string[];
  /** Home municipality of the provider, if any; only used to count offers per group. */
  demandId?: string;
}

/**
 * Distance from a demand point to a site, in the unit the settings use (km for
 * great-circle, minutes for travel-time matrices). Infinity or NaN means "unreachable".
 */
export type Distance = (demand: DemandPoint, site: SupplySite) => number;

/** One distance band of the E2SFCA step decay. Bands are closed on the upper end. */
export interface StepZone {
  /** Upper bound of the band, in the Distance unit (named km because that is the default). */
  upToKm: number;
  weight: number;
}

export type Decay =
  | { kind: 'step'; zones: readonly StepZone[] }
  /** sigmaKm defaults to catchmentKm / 3, so the weight at the catchment edge is exp(-4.5) ≈ 0.011. */
  | { kind: 'gaussian'; sigmaKm?: number }
  /**
   * Gravity: W = (max(d, minKm) / minKm)^(−beta), so W = 1 up to minKm and never divides by zero.
   * Defaults beta 1.5 and minKm 5 (the demand grid's cell size): see GRAVITY_DEFAULTS in settings.ts.
   */
  | { kind: 'gravity'; beta?: number; minKm?: number };

export interface AccessibilitySettings {
  /**
   * '2sfca' ignores `decay` (every reachable pair weighs 1); 'e2sfca' applies it in both steps;
   * '3sfca' (Wan, Zou & Sternberg 2012) applies it and also splits each place's demand between the
   * sites it reaches, in proportion to their weights (the selection weight G).
   */
  method: '2sfca' | 'e2sfca' | '3sfca';
  /** Catchment size in the Distance unit; pairs farther apart never interact. */
  catchmentKm: number;
  decay: Decay;
}

/** Closest site of some kind for one demand point. */
export interface NearestOffer {
  siteId: string;
  distance: number;
}

/** Every level a site or digital offer counts at: `levels` when given, else its single `level`. */
export function levelsOf(offer: { level?: string | undefined; levels?: readonly string[] | undefined }): readonly string[] {
  return offer.levels ?? (offer.level === undefined ? [] : [offer.level]);
}
