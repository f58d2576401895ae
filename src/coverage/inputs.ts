// Turns database rows into the atlas's inputs. Pure, so the placement rules are easy to test:
// - a service's FTE is split evenly over its physical places, so the national total stays its FTE;
// - a confidential place counts at its municipality's interior point (the address is withheld);
// - a digital-only service becomes a digital offer, never a site: it has no place to travel to;
// - a service with unknown FTE still counts as an offer (nearest distance), with 0 FTE.
import type { DemandGridCell, MunicipalityRow } from '../reference/index.ts';
import type { SupplyRow } from './queries.ts';
import { SERVICE_LEVEL_CODES, type LevelChoice, type ServiceLevel } from './snapshot-model.ts';
import type { DemandPoint, DigitalOffer, SupplySite } from './types.ts';

export interface SiteInfo {
  siteId: string;
  serviceId: string;
  serviceName: string;
  organizationName: string;
  municipalityNumber: string | null;
  levels: ServiceLevel[];
  /** This place's share of the service's FTE. */
  fte: number;
  fteKnown: boolean;
  confidential: boolean;
}

export interface DigitalInfo {
  serviceId: string;
  serviceName: string;
  organizationName: string;
  /** Where the provider is based (its commonest location), when known. */
  homeMunicipality: string | null;
  levels: ServiceLevel[];
  /** null when the service also has a place: its FTE is counted there, once. */
  fte: number | null;
}

export interface AtlasInputs {
  municipalities: MunicipalityRow[];
  /** Where people live: grid cells (with `unit`), or one point per municipality without a grid. */
  demand: DemandPoint[];
  /** The municipalities as reporting units: registered population, placed at their population centre when known. */
  units: DemandPoint[];
  sites: SupplySite[];
  siteInfo: ReadonlyMap<string, SiteInfo>;
  digital: DigitalInfo[];
  services: { active: number; withoutFte: number; unplaced: number; demo: number };
}

export function demandPoints(municipalities: readonly MunicipalityRow[]): DemandPoint[] {
  return municipalities.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon, population: m.population, region: m.health_region_code }));
}

/** A municipality as a reporting unit: at its population centre when known (where new positions are placed), else its interior point. */
function unitPoint(m: MunicipalityRow & { centre_lat?: number; centre_lon?: number }): DemandPoint {
  const centre = m.centre_lat !== undefined && m.centre_lon !== undefined;
  return { id: m.number, lat: centre ? m.centre_lat! : m.lat, lon: centre ? m.centre_lon! : m.lon, population: m.population, region: m.health_region_code };
}

/**
 * Demand where people live: each populated grid cell of a municipality gets its share of the
 * municipality's population in the year in use (shares renormalised to sum to exactly 1, since the
 * file rounds them to 6 decimals). A municipality with no cells keeps one point, its own. A missing
 * population stays null in every cell.
 */
export function gridDemand(municipalities: readonly MunicipalityRow[], cells: readonly DemandGridCell[], blockKm = 5): DemandPoint[] {
  const byMunicipality = new Map<string, DemandGridCell[]>();
  for (const cell of blockKm > 5 ? mergeCells(cells, blockKm) : cells) {
    const list = byMunicipality.get(cell.municipalityNumber);
    if (list) list.push(cell);
    else byMunicipality.set(cell.municipalityNumber, [cell]);
  }
  return municipalities.flatMap((m): DemandPoint[] => {
    const list = byMunicipality.get(m.number);
    const total = list?.reduce((s, c) => s + c.share, 0) ?? 0;
    if (!list || !(total > 0)) return [{ ...unitPoint(m), id: `${m.number}/0`, unit: m.number }];
    return list.map((c) => ({
      id: `${m.number}/${c.cell}`, unit: m.number, lat: c.lat, lon: c.lon,
      population: m.population === null ? null : (m.population * c.share) / total, region: m.health_region_code,
    }));
  });
}

/** One level as `level`; several as `levels`, so the site counts at each of them (nearest per level, shares). */
function levelFields(levels: readonly ServiceLevel[]): { level?: ServiceLevel; levels?: readonly ServiceLevel[] } {
  if (levels.length === 1) return { level: levels[0]! };
  return levels.length > 1 ? { levels } : {};
}

function levelsOf(terms: readonly string[]): ServiceLevel[] {
  return SERVICE_LEVEL_CODES.filter((level) => terms.includes(`niva:${level}`));
}

/** Where a location is on the map, or null when it cannot be placed. */
function placeOf(row: SupplyRow): { lat: number; lon: number } | null {
  if (row.location_id === null || row.location_type === 'virtual') return null;
  const municipalityPoint = row.municipality_lat !== null && row.municipality_lon !== null ? { lat: row.municipality_lat, lon: row.municipality_lon } : null;
  if (row.is_confidential) return municipalityPoint;
  if (row.latitude !== null && row.longitude !== null) return { lat: row.latitude, lon: row.longitude };
  return municipalityPoint;
}

/** The commonest municipality per organisation; ties go to the lower number so the answer is stable. */
export function organizationHomes(rows: readonly { organization_id: string | null; municipality_number: string | null; locations: number }[]): Map<string, string> {
  const best = new Map<string, { number: string; locations: number }>();
  for (const row of rows) {
    if (row.organization_id === null || row.municipality_number === null) continue;
    const current = best.get(row.organization_id);
    const wins = !current || row.locations > current.locations || (row.locations === current.locations && row.municipality_number < current.number);
    if (wins) best.set(row.organization_id, { number: row.municipality_number, locations: row.locations });
  }
  return new Map([...best].map(([id, home]) => [id, home.number]));
}

