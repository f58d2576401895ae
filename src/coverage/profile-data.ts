// Everything /dekning/kommune/:nummer shows about one municipality, from the cached atlas.
import { HEALTH_REGIONS } from '../reference/index.ts';
import { msg } from '../platform/i18n/index.ts';
import { runScenario } from './planning.ts';
import { pointDistance } from './prepare.ts';
import { accessibilityRank } from './present.ts';
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

/** Every offer in the municipality, then the nearest others, up to ten rows in all; measured from the municipality's population centre. */
function nearbyOffers(state: AtlasState, level: LevelChoice, index: number, home: string): OfferRow[] {
  const prepared = state.view(level).prepared;
  const from = prepared.units[index]!;
  const rows = prepared.sites.flatMap((site) => {
    const d = pointDistance(prepared, from, site);
    const row = Number.isFinite(d) ? offerRow(state, site.id, d, home) : null;
    return row ? [row] : [];
  }).sort((a, b) => a.distance - b.distance || a.serviceName.localeCompare(b.serviceName, 'nb'));
  const inside = rows.filter((r) => r.inMunicipality);
  return [...inside, ...rows.filter((r) => !r.inMunicipality).slice(0, Math.max(0, NEARBY - inside.length))]
    .sort((a, b) => a.distance - b.distance);
}

export function profileData(state: AtlasState, number: string, level: LevelChoice): ProfileData {
  const ref = state.municipality.get(number)!;
  const view = state.view(level);
  const index = view.prepared.unitIndex.get(number)!;
  const m = view.municipalities[index]!;
  const scenario = runScenario(state, level, [{ municipality: number, fte: 1, level: level === 'all' ? undefined : level }]);
  const own = scenario.municipalities[index]!;
  const n = scenario.national;
  return {
    number, name: ref.name, countyName: ref.county_name,
    regionName: HEALTH_REGIONS.find((r) => r.code === ref.health_region_code)?.name ?? ref.health_region_code,
    population: ref.population, populationDate: ref.population_date,
    levelLabel: c.levels[level]!, unit: state.distance.unit,
    score: m.score, rank: accessibilityRank(view, number), shortage: m.shortage,
    offers: nearbyOffers(state, level, index, number),
    nearestByLevel: SERVICE_LEVEL_CODES.map((l) => {
      const nearest = state.view(l).municipalities[index]!.nearest;
      return { label: c.levels[l]!, offer: nearest ? offerRow(state, nearest.siteId, nearest.distance, number) : null };
    }),
    plusOne: {
      ownScore: own.score,
      ownShortage: own.shortage,
      national: [
        { label: c.change.meanScore, ...n.meanScore, digits: 3 },
        { label: c.change.gini, ...n.gini, digits: 3 },
        { label: c.change.shortage(c.shortage.severe), ...n.shortageCounts.severe },
      ],
      othersImproved: scenario.municipalities.filter((x) => x.id !== number && (x.score.change ?? 0) > 1e-12).length,
    },
    digitalHere: m.digitalOffers,
    plain: plainFacts(state, number, level),
    facts: sourceFacts(state),
    showsDemoData: state.inputs.services.demo > 0,
  };
}
