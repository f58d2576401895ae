// Deterministic synthetic data for benchmarks and property tests. Not real Norway:
// points are scattered over a Norway-sized box so distances have realistic scale.
import { SERVICE_LEVELS } from '../directory/index.ts';
import { demandGrid, type MunicipalityRow } from '../reference/index.ts';
import { parseSimpleCsv, readReferenceFile } from '../reference/files.ts';
import { DEMAND_BLOCK_KM, gridDemand } from './inputs.ts';
import type { DemandPoint, SupplySite } from './types.ts';

/** mulberry32: tiny, fast, good enough for test data, and identical on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export { SERVICE_LEVELS };

export interface DemandOptions {
  count?: number;
  seed?: number;
  /** Share of points whose population is null, to exercise missing-data paths. */
  missingShare?: number;
  regions?: readonly string[];
}

/** 357 municipality-like points by default, with skewed (log-uniform) populations from 200 to 700,000. */
export function generateDemandPoints(options: DemandOptions = {}): DemandPoint[] {
  const { count = 357, seed = 1, missingShare = 0, regions = ['Nord', 'Midt', 'Vest', 'Sør-Øst'] } = options;
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const lat = 58 + random() * 13;
    const lon = 5 + random() * 26;
    const population = Math.round(200 * Math.exp(random() * Math.log(3500)));
    const missing = random() < missingShare;
    return {
      id: String(1000 + i).padStart(4, '0'),
      lat,
      lon,
      population: missing ? null : population,
      region: regions[Math.min(regions.length - 1, Math.floor(((lat - 58) / 13) * regions.length))]!,
    };
  });
}

export interface SiteOptions {
  count: number;
  seed?: number;
  /** Sites scatter up to this far (km, roughly) from their host point. */
  jitterKm?: number;
  maxFte?: number;
}

/**
 * Sites hosted by demand points chosen with probability proportional to population
 * (services cluster where people are), jittered around them, FTE in 0.1 steps.
 */
export function generateSites(demand: readonly DemandPoint[], options: SiteOptions): SupplySite[] {
  const { count, seed = 2, jitterKm = 15, maxFte = 3 } = options;
  if (demand.length === 0) return [];
  const random = seededRandom(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (const d of demand) cumulative.push((total += d.population ?? 1000));
  const pick = (): DemandPoint => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return demand[lo]!;
  };
  return Array.from({ length: count }, (_, j) => {
    const host = pick();
    const dLat = ((random() * 2 - 1) * jitterKm) / 111.2;
    const dLon = ((random() * 2 - 1) * jitterKm) / (111.2 * Math.cos((host.lat * Math.PI) / 180));
    return {
      id: `site-${String(j).padStart(5, '0')}`,
      lat: host.lat + dLat,
      lon: host.lon + dLon,
      fte: Math.max(1, Math.round(random() * maxFte * 10)) / 10,
      level: SERVICE_LEVELS[Math.floor(random() * SERVICE_LEVELS.length)]!,
      demandId: host.unit ?? host.id,
    };
  });
}

/**
 * Real demand for benchmarks: the 357 municipalities of data/reference/kommuner.csv (population
 * 1 January 2025) spread over their populated 5 km cells joined into 10 km blocks (3,810 points), as the atlas uses them.
 */
export function referenceDemand(): { demand: DemandPoint[]; units: DemandPoint[] } {
  const municipalities = parseSimpleCsv(readReferenceFile('kommuner.csv')).map((m): MunicipalityRow => ({
    number: m.kommunenummer!, name: m.kommunenavn!, county_number: m.fylkesnummer!, county_name: m.fylkesnavn!,
    health_region_code: m.helseregion!, health_region_name: m.helseregion!, lat: Number(m.lat), lon: Number(m.lon),
    population: Number(m.befolkning), population_date: m.befolkning_dato!,
  }));
  const demand = gridDemand(municipalities, demandGrid().cells, DEMAND_BLOCK_KM);
  const units = municipalities.map((m): DemandPoint => ({ id: m.number, lat: m.lat, lon: m.lon, population: m.population, region: m.health_region_code }));
  return { demand, units };
}
