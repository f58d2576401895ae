import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './hsds/hsds-schemas.ts';

export const EXAMPLES = `${FIXTURES}examples/`;

/** Folders made here, removed when the test process ends (about a hundred a run were left behind in /tmp). */
const made: string[] = [];
process.once('exit', () => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** The spec's JSON examples, by file name. */
export const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

/**
 * The spec's examples place their location at latitude 100, longitude 101, which is not on Earth;
 * the import refuses that. This copy of every example moves it to Oslo and changes nothing else.
 */
export function examplesOnEarth(): string {
  const dir = tempDir('samklang-hsds-');
  mkdirSync(join(dir, 'csv'));
  for (const file of EXAMPLE_FILES) {
    writeFileSync(join(dir, file), readFileSync(join(EXAMPLES, file), 'utf8').replace(/"latitude": 100/g, '"latitude": 59.91').replace(/"longitude": 101/g, '"longitude": 10.75'));
  }
  for (const file of readdirSync(join(EXAMPLES, 'csv'))) {
    writeFileSync(join(dir, 'csv', file), readFileSync(join(EXAMPLES, 'csv', file), 'utf8').replace(',100,101,', ',59.91,10.75,'));
  }
  return dir;
}

/** Writes a text to a temporary file with the given name, for importing. */
export function tempFile(name: string, text: string): string {
  const dir = tempDir('samklang-import-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
