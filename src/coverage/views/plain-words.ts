// Sentences a resident understands, made from the atlas's own figures: what the numbers mean for
// the people of one municipality, and what they say about fairness for Norway or a chosen area.
import { msg, formatList } from '../../platform/i18n/index.ts';
import { lorenz } from '../inequality.ts';
import type { UnitFigures } from '../present.ts';
import { pointDistance } from '../prepare.ts';
import type { AtlasState } from '../service.ts';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { LevelChoice } from '../snapshot-model.ts';
import { distance, number, percent, ratio } from './format.ts';
import { lorenzDeciles } from './lorenz.tsx';

const p = msg.coverage.plain;
const f = msg.coverage.fairness;

/** What the municipality page says in words beyond its table rows. */
export interface PlainFacts {
  /** The catchment: offers this near count in the accessibility. */
  catchment: number;
  /** Offers (services, not places) with a place within the catchment. */
  offersWithin: number;
  /** Norway's population-weighted mean accessibility at this level. */
  nationalMean: number | null;
}

export function plainFacts(state: AtlasState, municipality: string, level: LevelChoice): PlainFacts {
  const view = state.view(level);
  const prepared = view.prepared;
  const index = prepared.unitIndex.get(municipality);
  const catchment = state.options.settings?.catchmentKm ?? DEFAULT_SETTINGS.catchmentKm;
  const services = new Set<string>();
  if (index !== undefined) {
    // measured from the municipality's population centre, as the list of nearby offers is
    const from = prepared.units[index]!;
    for (const site of prepared.sites) {
      if (pointDistance(prepared, from, site) <= catchment) services.add(state.inputs.siteInfo.get(site.id)?.serviceId ?? site.id);
    }
  }
  return { catchment, offersWithin: services.size, nationalMean: view.national.meanScore };
}

interface Offer {
  serviceName: string;
  municipalityName: string | null;
  distance: number;
  inMunicipality: boolean;
}

export interface MunicipalityWords {
  name: string;
  unit: 'km' | 'min';
  population: number | null;
  score: number | null;
  rank: { rank: number; of: number } | null;
  offers: readonly Offer[];
  nearestByLevel: readonly { label: string; offer: Offer | null }[];
  plain: PlainFacts;
}

/** Two to four sentences: the nearest offer (and per level), how many are within reach, how it compares. */
export function municipalitySentences(d: MunicipalityWords): string[] {
  const sentences: string[] = [];
  const here = [...new Set(d.offers.filter((o) => o.inMunicipality).map((o) => o.serviceName))];
  const nearest = d.nearestByLevel.map((l) => l.offer).filter((o): o is Offer => o !== null).sort((a, b) => a.distance - b.distance)[0];
  if (here.length > 0) sentences.push(p.here(d.name, formatList(here)));
  else if (nearest) sentences.push(p.away(d.name, distance(nearest.distance, d.unit), nearest.municipalityName ?? p.unknownPlace, d.unit));
  else sentences.push(p.none(d.name));
  if (nearest) {
    const parts = d.nearestByLevel.map((l) => (l.offer
      ? p.levelAt(l.label, l.offer.inMunicipality ? null : l.offer.municipalityName ?? p.unknownPlace, distance(l.offer.distance, d.unit))
      : p.levelNone(l.label)));
    sentences.push(p.levels(formatList(parts)));
  }
  sentences.push(p.within(d.plain.offersWithin, d.plain.catchment, d.unit));
  if (d.population === null || d.score === null) sentences.push(p.noPopulation(d.name));
  else if (d.score === 0) sentences.push(p.compareZero(d.name));
  else if (d.rank && d.plain.nationalMean !== null) sentences.push(p.compare(d.name, ratio(d.score), ratio(d.plain.nationalMean), d.rank.rank, d.rank.of));
  return sentences;
}

export interface FairnessInput {
  /** "Norge", or the chosen area's name. */
  area: string;
  summary: UnitFigures;
  /** The municipalities of the area. */
  rows: readonly UnitFigures[];
  unit: 'km' | 'min';
  /** Where people without an offer live is said per county for Norway, per municipality for an area. */
  byCounty: boolean;
}

const THRESHOLD = 60;

/** What the figures say about fairness, in plain words, for Norway or a chosen area. */
export function fairnessSentences({ area, summary, rows, unit, byCounty }: FairnessInput): string[] {
  if (summary.services === 0) return [f.nothing];
  const sentences: string[] = [];
  const without = summary.without_offer?.find((w) => w.threshold === THRESHOLD);
  if (without && without.share !== null) {
    if (without.population === 0) sentences.push(f.allWithin(area, THRESHOLD, unit));
    else {
      sentences.push(f.without(percent(without.share), number(without.population), area, THRESHOLD, unit));
      const far = new Map<string, number>();
      for (const row of rows) {
        if (row.population === null || (row.nearest_distance !== null && row.nearest_distance <= THRESHOLD)) continue;
        const key = byCounty ? row.county_name ?? row.name : row.name;
        far.set(key, (far.get(key) ?? 0) + row.population);
      }
      const top = [...far].sort((a, b) => b[1] - a[1]).slice(0, 3);
      if (top.length > 0) sentences.push(f.where(formatList(top.map(([name, people]) => f.place(name, number(people))))));
    }
  }
  const known = rows.filter((r) => r.population !== null && r.accessibility !== null);
  const curve = lorenz(known.map((r) => r.accessibility), known.map((r) => r.population));
  if (!curve.degenerate) {
    const half = lorenzDeciles(curve.points)[4]!.accessShare;
    sentences.push(half >= 0.45 ? f.even : f.half(percent(half)));
  }
  const severe = rows.filter((r) => r.shortage === 'severe');
  if (severe.length > 0) sentences.push(f.severe(severe.length, number(severe.reduce((sum, r) => sum + (r.population ?? 0), 0))));
  return sentences;
}
