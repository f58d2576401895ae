// Top-level entry point for the coverage atlas: every measure per municipality,
// summaries per grouping (county, health region, ...) and for Norway as a whole.
// Digital offers are reported beside the spatial measures, never inside them:
// they have no location, so they would make every distance look short.
import { greatCircleDistance } from './distance.ts';
import type { SiteRatio } from './fca.ts';
import { carryCore, computeMeasures, summarise, type MeasureOptions, type MunicipalityMeasures, type NationalMeasures, type SummaryMeasures } from './measures.ts';
import { prepare, type Prepared } from './prepare.ts';
import { UNASSIGNED } from './ratios.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { levelsOf, type AccessibilitySettings, type DemandPoint, type DigitalOffer, type Distance, type SupplySite } from './types.ts';

export interface CoverageInput {
  /** Where people live: one point per municipality, or several (grid cells) with `unit` set. */
  demand: readonly DemandPoint[];
  /** The reporting units, when the points have `unit` (see PrepareOptions.units). */
  units?: readonly DemandPoint[];
  supply: readonly SupplySite[];
  digital?: readonly DigitalOffer[];
  /** Default: great-circle km. */
  distance?: Distance;
  /** Named groupings; default { region: point => point.region }. Norway is always added as `national`. */
  groupings?: Readonly<Record<string, (point: DemandPoint) => string | undefined>>;
}

export interface DigitalSummary {
  offers: number;
  fte: number;
  byLevel: Record<string, number>;
}

export interface GroupSummary extends SummaryMeasures {
  group: string;
  /** Digital offers whose provider is based in one of the group's municipalities. */
  digitalOffers: number;
}

export interface CoverageResult {
  settings: AccessibilitySettings;
  /** Keep this to run scenarios and greedy placement without recomputing distances. */
  prepared: Prepared;
  municipalities: (MunicipalityMeasures & { digitalOffers: number })[];
  sites: SiteRatio[];
  groups: Record<string, GroupSummary[]>;
  national: NationalMeasures;
  /** All digital offers, nationally; not part of any spatial measure above. */
  digital: DigitalSummary;
}

export function computeCoverage(
  input: CoverageInput,
  settings: AccessibilitySettings = DEFAULT_SETTINGS,
  options: Omit<MeasureOptions, 'settings'> = {},
): CoverageResult {
  const prepared = prepare(input.demand, input.supply, input.distance ?? greatCircleDistance, {
    reach: settings.catchmentKm,
    ...(input.units ? { units: input.units } : {}),
  });
  const measures = computeMeasures(prepared, { ...options, settings });
  const digital = input.digital ?? [];
  const digitalByHome = new Map<string, number>();
  for (const offer of digital) {
    if (offer.demandId !== undefined) digitalByHome.set(offer.demandId, (digitalByHome.get(offer.demandId) ?? 0) + 1);
  }
  const municipalities = measures.municipalities.map((m) => ({ ...m, digitalOffers: digitalByHome.get(m.id) ?? 0 }));
  const groupings = input.groupings ?? { region: (p: DemandPoint) => p.region };
  const groups = Object.fromEntries(
    Object.entries(groupings).map(([name, groupOf]) => [name, groupSummaries(municipalities, prepared.units, groupOf, options.distanceThresholds)]),
  );
  const result = { settings, prepared, municipalities, sites: measures.sites, groups, national: measures.national, digital: summariseDigital(digital) };
  carryCore(measures, result); // scenarios on this view reuse its FCA core
  return result;
}

function groupSummaries(
  municipalities: readonly (MunicipalityMeasures & { digitalOffers: number })[],
  demand: readonly DemandPoint[],
  groupOf: (point: DemandPoint) => string | undefined,
  thresholds: readonly number[] | undefined,
): GroupSummary[] {
  const members = new Map<string, (MunicipalityMeasures & { digitalOffers: number })[]>();
  municipalities.forEach((m, i) => {
    const key = groupOf(demand[i]!) ?? UNASSIGNED;
    const list = members.get(key);
    if (list) list.push(m);
    else members.set(key, [m]);
  });
  return [...members.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => ({
      group,
      ...summarise(list, thresholds, group),
      digitalOffers: list.reduce((s, m) => s + m.digitalOffers, 0),
    }));
}

function summariseDigital(digital: readonly DigitalOffer[]): DigitalSummary {
  const byLevel: Record<string, number> = {};
  let fte = 0;
  for (const offer of digital) {
    fte += offer.fte ?? 0;
    for (const level of levelsOf(offer)) byLevel[level] = (byLevel[level] ?? 0) + 1;
  }
  return { offers: digital.length, fte, byLevel };
}
