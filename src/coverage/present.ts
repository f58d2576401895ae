// Flat figures per unit (municipality, county, health region, Norway): one shape for the page's
// tables, the JSON API and the CSV files, so the three always say the same.
import { HEALTH_REGIONS } from '../reference/index.ts';
import { msg } from '../platform/i18n/index.ts';
import type { CoverageResult, GroupSummary } from './atlas.ts';
import { summarise } from './measures.ts';
import type { ShortageClass } from './shortage.ts';
import type { Indicator, SortKey, Unit } from './params.ts';
import type { AtlasState } from './service.ts';

export interface UnitFigures {
  unit: Unit;
  id: string;
  name: string;
  county_number: string | null;
  county_name: string | null;
  health_region_code: string | null;
  population: number | null;
  population_date: string | null;
  members: number;
  members_missing_population: number;
  fte: number;
  services: number;
  digital_offers: number;
  fte_per_10k: number | null;
  population_per_fte: number | null;
  /** E2SFCA score (municipality) or its population-weighted mean (groups). */
  accessibility: number | null;
  catchment_population_per_fte: number | null;
  nearest_distance: number | null;
  shortage: ShortageClass | null;
  shortage_counts: Record<ShortageClass, number> | null;
  gini: number | null;
  without_offer: { threshold: number; population: number; share: number | null }[] | null;
}

const REGION_NAME = new Map<string, string>(HEALTH_REGIONS.map((r) => [r.code, r.name]));

export function municipalityFigures(state: AtlasState, view: CoverageResult): UnitFigures[] {
  return view.municipalities.map((m) => {
    const ref = state.municipality.get(m.id)!;
    return {
      unit: 'municipality', id: m.id, name: ref.name, county_number: ref.county_number, county_name: ref.county_name,
      health_region_code: ref.health_region_code, population: m.population, population_date: ref.population_date,
      members: 1, members_missing_population: m.population === null ? 1 : 0,
      fte: m.local.fte, services: m.local.services, digital_offers: m.digitalOffers,
      fte_per_10k: m.local.ftePer10k, population_per_fte: m.local.populationPerFte,
      accessibility: m.score, catchment_population_per_fte: m.catchmentPopulationPerFte,
      nearest_distance: m.nearest?.distance ?? null, shortage: m.shortage.shortage,
      shortage_counts: null, gini: null, without_offer: null,
    };
  });
}

function groupFigures(unit: Unit, g: GroupSummary, name: string, populationDate: string | null, extra: Partial<UnitFigures> = {}): UnitFigures {
  return {
    unit, id: g.group, name, county_number: null, county_name: null, health_region_code: null,
    population: g.ratio.population, population_date: populationDate,
    members: g.members, members_missing_population: g.ratio.membersMissingPopulation,
    fte: g.ratio.fte + g.ratio.excludedFte, services: g.ratio.services, digital_offers: g.digitalOffers,
    fte_per_10k: g.ratio.ftePer10k, population_per_fte: g.ratio.populationPerFte,
    accessibility: g.meanScore, catchment_population_per_fte: g.meanScore !== null && g.meanScore > 0 ? 10_000 / g.meanScore : null,
    nearest_distance: null, shortage: null, shortage_counts: { ...g.shortageCounts }, gini: g.gini.value,
    without_offer: g.withoutOffer.map((w) => ({ threshold: w.threshold, population: w.population, share: w.share })),
    ...extra,
  };
}

export function healthRegionFigures(state: AtlasState, view: CoverageResult): UnitFigures[] {
  return (view.groups.health_region ?? []).map((g) => groupFigures('health_region', g, REGION_NAME.get(g.group) ?? g.group, state.populationDate, { health_region_code: g.group }));
}

export function countyFigures(state: AtlasState, view: CoverageResult): UnitFigures[] {
  const names = new Map([...state.municipality.values()].map((m) => [m.county_number, m.county_name]));
  return (view.groups.county ?? []).map((g) => groupFigures('county', g, names.get(g.group) ?? g.group, state.populationDate, { county_number: g.group, county_name: names.get(g.group) ?? null }));
}

export function nationalFigures(state: AtlasState, view: CoverageResult): UnitFigures {
  const n = view.national;
  return groupFigures('national', { ...n, group: 'NO', digitalOffers: view.digital.offers }, msg.coverage.figures.norway, state.populationDate);
}

/** Figures for any set of municipalities (a health region, a county, or both at once). */
export function selectionFigures(state: AtlasState, view: CoverageResult, selected: (id: string) => boolean, name: string): UnitFigures {
  const members = view.municipalities.filter((m) => selected(m.id));
  const summary = summarise(members, state.options.distanceThresholds, name);
  const digitalOffers = members.reduce((sum, m) => sum + m.digitalOffers, 0);
  return groupFigures('national', { ...summary, group: name, digitalOffers }, name, state.populationDate);
}

export function figuresFor(state: AtlasState, view: CoverageResult, unit: Unit): UnitFigures[] {
  switch (unit) {
    case 'municipality': return municipalityFigures(state, view);
    case 'county': return countyFigures(state, view);
    case 'health_region': return healthRegionFigures(state, view);
    case 'national': return [nationalFigures(state, view)];
  }
}

/** Municipalities in the chosen health region and/or county (both optional). */
export function inSelection(state: AtlasState, filter: { healthRegion?: string | undefined; county?: string | undefined }) {
  return (id: string): boolean => {
    const m = state.municipality.get(id);
    return !!m && (!filter.healthRegion || m.health_region_code === filter.healthRegion) && (!filter.county || m.county_number === filter.county);
  };
}

const SHORTAGE_ORDER: Record<ShortageClass, number> = { none: 0, moderate: 1, severe: 2 };

/** The figure an indicator maps, per municipality; null means "no value" (e.g. no FTE), not missing population. */
export function indicatorValue(f: UnitFigures, indicator: Indicator): number | null {
  switch (indicator) {
    case 'tilgang': return f.accessibility;
    case 'arsverk': return f.fte_per_10k;
    case 'innbyggere': return f.population_per_fte;
    case 'avstand': return f.nearest_distance;
    case 'mangel': return f.shortage === null ? null : SHORTAGE_ORDER[f.shortage];
  }
}

const SORT_VALUE: Record<SortKey, (f: UnitFigures) => number | string | null> = {
  kommune: (f) => f.name,
  fylke: (f) => f.county_name,
  folketall: (f) => f.population,
  arsverk: (f) => f.fte,
  per10k: (f) => f.fte_per_10k,
  innbyggere: (f) => f.population_per_fte,
  tilgang: (f) => f.accessibility,
  avstand: (f) => f.nearest_distance,
  mangel: (f) => (f.shortage === null ? null : SHORTAGE_ORDER[f.shortage]),
};

/** Stable sort; rows without a value go last in either direction, then by name. */
export function sortFigures(rows: readonly UnitFigures[], key: SortKey, descending: boolean): UnitFigures[] {
  const value = SORT_VALUE[key];
  const byName = (a: UnitFigures, b: UnitFigures) => a.name.localeCompare(b.name, 'nb');
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string, 'nb') : x - (y as number);
    return (descending ? -order : order) || byName(a, b);
  });
}

/** 1 = best accessibility in Norway; equal scores share a rank. null without a score. */
export function accessibilityRank(view: CoverageResult, id: string): { rank: number; of: number } | null {
  const scores = view.municipalities.map((m) => m.score).filter((s): s is number => s !== null);
  const own = view.municipalities.find((m) => m.id === id)?.score ?? null;
  if (own === null) return null;
  return { rank: 1 + scores.filter((s) => s > own).length, of: scores.length };
}
