// Precomputed distances, so settings changes, scenarios and greedy search never call the
// (possibly slow) Distance provider twice for the same pair.
//
// Demand points and reporting units: a demand point is where people live (a populated grid cell,
// or a whole municipality at one point); points with the same `unit` are reported together (the
// municipality). A point without `unit` is its own unit, which is how the small worlds of the tests
// and the reference cases are built.
//
// Only pairs within `reach` (the catchment) are kept, per site, as a sparse column: with ~8,600
// grid cells and 10,000 sites a dense matrix would be 86 million distances. For great-circle
// distances a spatial index finds them; other providers (travel-time matrices) are scanned in full.
// The nearest offer of each point (any level and per level) is kept beside them, found without a
// catchment limit, because "nearest" may be 150 km away.
import type { BulkDistance, ColumnFill } from './distance.ts';
import { CHORD_MARGIN, chordSquaredToKm, GeoIndex, kmToChordSquared } from './spatial.ts';
import { levelsOf, type DemandPoint, type Distance, type SupplySite } from './types.ts';

/** The demand points a site reaches within `reach`, with their distances (ascending point order, except with the spatial index). */
export interface Column {
  readonly index: Int32Array;
  readonly distance: Float64Array;
  /**
   * Great-circle columns: the squared chord between the unit vectors of point and site, from which
   * km = 2R·asin(√chord2 / 2). Step weights are decided on it without a sqrt and an asin per pair;
   * `distance` is then computed only when something reads it.
   */
  readonly chord2?: Float64Array;
}

/** A great-circle column: kept as squared chords, its km computed (exactly as the bulk column does) on first read. */
class GreatCircleColumn implements Column {
  #distance: Float64Array | null = null;
  constructor(readonly index: Int32Array, readonly chord2: Float64Array) {}

  get distance(): Float64Array {
    if (this.#distance === null) {
      const { chord2 } = this;
      const distance = new Float64Array(chord2.length);
      for (let q = 0; q < chord2.length; q++) distance[q] = chordSquaredToKm(chord2[q]!);
      this.#distance = distance;
    }
    return this.#distance;
  }
}

/** Nearest site per point: slot 0 any level, slot k the level levels[k - 1]. */
export interface NearestState {
  readonly levels: readonly string[];
  /** best[slot * n + i]: km (or minutes) to the nearest site; Infinity when none. */
  readonly best: Float64Array;
  /** site[slot * n + i]: index of that site in `sites`, or -1. */
  readonly site: Int32Array;
}

export interface Prepared {
  /** The demand points (where people live). */
  readonly demand: readonly DemandPoint[];
  /** Population per demand point; 0 where unknown (check `known` before using it). */
  readonly population: Float64Array;
  /** 1 where the population figure is known. */
  readonly known: Uint8Array;
  /** The reporting units: id, region, population (sum of its points; null when none is known), and the location of its most populous point. */
  readonly units: readonly DemandPoint[];
  /** unitOf[i]: index in `units` of demand point i. */
  readonly unitOf: Int32Array;
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly sites: readonly SupplySite[];
  /** Pairs farther apart than this are not in `columns` (Infinity: every reachable pair is). */
  readonly reach: number;
  readonly columns: readonly Column[];
  readonly nearest: NearestState;
  readonly distance: Distance;
  /** Fills one full column (every demand point): the Distance's bulk form when it has one. */
  readonly fill: ColumnFill;
  readonly demandIndex: ReadonlyMap<string, number>;
  /** Spatial index of the demand points, when the distance is great-circle. */
  readonly geo: GeoIndex | null;
}

export interface PrepareOptions {
  /** Keep pairs up to this distance (the catchment). Default Infinity: every reachable pair. */
  reach?: number;
  /**
   * The reporting units as the caller knows them (a municipality with its registered population
   * and population centre). Default: derived from the points (population summed, located at the
   * most populous point). Every point's unit must be among them.
   */
  units?: readonly DemandPoint[];
}

export function prepare(demand: readonly DemandPoint[], supply: readonly SupplySite[], distance: Distance, options: PrepareOptions = {}): Prepared {
  const n = demand.length;
  const demandIndex = new Map<string, number>();
  const population = new Float64Array(n);
  const known = new Uint8Array(n);
  demand.forEach((d, i) => {
    if (demandIndex.has(d.id)) throw new RangeError(`Demand point ${d.id} appears twice.`);
    demandIndex.set(d.id, i);
    if (d.population !== null) {
      if (!(d.population >= 0) || !Number.isFinite(d.population)) {
        throw new RangeError(`Demand point ${d.id} has an invalid population.`);
      }
      population[i] = d.population;
      known[i] = 1;
    }
  });
  supply.forEach(checkSite);
  const reach = options.reach ?? Infinity;
  if (!(reach > 0)) throw new RangeError('reach must be a positive number.');
  const { units, unitOf, unitIndex } = unitsOf(demand, population, known, options.units);
  const side = demandSide(demand, distance);
  const { fill, geo } = side;
  const base = { demand, population, known, units, unitOf, unitIndex, reach, distance, fill, demandIndex, geo };
  const columns = geo && Number.isFinite(reach) ? greatCircleColumns(geo, supply, reach, side.columns) : supply.map((site) => sparseColumn(base, site));
  const nearest = geo ? nearestByIndex(demand, supply) : nearestByScan(n, supply, fill);
  return { ...base, sites: supply, columns, nearest };
}

