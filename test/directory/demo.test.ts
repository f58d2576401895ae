import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDemoData } from '../../src/directory/index.ts';
import type { MunicipalityWithCentre } from '../../src/reference/index.ts';
import { TERM_BY_KEY } from '../../src/directory/taxonomy.ts';

const municipalities: MunicipalityWithCentre[] = [
  { number: '0301', name: 'Oslo', county_number: '03', county_name: 'Oslo', health_region_code: 'helse-sor-ost', health_region_name: 'Helse Sør-Øst', lat: 59.9, lon: 10.7, centre_lat: 59.9, centre_lon: 10.7, population: 700000, population_date: '2026-01-01' },
  { number: '1804', name: 'Bodø', county_number: '18', county_name: 'Nordland', health_region_code: 'helse-nord', health_region_name: 'Helse Nord', lat: 67.3, lon: 14.4, centre_lat: 67.3, centre_lon: 14.4, population: 53000, population_date: '2026-01-01' },
  { number: '9999', name: 'Uten folketall', county_number: '18', county_name: 'Nordland', health_region_code: 'helse-nord', health_region_name: 'Helse Nord', lat: 67, lon: 14, centre_lat: 67, centre_lon: 14, population: null, population_date: null },
];

test('the same seed gives the same demo data, another seed other data', () => {
  const a = generateDemoData(municipalities, { services: 50, seed: 7 });
  const b = generateDemoData(municipalities, { services: 50, seed: 7 });
  const c = generateDemoData(municipalities, { services: 50, seed: 8 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.services.map((s) => s.id), c.services.map((s) => s.id));
});

test('demo data is flagged and says it is fictional, in the data and in the text', () => {
  const data = generateDemoData(municipalities, { services: 100 });
  assert.equal(data.services.length, 100);
  assert.ok(data.organizations.length > 0);
  for (const o of data.organizations) {
    assert.equal(o.isDemo, true);
    assert.match(o.name, /\(fiktiv\)$/);
  }
  for (const s of data.services) {
    assert.equal(s.isDemo, true);
    assert.match(s.name, /\(fiktiv\)$/);
    assert.match(s.description, /^Fiktivt demotilbud\./);
    for (const key of s.terms) assert.ok(TERM_BY_KEY.has(key), key);
    assert.ok(s.email?.endsWith('.example'));
  }
});

test('demo offers are placed only in municipalities with a population figure', () => {
  const data = generateDemoData(municipalities, { services: 200 });
  assert.ok(data.services.some((s) => s.locations.length > 0), 'some demo offers have a place');
  for (const s of data.services) for (const l of s.locations) assert.notEqual(l.municipalityNumber, '9999');
});

test('a demo offer is where its organisation is, with a phone number from that county and a description that fits its classification', () => {
  const data = generateDemoData(municipalities, { services: 200 });
  const organizations = new Map(data.organizations.map((o) => [o.id, o]));
  const areaCode: Record<string, string> = { '03': '22', '18': '75' };
  for (const s of data.services) {
    const organization = organizations.get(s.organizationId)!;
    for (const l of s.locations) {
      const municipality = municipalities.find((m) => m.number === l.municipalityNumber)!;
      assert.ok(organization.name.includes(municipality.name), `${s.name} in ${municipality.name} run by ${organization.name}`);
      assert.ok(s.phones[0]!.number.startsWith(`+47 ${areaCode[municipality.county_number]}`), `${s.phones[0]!.number} in ${municipality.name}`);
    }
    assert.ok((data.activities[s.id] ?? []).length > 0);
    if (s.terms.includes('arena:kriminalomsorg')) assert.match(s.description, /fengselet/);
    if (s.terms.includes('niva:lavterskel')) assert.match(s.description + s.applicationProcess, /uten henvisning/);
    if (s.terms.includes('felt:psykisk-helse')) assert.match(s.description, /angst eller depresjon/);
  }
});
