// Population-weighted demand points: SSB's 250 m population grid summed into 5 km cells, split by
// municipality, each with its share (andel) of the municipality's residents and the
// population-weighted centre of its people (data/reference/befolkning-rutenett-5km.csv, see the
// README there). Read from the file once per process: it never changes while the app runs, and a
// new file comes with a new deployment.
import { checksum, parseSimpleCsv, readReferenceFile } from './files.ts';

export const DEMAND_GRID_FILE = 'befolkning-rutenett-5km.csv';

export interface DemandGridCell {
  /** SSB's id of the 5 km cell; with the municipality number it is unique. */
  cell: string;
  municipalityNumber: string;
  /** The cell's share of the municipality's residents on the grid's date (1 January 2022). */
  share: number;
  lat: number;
  lon: number;
}

export interface DemandGrid {
  cells: readonly DemandGridCell[];
  /** Cell size in km. */
  cellKm: number;
  /** The grid's reference date. */
  date: string;
  checksum: string;
}

let cached: DemandGrid | undefined;

export function demandGrid(): DemandGrid {
  if (!cached) {
    const text = readReferenceFile(DEMAND_GRID_FILE);
    const cells = parseSimpleCsv(text).map((row): DemandGridCell => ({
      cell: row.rute_id!, municipalityNumber: row.kommunenummer!, share: Number(row.andel), lat: Number(row.lat), lon: Number(row.lon),
    }));
    for (const c of cells) {
      if (!(c.share >= 0) || !Number.isFinite(c.lat) || !Number.isFinite(c.lon)) throw new Error(`Invalid share or coordinates in row ${c.cell} of ${DEMAND_GRID_FILE}`);
    }
    cached = { cells, cellKm: 5, date: '2022-01-01', checksum: checksum(text).slice(0, 12) };
  }
  return cached;
}