/** A new Prepared with extra sites; the baseline is left untouched and its columns are shared. */
export function withSites(prepared: Prepared, added: readonly SupplySite[]): Prepared {
  if (added.length === 0) return prepared;
  added.forEach(checkSite);
  const sites = [...prepared.sites, ...added];
  const extra = added.map((site) => sparseColumn(prepared, site));
  // Added sites are few: their full columns update a copy of the nearest state.
  const n = prepared.demand.length;
  const old = prepared.nearest;
  const levels = [...new Set([...old.levels, ...added.flatMap((s) => levelsOf(s))])].sort();
  const best = new Float64Array((levels.length + 1) * n).fill(Infinity);
  const site = new Int32Array((levels.length + 1) * n).fill(-1);
  const copySlot = (from: number, to: number) => {
    best.set(old.best.subarray(from * n, (from + 1) * n), to * n);
    site.set(old.site.subarray(from * n, (from + 1) * n), to * n);
  };
  copySlot(0, 0);
  old.levels.forEach((level, k) => copySlot(k + 1, levels.indexOf(level) + 1));
  const state = { levels, best, site };
  const column = new Float64Array(n);
  added.forEach((s, a) => {
    prepared.fill(s, column);
    updateNearest(state, sites, prepared.sites.length + a, column);
  });
  return { ...prepared, sites, columns: [...prepared.columns, ...extra], nearest: state };
}

/** Distances from every demand point to one (possibly hypothetical) site. */
export function distanceColumn(prepared: Prepared, site: SupplySite): Float64Array {
  const column = new Float64Array(prepared.demand.length);
  prepared.fill(site, column);
  return column;
}

/** Distance from a unit's location (or any point) to a site, with the state's provider. */
export function pointDistance(prepared: Prepared, point: DemandPoint, site: SupplySite): number {
  const d = prepared.distance(point, site);
  return d >= 0 ? d : Infinity;
}

function sparseColumn(base: Pick<Prepared, 'demand' | 'reach' | 'fill' | 'geo'>, site: SupplySite): Column {
  if (base.geo && Number.isFinite(base.reach)) return greatCircleColumns(base.geo, [site], base.reach)[0]!;
  const index: number[] = [];
  const dist: number[] = [];
  const column = new Float64Array(base.demand.length);
  base.fill(site, column);
  for (let i = 0; i < column.length; i++) {
    if (column[i]! <= base.reach) {
      index.push(i);
      dist.push(column[i]!);
    }
  }
  return { index: Int32Array.from(index), distance: Float64Array.from(dist) };
}

/**
 * Columns already computed over these demand points, by site position and reach, with the
 * recompute that last used each: when the supply changes, only new or moved sites are searched.
 */
interface ColumnCache {
  readonly byPlace: Map<string, { column: Column; used: number }>;
  generation: number;
}

/**
 * Every site's column, from the spatial index (or the cache). New columns' pairs go into shared
 * blocks (struct of arrays; each column is a view), so 10,000 sites cost a few allocations, not
 * 40,000, and nothing is ever copied to grow. Points come in bucket order: sorting 10,000 columns
 * by point would cost more than the rest of the column, and the sums it changes differ only in the
 * last bits (about 1e-16 relative). A pair is kept when its km ≤ reach, decided on the squared chord
 * except within a hair of the reach, where the km is computed as the distance column does, so the
 * same pairs are kept.
 */
