// Precomputed distances, so settings changes, scenarios and greedy search never
// call the (possibly slow) Distance provider twice for the same pair.
import type { BulkDistance, ColumnFill } from './distance.ts';
import type { DemandPoint, Distance, SupplySite } from './types.ts';

export interface Prepared {
  readonly demand: readonly DemandPoint[];
  /** Population per demand point; 0 where unknown (check `known` before using it). */
  readonly population: Float64Array;
  /** 1 where the population figure is known. */
  readonly known: Uint8Array;
  readonly sites: readonly SupplySite[];
  /**
   * columns[j][i] = distance(demand[i], sites[j]); unreachable pairs are Infinity.
   * Site-major so adding a site appends one column; the base columns are views
   * into a single Float64Array of demand × sites.
   */
  readonly columns: readonly Float64Array[];
  readonly distance: Distance;
  /** Fills one column: the Distance's bulk form when it has one (kept so scenarios reuse it). */
  readonly fill: ColumnFill;
  readonly demandIndex: ReadonlyMap<string, number>;
}

export function prepare(demand: readonly DemandPoint[], supply: readonly SupplySite[], distance: Distance): Prepared {
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
  const fill = columnFill(demand, distance);
  const matrix = new Float64Array(n * supply.length);
  const columns = supply.map((site, j) => {
    const column = matrix.subarray(j * n, (j + 1) * n);
    fill(site, column);
    return column;
  });
  return { demand, population, known, sites: supply, columns, distance, fill, demandIndex };
}

/** A new Prepared with extra sites; the baseline is left untouched and its columns are shared. */
export function withSites(prepared: Prepared, added: readonly SupplySite[]): Prepared {
  if (added.length === 0) return prepared;
  added.forEach(checkSite);
  const extra = added.map((site) => distanceColumn(prepared, site));
  return { ...prepared, sites: [...prepared.sites, ...added], columns: [...prepared.columns, ...extra] };
}

/** Distances from every demand point to one (possibly hypothetical) site. */
export function distanceColumn(prepared: Prepared, site: SupplySite): Float64Array {
  const column = new Float64Array(prepared.demand.length);
  prepared.fill(site, column);
  return column;
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

function checkSite(site: SupplySite): void {
  if (!(site.fte >= 0) || !Number.isFinite(site.fte)) throw new RangeError(`Site ${site.id} has an invalid FTE.`);
}
