import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { detectFormat, parseImport } from '../../../src/network/evidence/parse.ts';
import { keyFor, normaliseDoi, validDoi } from '../../../src/network/evidence/model.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/evidence/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2026-11-30T12:00:00Z');

describe('reading citation files with citation-js', () => {
  test('RIS: both records, with authors, year, journal and the DOI normalised to lower case', async () => {
    const result = await parseImport(fixture('two-studies.ris'), null, NOW, 'two-studies.ris');
    assert.ok(result.ok);
    assert.equal(result.format, 'ris');
    assert.deepEqual(result.records.map((r) => r.fields.title), ['Fiktiv studie om musikkterapi og motivasjon', 'Fiktiv kvalitativ studie om sang i rusbehandling']);
    assert.deepEqual(result.records[0]!.fields.authors, [{ family: 'Nordmann', given: 'Kari' }, { family: 'Hansen', given: 'Ola' }]);
    assert.equal(result.records[0]!.fields.year, 2021);
    assert.equal(result.records[0]!.fields.containerTitle, 'Tidsskrift for testdata');
    assert.equal(result.records[0]!.fields.doi, '10.5555/samklang.ris.1');
    assert.equal(result.records[1]!.fields.doi, null);
  });

  test('BibTeX: the keys become citation keys; a book is another kind of source', async () => {
    const result = await parseImport(fixture('studies.bib'), null, NOW);
    assert.ok(result.ok);
    assert.equal(result.format, 'bibtex');
    assert.deepEqual(result.records.map((r) => r.key), ['lie2020fiktiv', 'vik2018fiktiv']);
    assert.deepEqual(result.records.map((r) => r.kind), ['study', 'resource']);
    assert.equal(result.records[1]!.fields.containerTitle, 'Testforlaget');
  });

  test('CSL-JSON: read natively; a DOI given as a doi.org link in capitals is the same DOI', async () => {
    const result = await parseImport(fixture('studies.csl.json'), null, NOW);
    assert.ok(result.ok);
    assert.deepEqual(result.records.map((r) => r.fields.doi), ['10.5555/samklang.csl.1', '10.5555/samklang.csl.1']);
  });

  test('a malformed record is named in Norwegian, and the whole file is refused', async () => {
    const ris = await parseImport(fixture('malformed-year.ris'), null, NOW);
    assert.equal(ris.ok, false);
    assert.match(!ris.ok ? ris.error : '', /^Referanse nr\. 2 \(«Fiktiv studie med ødelagt årstall»\) kan ikke leses: årstallet «tjuetjue» er ikke et år mellom 1900 og 2027\.$/);
    const bib = await parseImport(fixture('malformed.bib'), null, NOW);
    assert.equal(bib.ok, false);
    assert.match(!bib.ok ? bib.error : '', /^Referanse nr\. 2 \(«brutt2021fiktiv»\) kan ikke leses: formatet er feil rundt linje \d+/);
  });

  test('other bad input: not JSON, no title, a bad DOI, an unknown format, nothing at all', async () => {
    const cases: [string, RegExp][] = [
      ['[{"title": "x"', /^Fila er ikke gyldig JSON/],
      ['[{"id": "a", "type": "article-journal"}]', /nr\. 1 \(«a»\).*ingen tittel/],
      ['[{"title": "Fiktiv", "DOI": "11.1/x"}]', /DOI-en «11\.1\/x» har feil form/],
      ['[{"title": "Fiktiv", "URL": "ftp://x"}]', /lenken «ftp:\/\/x»/],
      ['[1, 2]', /nr\. 1 kan ikke leses: CSL-JSON må være en liste/],
      ['bare litt tekst', /kjenner ikke igjen formatet/],
      ['[]', /Fant ingen referanser/],
    ];
    for (const [text, error] of cases) {
      const result = await parseImport(text, null, NOW);
      assert.equal(result.ok, false, text);
      assert.match(!result.ok ? result.error : '', error, text);
    }
    const big = await parseImport(`[${'{"title":"Fiktiv"},'.repeat(501)}{"title":"Fiktiv"}]`, 'csl', NOW);
    assert.match(!big.ok ? big.error : '', /mer enn 500 referanser/);
  });

  test('formats are told apart by file name or by their first signs', () => {
    assert.equal(detectFormat('', 'a.RIS'), 'ris');
    assert.equal(detectFormat('', 'a.bib'), 'bibtex');
    assert.equal(detectFormat('TY  - JOUR\nER  - \n'), 'ris');
    assert.equal(detectFormat('\n@article{x, title={y}}'), 'bibtex');
    assert.equal(detectFormat(' [ ]'), 'csl');
    assert.equal(detectFormat('hei'), null);
  });

  test('DOIs are compared case-insensitively, without resolver or "doi:" prefix', () => {
    assert.equal(normaliseDoi(' https://doi.org/10.1002/14651858.CD012576.pub3 '), '10.1002/14651858.cd012576.pub3');
    assert.equal(normaliseDoi('doi:10.1093/JMT/THU057'), '10.1093/jmt/thu057');
    assert.equal(normaliseDoi('http://dx.doi.org/10.1159%2F000348452'), '10.1159/000348452');
    assert.equal(normaliseDoi('  '), null);
    assert.equal(validDoi('10.1159/000348452'), true);
    assert.equal(validDoi('10.12/x'), false);
    assert.equal(validDoi('10.1159/has space'), false);
  });

  test('a citation key from first author, year and a title word, with Norwegian letters folded', () => {
    assert.equal(keyFor({ authors: [{ family: 'Sørensen', given: 'Åse' }], year: 2020, title: 'Fiktiv studie' }), 'sorensen2020-fiktiv');
    assert.equal(keyFor({ authors: [{ literal: 'Helsedirektoratet' }], year: null, title: 'Nasjonal retningslinje' }), 'helsedirektoratet-nasjonal');
  });
});
