// "Hva om" and "Beste neste plassering" on a cached atlas state. Both reuse the state's
// prepared distances: only the added positions' columns are computed.
import { greatCircleKm } from './distance.ts';
import { greedyPlacement, type GreedyObjective, type GreedyResult } from './greedy.ts';
import { applyScenario, type ScenarioResult } from './scenario.ts';
import type { AtlasState } from './service.ts';
import type { LevelChoice, ServiceLevel } from './snapshot-model.ts';
import type { SupplySite } from './types.ts';

/**
 * A hypothetical music-therapist position (stilling): in a municipality (placed at its population
 * centre, where most of its people live) or at coordinates (WGS84 degrees) in Norway.
 */
export interface PlannedPosition {
  municipality?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  fte: number;
  /** Optional only for the profile's "+1 FTE" in the all-levels view, where the level changes nothing. */
  level?: ServiceLevel | undefined;
}

export const MAX_POSITIONS = 10;

export class UnknownMunicipalityError extends Error {
  constructor(readonly index: number, readonly number: string) {
    super(`Unknown municipality number ${number}`);
  }
}

export class OutsideNorwayError extends Error {
  constructor(readonly index: number) {
    super('The coordinates are not in Norway');
  }
}

/** Mainland Norway's extent (with a margin) in degrees; Svalbard and Jan Mayen are not municipalities. */
const NORWAY = { south: 57.8, north: 71.3, west: 4.4, east: 31.3 };
/** A position farther than this from every populated cell is not where anyone in Norway lives. */
export const MAX_KM_FROM_PEOPLE = 50;

/**
 * The municipality of the populated demand point nearest to (lat, lon), or null when the point is
 * outside Norway's extent or farther than MAX_KM_FROM_PEOPLE from anyone. A position on a border
 * may be given the neighbour (cells are 5 km); that only affects the local per-municipality ratio.
 */
export function municipalityAt(state: AtlasState, lat: number, lon: number): string | null {
  if (!(lat >= NORWAY.south && lat <= NORWAY.north && lon >= NORWAY.west && lon <= NORWAY.east)) return null;
  let best: string | null = null;
  let bestKm = MAX_KM_FROM_PEOPLE;
  for (const point of state.inputs.demand) {
    const km = greatCircleKm(lat, lon, point.lat, point.lon);
    if (km <= bestKm) {
      bestKm = km;
      best = point.unit ?? point.id;
    }
  }
  return best;
}

export function plannedSite(state: AtlasState, position: PlannedPosition, index: number): SupplySite {
  const level = position.level ? { level: position.level } : {};
  if (position.lat !== undefined && position.lon !== undefined) {
    const number = municipalityAt(state, position.lat, position.lon);
    if (number === null) throw new OutsideNorwayError(index);
    return { id: `planlagt-${index + 1}-${position.lat.toFixed(5)},${position.lon.toFixed(5)}`, lat: position.lat, lon: position.lon, fte: position.fte, demandId: number, ...level };
  }
  const number = position.municipality ?? '';
  const m = state.municipality.get(number);
  const unit = state.inputs.units.find((u) => u.id === number);
  if (!m || !unit) throw new UnknownMunicipalityError(index, number);
  return { id: `planlagt-${index + 1}-${m.number}`, lat: unit.lat, lon: unit.lon, fte: position.fte, demandId: m.number, ...level };
}

/** Positions of another level than the one viewed are left out: they would not change it. */
export function runScenario(state: AtlasState, level: LevelChoice, positions: readonly PlannedPosition[]): ScenarioResult {
  const view = state.view(level);
  const added = positions.flatMap((p, i) => {
    const site = plannedSite(state, p, i);
    return level === 'all' || p.level === level ? [site] : [];
  });
  return applyScenario(view.prepared, added, state.options, view);
}

export interface PlacementRequest {
  k: number;
  fte: number;
  objective: GreedyObjective;
}

export interface PlacementResult {
  greedy: GreedyResult;
  scenario: ScenarioResult;
}

export function runPlacement(state: AtlasState, level: LevelChoice, request: PlacementRequest): PlacementResult {
  const view = state.view(level);
  const greedy = greedyPlacement(view.prepared, {
    ...request,
    ...(level === 'all' ? {} : { level }),
    ...(state.options.settings ? { settings: state.options.settings } : {}),
  });
  return { greedy, scenario: applyScenario(view.prepared, greedy.sites, state.options, view) };
}
