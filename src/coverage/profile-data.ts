// Everything /dekning/kommune/:nummer shows about one municipality, from the cached atlas.
import { HEALTH_REGIONS } from '../reference/index.ts';
import { msg } from '../platform/i18n/index.ts';
import { runScenario } from './planning.ts';
import { derived } from './page-cache.ts';
import { pointDistance } from './prepare.ts';
import { accessibilityRank } from './present.ts';
import type { Delta } from './scenario.ts';
import type { AtlasState } from './service.ts';
import { SERVICE_LEVEL_CODES, type LevelChoice } from './snapshot-model.ts';
import type { OfferRow, ProfileData } from './views/municipality-page.tsx';
import { plainFacts } from './views/plain-words.ts';
import { sourceFacts } from './views/sections.tsx';

const c = msg.coverage;
const NEARBY = 10;

function offerRow(state: AtlasState, siteId: string, distance: number, home: string): OfferRow | null {
  const info = state.inputs.siteInfo.get(siteId);
  if (!info) return null;
  const municipality = info.municipalityNumber ? state.municipality.get(info.municipalityNumber) : undefined;
  return {
    siteId, serviceId: info.serviceId, serviceName: info.serviceName, organizationName: info.organizationName,
    municipalityName: municipality?.name ?? null, distance, inMunicipality: info.municipalityNumber === home,
  };
}

const byDistanceThenName = (a: OfferRow, b: OfferRow) => a.distance - b.distance || a.serviceName.localeCompare(b.serviceName, 'nb');

/**
 * Every offer in the municipality, then the nearest others, up to ten rows in all; measured from
 * the municipality's population centre. Only the rows shown are built and sorted by name: the
 * others are cut at the k-th distance first (ties at it kept, so the order by name decides as before).
 */
function nearbyOffers(state: AtlasState, level: LevelChoice, index: number, home: string): OfferRow[] {
  const prepared = state.view(level).prepared;
  const from = prepared.units[index]!;
  const inside: OfferRow[] = [];
  const others: { site: number; distance: number }[] = [];
  prepared.sites.forEach((site, j) => {
    const d = pointDistance(prepared, from, site);
    if (!Number.isFinite(d)) return;
    const info = state.inputs.siteInfo.get(site.id);
    if (!info) return;
    if (info.municipalityNumber === home) inside.push(offerRow(state, site.id, d, home)!);
    else others.push({ site: j, distance: d });
  });
  const room = Math.max(0, NEARBY - inside.length);
  let nearest: OfferRow[] = [];
  if (room > 0 && others.length > 0) {
    others.sort((a, b) => a.distance - b.distance);
    const cut = others[Math.min(room, others.length) - 1]!.distance;
    nearest = others.filter((o) => o.distance <= cut)
      .map((o) => offerRow(state, prepared.sites[o.site]!.id, o.distance, home)!)
      .sort(byDistanceThenName).slice(0, room);
  }
  return [...inside.sort(byDistanceThenName), ...nearest].sort((a, b) => a.distance - b.distance);
}

/** The costly, language-free part of a municipality's page: computed once per state, level and municipality. */
interface ProfileFigures {
  rank: ProfileData['rank'];
  offers: OfferRow[];
  nearest: (OfferRow | null)[];
  scenario: { ownScore: Delta; ownShortage: ProfileData['plusOne']['ownShortage']; meanScore: Delta; gini: Delta; severe: Delta; othersImproved: number };
  plain: ProfileData['plain'];
}

function profileFigures(state: AtlasState, number: string, level: LevelChoice): ProfileFigures {
  const view = state.view(level);
  const index = view.prepared.unitIndex.get(number)!;
  const scenario = runScenario(state, level, [{ municipality: number, fte: 1, level: level === 'all' ? undefined : level }]);
  const own = scenario.municipalities[index]!;
  const n = scenario.national;
  return {
    rank: accessibilityRank(view, number),
    offers: nearbyOffers(state, level, index, number),
    nearest: SERVICE_LEVEL_CODES.map((l) => {
      const nearest = state.view(l).municipalities[index]!.nearest;
      return nearest ? offerRow(state, nearest.siteId, nearest.distance, number) : null;
    }),
    scenario: {
      ownScore: own.score, ownShortage: own.shortage, meanScore: n.meanScore, gini: n.gini, severe: n.shortageCounts.severe,
      othersImproved: scenario.municipalities.filter((x) => x.id !== number && (x.score.change ?? 0) > 1e-12).length,
    },
    plain: plainFacts(state, number, level),
  };
}

/** Every municipality at every level fits (357 × 5); the bound only caps a future larger set. */
const KEPT_PROFILES = 2000;

export function profileData(state: AtlasState, number: string, level: LevelChoice): ProfileData {
  const ref = state.municipality.get(number)!;
  const view = state.view(level);
  const m = view.municipalities[view.prepared.unitIndex.get(number)!]!;
  const f = derived(state, 'profile', `${level}|${number}`, KEPT_PROFILES, () => profileFigures(state, number, level));
  return {
    number, name: ref.name, countyName: ref.county_name,
    regionName: HEALTH_REGIONS.find((r) => r.code === ref.health_region_code)?.name ?? ref.health_region_code,
    population: ref.population, populationDate: ref.population_date,
    levelLabel: c.levels[level]!, unit: state.distance.unit,
    score: m.score, rank: f.rank, shortage: m.shortage,
    offers: f.offers,
    nearestByLevel: SERVICE_LEVEL_CODES.map((l, i) => ({ label: c.levels[l]!, offer: f.nearest[i]! })),
    plusOne: {
      ownScore: f.scenario.ownScore,
      ownShortage: f.scenario.ownShortage,
      national: [
        { label: c.change.meanScore, ...f.scenario.meanScore, digits: 3 },
        { label: c.change.gini, ...f.scenario.gini, digits: 3 },
        { label: c.change.shortage(c.shortage.severe), ...f.scenario.severe },
      ],
      othersImproved: f.scenario.othersImproved,
    },
    digitalHere: m.digitalOffers,
    plain: f.plain,
    facts: sourceFacts(state),
    showsDemoData: state.inputs.services.demo > 0,
  };
}