/**
 * The atlas joins the 5 km cells into 10 km blocks (3,810 demand points instead of 8,586): the
 * national recompute at 10,000 sites costs about 2.4 times less (measured, see docs/coverage.md)
 * and a block still sits where its people live (its share-weighted centre).
 */
export const DEMAND_BLOCK_KM = 10;

/** The 5 km grid's cells, joined into blocks of blockKm × blockKm within each municipality (centres share-weighted). */
export function mergeCells(cells: readonly DemandGridCell[], blockKm: number): DemandGridCell[] {
  const size = blockKm * 1000;
  const blocks = new Map<string, { cell: string; municipalityNumber: string; share: number; lat: number; lon: number; plainLat: number; plainLon: number; n: number }>();
  for (const c of cells) {
    // SSB's cell id is (x + 2,000,000) × 10^7 + y, (x, y) the lower-left corner in UTM 33 metres.
    const id = Number(c.cell);
    const x = Math.floor(id / 1e7) - 2_000_000;
    const y = id % 1e7;
    const key = `${c.municipalityNumber}:${Math.floor(x / size)}:${Math.floor(y / size)}`;
    const block = blocks.get(key);
    if (!block) blocks.set(key, { cell: c.cell, municipalityNumber: c.municipalityNumber, share: c.share, lat: c.lat * c.share, lon: c.lon * c.share, plainLat: c.lat, plainLon: c.lon, n: 1 });
    else {
      block.share += c.share;
      block.lat += c.lat * c.share;
      block.lon += c.lon * c.share;
      block.plainLat += c.lat;
      block.plainLon += c.lon;
      block.n += 1;
    }
  }
  return [...blocks.values()].map((b) => ({
    cell: b.cell, municipalityNumber: b.municipalityNumber, share: b.share,
    lat: b.share > 0 ? b.lat / b.share : b.plainLat / b.n, lon: b.share > 0 ? b.lon / b.share : b.plainLon / b.n,
  }));
}

/**
 * Without `grid` (e.g. with a municipality-to-municipality travel-time matrix) each municipality is
 * one demand point at its interior point, as before the grid was used.
 */
export function buildInputs(
  municipalities: MunicipalityRow[],
  rows: readonly SupplyRow[],
  homes: ReadonlyMap<string, string>,
  grid?: readonly DemandGridCell[],
  blockKm = DEMAND_BLOCK_KM,
): AtlasInputs {
  const byService = new Map<string, SupplyRow[]>();
  for (const row of rows) {
    const list = byService.get(row.service_id);
    if (list) list.push(row);
    else byService.set(row.service_id, [row]);
  }
  const sites: SupplySite[] = [];
  const siteInfo = new Map<string, SiteInfo>();
  const digital: DigitalInfo[] = [];
  const services = { active: byService.size, withoutFte: 0, unplaced: 0, demo: 0 };
  for (const [serviceId, list] of byService) {
    const first = list[0]!;
    const levels = levelsOf(first.terms);
    const fteKnown = first.fte !== null;
    if (!fteKnown) services.withoutFte += 1;
    if (first.is_demo) services.demo += 1;
    const places = list.flatMap((row) => {
      const point = placeOf(row);
      return point ? [{ row, point }] : [];
    });
    if (first.is_digital) {
      digital.push({
        serviceId, serviceName: first.name, organizationName: first.organization_name,
        homeMunicipality: homes.get(first.organization_id) ?? null, levels, fte: places.length > 0 ? null : (first.fte ?? 0),
      });
    }
    if (places.length === 0) {
      if (!first.is_digital) services.unplaced += 1;
      continue;
    }
    const share = (first.fte ?? 0) / places.length;
    for (const { row, point } of places) {
      const siteId = `${serviceId}/${row.location_id}`;
      const municipalityNumber = row.municipality_number;
      sites.push({
        id: siteId, lat: point.lat, lon: point.lon, fte: share,
        ...levelFields(levels),
        ...(municipalityNumber === null ? {} : { demandId: municipalityNumber }),
      });
      siteInfo.set(siteId, {
        siteId, serviceId, serviceName: first.name, organizationName: first.organization_name, municipalityNumber,
        levels, fte: share, fteKnown, confidential: row.is_confidential === true,
      });
    }
  }
  const demand = grid ? gridDemand(municipalities, grid, blockKm) : demandPoints(municipalities);
  const units = grid ? municipalities.map(unitPoint) : demand;
  return { municipalities, demand, units, sites, siteInfo, digital, services };
}

/** The supply of one level: a service with several levels counts, whole, in each of them. */
export function supplyForLevel(inputs: AtlasInputs, level: LevelChoice): { sites: SupplySite[]; digital: DigitalOffer[] } {
  const matches = (levels: readonly ServiceLevel[]) => level === 'all' || levels.includes(level);
  const sites = level === 'all' ? inputs.sites : inputs.sites.filter((s) => matches(inputs.siteInfo.get(s.id)!.levels));
  const digital = inputs.digital.filter((d) => matches(d.levels)).map((d): DigitalOffer => ({
    id: d.serviceId,
    ...(d.fte === null ? {} : { fte: d.fte }),
    ...levelFields(d.levels),
    ...(d.homeMunicipality === null ? {} : { demandId: d.homeMunicipality }),
  }));
  return { sites, digital };
}