function greatCircleColumns(geo: GeoIndex, supply: readonly SupplySite[], reach: number, cache?: ColumnCache): Column[] {
  const { found, chord2 } = scratchFor(geo.size);
  const limit = kmToChordSquared(reach);
  const surelyIn = limit * (1 - CHORD_MARGIN);
  const surelyOut = limit * (1 + CHORD_MARGIN);
  const generation = cache ? ++cache.generation : 0;
  let point = new Int32Array(0);
  let pairs = new Float64Array(0);
  let used = 0;
  const columns: Column[] = new Array(supply.length);
  for (let j = 0; j < supply.length; j++) {
    const site = supply[j]!;
    const key = cache ? `${reach} ${site.lat} ${site.lon}` : '';
    const hit = cache?.byPlace.get(key);
    if (hit) {
      hit.used = generation;
      columns[j] = hit.column;
      continue;
    }
    const count = geo.collect(site.lat, site.lon, reach, found, chord2);
    if (used + count > point.length) {
      const size = Math.max(count, Math.min(PAIR_BLOCK, (supply.length - j) * 256));
      point = new Int32Array(size);
      pairs = new Float64Array(size);
      used = 0;
    }
    const from = used;
    for (let q = 0; q < count; q++) {
      const c2 = chord2[q]!;
      if (c2 > surelyIn && (c2 > surelyOut || !(chordSquaredToKm(c2) <= reach))) continue;
      point[used] = found[q]!;
      pairs[used++] = c2;
    }
    const column = new GreatCircleColumn(point.subarray(from, used), pairs.subarray(from, used));
    columns[j] = column;
    cache?.byPlace.set(key, { column, used: generation });
  }
  if (cache && cache.byPlace.size > 2 * supply.length + 1024) {
    // Keep what the last few recomputes used (the atlas computes each level from the same points).
    for (const [key, entry] of cache.byPlace) if (entry.used < generation - 8) cache.byPlace.delete(key);
  }
  return columns;
}

/** Pairs per block of columns: 4 MB of squared chords and 2 MB of point numbers. */
const PAIR_BLOCK = 1 << 19;

/** Work buffers for a spatial search (prepare is synchronous, so one set serves every call). */
let scratch = { found: new Int32Array(0), chord2: new Float64Array(0) };
function scratchFor(size: number): typeof scratch {
  if (scratch.found.length < size) scratch = { found: new Int32Array(size), chord2: new Float64Array(size) };
  return scratch;
}

/**
 * What depends on the demand points alone (the column fill, the spatial index, and the columns of
 * sites seen before), kept per demand array and Distance: the atlas recomputes when supply
 * changes, over the same points.
 */
interface DemandSide { fill: ColumnFill; geo: GeoIndex | null; where: Float64Array; columns: ColumnCache; distance: Distance; era: number }
const demandSides = new WeakMap<readonly DemandPoint[], WeakMap<Distance, DemandSide>>();
/**
 * The last few great-circle sides, found by their places: the atlas builds a new demand array for
 * each data version, over the same grid. Only for great-circle distances, which depend on nothing
 * but the coordinates (a travel-time matrix also reads the points' ids).
 */
const recentGeoSides: DemandSide[] = [];
const RECENT_SIDES = 3;

function demandSide(demand: readonly DemandPoint[], distance: Distance): DemandSide {
  let byDistance = demandSides.get(demand);
  if (!byDistance) demandSides.set(demand, (byDistance = new WeakMap()));
  let side = byDistance.get(distance);
  // A caller may have changed the array since: the cached side is used only for the same places.
  if (side && side.era === coldStart && samePlaces(side.where, demand)) return side;
  const geo = Boolean((distance as BulkDistance).geo);
  side = geo ? recentGeoSides.find((s) => s.distance === distance && samePlaces(s.where, demand)) : undefined;
  if (!side) {
    const where = new Float64Array(demand.length * 2);
    demand.forEach((d, i) => { where[2 * i] = d.lat; where[2 * i + 1] = d.lon; });
    side = { fill: columnFill(demand, distance), geo: geo ? new GeoIndex(demand) : null, where, columns: { byPlace: new Map(), generation: 0 }, distance, era: coldStart };
    if (geo) {
      recentGeoSides.unshift(side);
      recentGeoSides.length = Math.min(recentGeoSides.length, RECENT_SIDES);
    }
  }
  byDistance.set(distance, side);
  return side;
}

/** Forgets every kept demand side and column (benchmarks measure a recompute from nothing with it). */
export function forgetPreparedCaches(): void {
  recentGeoSides.length = 0;
  coldStart += 1;
}
let coldStart = 0;

function samePlaces(where: Float64Array, demand: readonly DemandPoint[]): boolean {
  if (where.length !== demand.length * 2) return false;
  for (let i = 0; i < demand.length; i++) {
    if (where[2 * i] !== demand[i]!.lat || where[2 * i + 1] !== demand[i]!.lon) return false;
  }
  return true;
}

