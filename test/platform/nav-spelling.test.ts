import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateDemoData } from '../../src/directory/demo.ts';
import { TERMS } from '../../src/directory/taxonomy.ts';
import type { MunicipalityWithCentre } from '../../src/reference/index.ts';

// The Norwegian Labour and Welfare Administration writes its name "Nav" (since 2022); "NAV" in text
// people read is the old form. Checked in every place UI text comes from: the catalogue, the
// taxonomy's labels, the demo data and the handbook's content files.
const ROOT = new URL('../..', import.meta.url).pathname;
const OLD_FORM = /\bNAV\b/;
const MUNICIPALITIES: MunicipalityWithCentre[] = [
  { number: '0301', name: 'Oslo', county_number: '03', county_name: 'Oslo', health_region_code: 'helse-sor-ost', health_region_name: 'Helse Sør-Øst', lat: 59.9, lon: 10.7, centre_lat: 59.9, centre_lon: 10.7, population: 700000, population_date: '2026-01-01' },
  { number: '1804', name: 'Bodø', county_number: '18', county_name: 'Nordland', health_region_code: 'helse-nord', health_region_name: 'Helse Nord', lat: 67.3, lon: 14.4, centre_lat: 67.3, centre_lon: 14.4, population: 53000, population_date: '2026-01-01' },
];

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ending) : e.name.endsWith(ending) ? [join(dir, e.name)] : []);
}

test('"Nav", not "NAV", in the catalogue and the handbook', () => {
  for (const file of [...files(join(ROOT, 'src/platform/i18n'), '.ts'), ...files(join(ROOT, 'content'), '.md')]) {
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => OLD_FORM.test(text));
    assert.equal(line, -1, `${file.slice(ROOT.length)}:${line + 1}`);
  }
});

test('"Nav", not "NAV", in the taxonomy\'s labels and the demo data', () => {
  const nav = TERMS.find((t) => t.key === 'henviser:nav');
  assert.equal(nav?.name, 'Nav');
  for (const term of TERMS) assert.doesNotMatch(`${term.name} ${term.description ?? ''}`, OLD_FORM, term.key);
  const demo = generateDemoData(MUNICIPALITIES, { services: 200 });
  assert.doesNotMatch(JSON.stringify(demo), OLD_FORM);
  assert.match(JSON.stringify(demo), /veilederen din i Nav/);
});
