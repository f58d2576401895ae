// CSV files of the atlas's tables: UTF-8 with a byte-order mark (so Excel reads æøå right),
// comma by default; with semicolon the decimals use a comma, as Norwegian spreadsheets expect.
export type Cell = string | number | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], delimiter: ',' | ';' = ','): string {
  const format = (cell: Cell): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') {
      // Rounding away float noise (0.30000000000000004) keeps files readable and diffable.
      const text = String(Number(cell.toPrecision(10)));
      return delimiter === ';' ? text.replace('.', ',') : text;
    }
    return /["\r\n,;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  const lines = [header, ...rows].map((row) => row.map(format).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
