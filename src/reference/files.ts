import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** data/reference, where the reference files copied from the shared data live (see its README). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export function readReferenceFile(name: string): string {
  return readFileSync(REFERENCE_DIR + name, 'utf8');
}

/** Parses the reference CSV files: UTF-8, comma-separated, one header line, no quoted fields. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines.shift()?.split(',') ?? [];
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`Reference CSV row has ${cells.length} cells, expected ${header.length}: ${line}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

export function checksum(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text);
  return hash.digest('hex');
}
