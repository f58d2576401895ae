// CSV files of the atlas's tables, through the site's one CSV writer (platform/csv.ts): UTF-8 with a
// byte-order mark (so Excel reads æøå right), comma by default; with semicolon the decimals use a
// comma, as Norwegian spreadsheets expect.
import { BOM, csvRows, type CsvValue } from '../platform/csv.ts';

export type Cell = string | number | null | undefined;

// Rounding away float noise (0.30000000000000004) keeps files readable and diffable.
const cellValue = (cell: Cell): CsvValue => (cell === undefined ? null : typeof cell === 'number' ? Number(cell.toPrecision(10)) : cell);

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], delimiter: ',' | ';' = ','): string {
  return BOM + csvRows([[...header], ...rows.map((row) => row.map(cellValue))], { delimiter });
}
