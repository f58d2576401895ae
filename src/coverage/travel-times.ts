// Loading a travel-time matrix: the file is checked line by line (format, then municipality
// numbers) and stored only when every line is valid, so the atlas never runs on half a file.
import { createHash } from 'node:crypto';
import type { Db } from '../platform/db/index.ts';
import { listMunicipalities } from '../reference/index.ts';
import { replaceTravelTimes } from './queries.ts';
import { parseTravelTimeCsv, type CsvProblem } from './travel-csv.ts';

export interface TravelTimeImport {
  ok: boolean;
  errors: CsvProblem[];
  rows: number;
  /** Municipalities with no row to themselves: trips inside them count as unreachable. */
  missingIntraMunicipal: string[];
  /** Share of the municipality pairs (either direction) the file covers. */
  pairCoverage: number;
}

export async function importTravelTimes(db: Db, text: string, sourceName: string): Promise<TravelTimeImport> {
  const parsed = parseTravelTimeCsv(text);
  const known = new Set((await listMunicipalities(db)).map((m) => m.number));
  const errors = [...parsed.errors];
  // Line numbers of valid rows are not kept by the parser; recount them by skipping blank and broken lines.
  const lineOf = validLineNumbers(text, new Set(parsed.errors.map((e) => e.line)));
  parsed.rows.forEach((row, k) => {
    const unknown = [row.from, row.to].filter((n) => !known.has(n));
    if (unknown.length > 0) errors.push({ line: lineOf[k] ?? 0, message: `Unknown municipality number ${unknown.join(' and ')} (use the 2024 division, four digits).` });
  });
  errors.sort((a, b) => a.line - b.line);
  const pairs = new Set(parsed.rows.map((r) => (r.from < r.to ? `${r.from}-${r.to}` : `${r.to}-${r.from}`)));
  const self = new Set(parsed.rows.filter((r) => r.from === r.to).map((r) => r.from));
  const result = {
    ok: errors.length === 0 && parsed.rows.length > 0,
    errors,
    rows: parsed.rows.length,
    missingIntraMunicipal: [...known].filter((n) => !self.has(n)).sort(),
    pairCoverage: known.size === 0 ? 0 : pairs.size / ((known.size * (known.size + 1)) / 2),
  };
  if (result.ok) await replaceTravelTimes(db, parsed.rows, { checksum: createHash('sha256').update(text).digest('hex'), sourceName });
  return result;
}

function validLineNumbers(text: string, broken: Set<number>): number[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const numbers: number[] = [];
  lines.forEach((line, k) => {
    if (k > 0 && line.trim() !== '' && !broken.has(k + 1)) numbers.push(k + 1);
  });
  return numbers;
}
