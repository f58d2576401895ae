/**
 * CSV as spreadsheets and HSDS tabular data use it (RFC 4180): quoted fields may hold the
 * delimiter, quotes ("") and line breaks. Reading accepts a byte order mark, Excel's "sep=;"
 * line and comma, semicolon or tab as delimiter.
 */

export interface CsvRecord {
  /** 1-based line the record starts on (the header is line 1 unless a sep= line comes first) */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** records with more or fewer cells than the header */
  ragged: { line: number; cells: number }[];
}

function splitRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
  return records;
}

export function parseCsv(input: string): CsvTable {
  let text = input.replace(/^\uFEFF/, '');
  let offset = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    offset = 1;
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  delimiter ??= [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const [head, ...rest] = splitRecords(text, delimiter);
  const header = (head?.cells ?? []).map((h) => h.trim());
  const ragged: CsvTable['ragged'] = [];
  const records = rest.map(({ line, cells }) => {
    if (cells.length !== header.length) ragged.push({ line: line + offset, cells: cells.length });
    return { line: line + offset, values: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) };
  });
  return { header, records, ragged };
}
