import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { citationText, entryToCsl, fieldsOf } from '../../../src/network/evidence/csl.ts';
import { SEED_DIR } from '../../../src/network/evidence/seed.ts';
import type { EvidenceEntry } from '../../../src/network/evidence/model.ts';

const record = {
  id: 'nordmann2021-fiktiv', type: 'article-journal', title: 'Fiktiv studie', author: [{ family: 'Nordmann', given: 'Kari' }],
  'container-title': 'Tidsskrift for testdata', volume: '3', issued: { 'date-parts': [[2021, 4]] }, DOI: '10.5555/Samklang.1', note: 'fiktiv',
};

function entryFrom(csl: Record<string, unknown>, changes: Partial<EvidenceEntry> = {}): EvidenceEntry {
  const f = fieldsOf(csl);
  return {
    id: 'x', key: 'nordmann2021-fiktiv', kind: 'study', title: f.title, authors: f.authors, authors_incomplete: false, year: f.year, container_title: f.containerTitle, doi: f.doi, url: f.url, csl,
    design: null, population: null, setting: '', outcomes: [], main_finding: '', effect_size: '', effect_size_source: '', origin: 'import',
    checked_by: null, checked_at: null, created_by: null, created_at: new Date(), updated_at: new Date(), ...changes,
  };
}

describe('entries as CSL-JSON and as citations', () => {
  test('an unedited entry exports the record as it came, DOI casing and all', () => {
    assert.deepEqual(entryToCsl(entryFrom(record)), record);
  });

  test('an edited field is written back; the rest of the record is kept', () => {
    const csl = entryToCsl(entryFrom(record, { year: 2020, title: 'Fiktiv studie, rettet' }));
    assert.deepEqual(csl.issued, { 'date-parts': [[2020]] });
    assert.equal(csl.title, 'Fiktiv studie, rettet');
    assert.equal(csl.volume, '3');
    assert.equal(csl.DOI, '10.5555/Samklang.1');
  });

  test('a citation: up to three authors then "mfl.", "u.å." without a year, editors marked (red.)', () => {
    const many = entryFrom({ ...record, author: ['Aa', 'Bb', 'Cc', 'Dd'].map((family) => ({ family, given: 'Kari Anne' })) });
    assert.equal(citationText(many), 'Aa, K. A.; Bb, K. A.; Cc, K. A. mfl. (2021). Fiktiv studie. Tidsskrift for testdata.');
    const edited = entryFrom({ title: 'Fiktiv håndbok', editor: [{ family: 'Vik', given: 'Tor' }], publisher: 'Testforlaget' });
    assert.equal(citationText(edited), 'Vik, T. (red.) (u.å.). Fiktiv håndbok. Testforlaget.');
  });

  test('the seed classification names only records in the seed, with known codes', () => {
    const seed = JSON.parse(readFileSync(`${SEED_DIR}seed.csl.json`, 'utf8')) as { id: string }[];
    const classes = JSON.parse(readFileSync(`${SEED_DIR}classification.json`, 'utf8')) as Record<string, { kind: string; design?: string; population?: string; outcomes?: string[] }>;
    const keys = Object.keys(classes).filter((key) => key !== '_about');
    assert.deepEqual(keys.sort(), seed.map((r) => r.id).sort());
    for (const key of keys) {
      const c = classes[key]!;
      assert.ok(['study', 'guideline', 'resource'].includes(c.kind), key);
      assert.ok(c.design === undefined || ['systematic_review', 'rct', 'cohort', 'qualitative', 'other'].includes(c.design), key);
      assert.ok(c.population === undefined || ['rus', 'mental_health', 'both'].includes(c.population), key);
      assert.ok((c.outcomes ?? []).every((o) => ['engagement_motivation', 'craving', 'emotional_insight', 'anxiety', 'depression', 'social_functioning', 'other'].includes(o)), key);
    }
  });
});
