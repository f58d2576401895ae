// Parser for uploaded travel-time matrices. Messages are plain English; the UI translates.
import type { TravelTimeRow } from './distance.ts';

export interface CsvProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface TravelTimeParse {
  /** True when every line was valid. */
  ok: boolean;
  /** The valid rows, so a partly broken file can still be previewed. */
  rows: TravelTimeRow[];
  errors: CsvProblem[];
}

const COLUMNS = ['from', 'to', 'minutes'] as const;

/**
 * Reads `from,to,minutes` (columns in any order, header required). A semicolon
 * delimiter is accepted because Norwegian spreadsheet exports use it, and then a
 * decimal comma ("12,5") is accepted too. Blank lines are skipped.
 */
export function parseTravelTimeCsv(text: string): TravelTimeParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const names = splitLine(header, delimiter).map((n) => n.toLowerCase());
  const index = COLUMNS.map((c) => names.indexOf(c));
  if (index.some((i) => i < 0) || names.length !== COLUMNS.length) {
    return { ok: false, rows: [], errors: [{ line: 1, message: 'The first line must be the header "from,to,minutes".' }] };
  }
  const [fromAt, toAt, minutesAt] = index as [number, number, number];
  const rows: TravelTimeRow[] = [];
  const errors: CsvProblem[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, k) => {
    const line = k + 2;
    if (raw.trim() === '') return;
    const cells = splitLine(raw, delimiter);
    if (cells.length !== COLUMNS.length) {
      errors.push({ line, message: `Expected 3 values but found ${cells.length}.` });
      return;
    }
    const from = cells[fromAt]!;
    const to = cells[toAt]!;
    const minutesText = cells[minutesAt]!;
    const minutes = parseMinutes(minutesText, delimiter);
    const problem =
      from === '' ? 'The "from" value is empty.'
      : to === '' ? 'The "to" value is empty.'
      : minutes === null ? `"${minutesText}" is not a number of minutes.`
      : minutes < 0 ? 'Minutes cannot be negative.'
      : null;
    if (problem) {
      errors.push({ line, message: problem });
      return;
    }
    const key = `${from}\u0000${to}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line, message: `The pair ${from} → ${to} already appears on line ${earlier}.` });
      return;
    }
    seen.set(key, line);
    rows.push({ from, to, minutes: minutes! });
  });
  return { ok: errors.length === 0, rows, errors };
}

function splitLine(line: string, delimiter: string): string[] {
  // Quotes are only stripped, not parsed: ids and numbers never contain delimiters.
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

function parseMinutes(text: string, delimiter: string): number | null {
  const normalised = delimiter === ';' ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