function unitsOf(demand: readonly DemandPoint[], population: Float64Array, known: Uint8Array, given?: readonly DemandPoint[]) {
  const unitIndex = new Map<string, number>();
  if (given) {
    given.forEach((u, k) => unitIndex.set(u.id, k));
    const unitOf = Int32Array.from(demand, (d) => {
      const k = unitIndex.get(d.unit ?? d.id);
      if (k === undefined) throw new RangeError(`Demand point ${d.id} belongs to no given unit.`);
      return k;
    });
    return { units: given, unitOf, unitIndex };
  }
  const unitOf = new Int32Array(demand.length);
  const members: number[][] = [];
  demand.forEach((d, i) => {
    const id = d.unit ?? d.id;
    let u = unitIndex.get(id);
    if (u === undefined) {
      u = members.length;
      unitIndex.set(id, u);
      members.push([]);
    }
    unitOf[i] = u;
    members[u]!.push(i);
  });
  const units = [...unitIndex.keys()].map((id, u): DemandPoint => {
    const list = members[u]!;
    if (list.length === 1 && demand[list[0]!]!.unit === undefined) return demand[list[0]!]!;
    let main = list[0]!;
    let total = 0;
    let anyKnown = false;
    for (const i of list) {
      if (known[i]) {
        anyKnown = true;
        total += population[i]!;
      }
      if (population[i]! > population[main]!) main = i;
    }
    const first = demand[list[0]!]!;
    return { id, lat: demand[main]!.lat, lon: demand[main]!.lon, population: anyKnown ? total : null, ...(first.region === undefined ? {} : { region: first.region }) };
  });
  return { units, unitOf, unitIndex };
}

function columnFill(demand: readonly DemandPoint[], distance: Distance): ColumnFill {
  const bulk = (distance as BulkDistance).column;
  return bulk ? bulk(demand) : (site, column) => fillColumn(column, demand, site, distance);
}

function fillColumn(column: Float64Array, demand: readonly DemandPoint[], site: SupplySite, distance: Distance): void {
  for (let i = 0; i < demand.length; i++) {
    const d = distance(demand[i]!, site);
    if (d < 0) throw new RangeError(`Negative distance from ${demand[i]!.id} to site ${site.id}.`);
    // NaN/undefined from a provider means "no route", which is what Infinity says.
    column[i] = d >= 0 ? d : Infinity;
  }
}

function emptyNearest(n: number, sites: readonly SupplySite[]) {
  const levels = [...new Set(sites.flatMap((s) => levelsOf(s)))].sort();
  return {
    levels,
    best: new Float64Array((levels.length + 1) * n).fill(Infinity),
    site: new Int32Array((levels.length + 1) * n).fill(-1),
  };
}

/** Equal distances go to the smaller site id, which keeps the answer independent of input order. */
function updateNearest(state: NearestState, sites: readonly SupplySite[], j: number, column: Float64Array): void {
  const n = column.length;
  const { best, site } = state;
  const bases = [0, ...levelsOf(sites[j]!).map((level) => (state.levels.indexOf(level) + 1) * n)];
  for (let i = 0; i < n; i++) {
    const d = column[i]!;
    if (d === Infinity) continue;
    for (const base of bases) {
      const at = base + i;
      const current = site[at]!;
      // The string comparison is only reached on exact ties, off the hot path.
      if (d < best[at]! || (d === best[at]! && current >= 0 && sites[j]!.id < sites[current]!.id)) {
        best[at] = d;
        site[at] = j;
      }
    }
  }
}

function nearestByScan(n: number, sites: readonly SupplySite[], fill: ColumnFill): NearestState {
  const state = emptyNearest(n, sites);
  const column = new Float64Array(n);
  sites.forEach((s, j) => {
    fill(s, column);
    updateNearest(state, sites, j, column);
  });
  return state;
}

function nearestByIndex(demand: readonly DemandPoint[], sites: readonly SupplySite[]): NearestState {
  const n = demand.length;
  const state = emptyNearest(n, sites);
  const slots = [sites.map((_, j) => j), ...state.levels.map((level) => sites.flatMap((s, j) => (levelsOf(s).includes(level) ? [j] : [])))];
  slots.forEach((members, slot) => {
    const index = new GeoIndex(members.map((j) => sites[j]!));
    const before = (a: number, b: number) => b < 0 || sites[members[a]!]!.id < sites[members[b]!]!.id;
    const buffer = new Int32Array(members.length);
    const chord2 = new Float64Array(members.length);
    // Points come municipality by municipality, so the last point's nearest km is a good first radius.
    let hint = 0;
    for (let i = 0; i < n; i++) {
      const found = index.nearest(demand[i]!.lat, demand[i]!.lon, before, buffer, chord2, hint * 0.5);
      if (!found) continue;
      hint = found.km;
      state.best[slot * n + i] = found.km;
      state.site[slot * n + i] = members[found.index]!;
    }
  });
  return state;
}

function checkSite(site: SupplySite): void {
  if (!(site.fte >= 0) || !Number.isFinite(site.fte)) throw new RangeError(`Site ${site.id} has an invalid FTE.`);
}
