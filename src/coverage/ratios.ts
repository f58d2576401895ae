// Local (within-municipality) supply ratios and their aggregation to any grouping.
// Unlike 2SFCA these ignore travel: they say what each area hosts, not what it reaches.
import { PER_INHABITANTS } from './settings.ts';
import type { DemandPoint, SupplySite } from './types.ts';

/** Group key used for members whose grouping function gives no group; the UI translates it. */
export const UNASSIGNED = '(unassigned)';

export interface LocalRatio {
  id: string;
  population: number | null;
  fte: number;
  services: number;
  /** null when the population is unknown or zero. */
  ftePer10k: number | null;
  /** null when there is no FTE ("no FTE") or the population is unknown: never Infinity. */
  populationPerFte: number | null;
}

export function ftePer10k(fte: number, population: number | null): number | null {
  return population !== null && population > 0 ? (fte / population) * PER_INHABITANTS : null;
}

export function populationPerFte(population: number | null, fte: number): number | null {
  return population !== null && fte > 0 ? population / fte : null;
}

/** Sites are attributed by demandId; sites without one (or with an unknown one) are listed, not guessed. */
export function localRatios(
  demand: readonly DemandPoint[],
  supply: readonly SupplySite[],
): { units: LocalRatio[]; unattributedSiteIds: string[] } {
  const totals = new Map<string, { fte: number; services: number }>(demand.map((d) => [d.id, { fte: 0, services: 0 }]));
  const unattributedSiteIds: string[] = [];
  for (const site of supply) {
    const total = site.demandId === undefined ? undefined : totals.get(site.demandId);
    if (!total) {
      unattributedSiteIds.push(site.id);
      continue;
    }
    total.fte += site.fte;
    total.services += 1;
  }
  const units = demand.map((d) => {
    const { fte, services } = totals.get(d.id)!;
    return {
      id: d.id,
      population: d.population,
      fte,
      services,
      ftePer10k: ftePer10k(fte, d.population),
      populationPerFte: populationPerFte(d.population, fte),
    };
  });
  return { units, unattributedSiteIds };
}

export interface GroupRatio {
  group: string;
  members: number;
  /** Members without a population figure; their FTE is left out of the ratios (see excludedFte). */
  membersMissingPopulation: number;
  population: number;
  fte: number;
  excludedFte: number;
  services: number;
  ftePer10k: number | null;
  populationPerFte: number | null;
}

export function emptyGroupRatio(group: string): GroupRatio {
  return { group, members: 0, membersMissingPopulation: 0, population: 0, fte: 0, excludedFte: 0, services: 0, ftePer10k: null, populationPerFte: null };
}

/** Sums FTE and population over members with a known population, so both sides of the ratio cover the same area. */
export function aggregateRatios(
  units: readonly LocalRatio[],
  groupOf: (id: string) => string | undefined,
): GroupRatio[] {
  const groups = new Map<string, GroupRatio>();
  for (const unit of units) {
    const key = groupOf(unit.id) ?? UNASSIGNED;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyGroupRatio(key)));
    g.members += 1;
    g.services += unit.services;
    if (unit.population === null) {
      g.membersMissingPopulation += 1;
      g.excludedFte += unit.fte;
    } else {
      g.population += unit.population;
      g.fte += unit.fte;
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, ftePer10k: ftePer10k(g.fte, g.population), populationPerFte: populationPerFte(g.population, g.fte) }))
    .sort((a, b) => a.group.localeCompare(b.group));
}
