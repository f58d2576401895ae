// "Hva om" and "Beste neste plassering" on a cached atlas state. Both reuse the state's
// prepared distance matrix: only the added positions' columns are computed.
import { greedyPlacement, type GreedyResult } from './greedy.ts';
import { applyScenario, type ScenarioResult } from './scenario.ts';
import type { AtlasState } from './service.ts';
import type { LevelChoice, ServiceLevel } from './snapshot-model.ts';
import type { SupplySite } from './types.ts';

/** A hypothetical music-therapist position (stilling) placed at a municipality's interior point. */
export interface PlannedPosition {
  municipality: string;
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

export function plannedSite(state: AtlasState, position: PlannedPosition, index: number): SupplySite {
  const m = state.municipality.get(position.municipality);
  if (!m) throw new UnknownMunicipalityError(index, position.municipality);
  return { id: `planlagt-${index + 1}-${m.number}`, lat: m.lat, lon: m.lon, fte: position.fte, demandId: m.number, ...(position.level ? { level: position.level } : {}) };
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
  objective: 'accessibility' | 'gini';
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
