// The atlas's tables as rows for the site's one CSV writer (platform/csv.ts, sendCsvFile): comma by
// default; with semicolon the decimals use a comma, as Norwegian spreadsheets expect.
import type { CsvValue } from '../platform/csv.ts';

export type Cell = string | number | null | undefined;

// Rounding away float noise (0.30000000000000004) keeps files readable and diffable.
const cellValue = (cell: Cell): CsvValue => (cell === undefined ? null : typeof cell === 'number' ? Number(cell.toPrecision(10)) : cell);

/** The header and the rows, each cell as the file writes it. */
export function csvCells(header: readonly string[], rows: readonly (readonly Cell[])[]): CsvValue[][] {
  return [[...header], ...rows.map((row) => row.map(cellValue))];
}
