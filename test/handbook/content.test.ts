import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CONTENT_DIR, PHASES, formatSection, parseSection, readSectionFiles } from '../../src/handbook/content.ts';
import { hasTopLevelHeading, headingId, renderMarkdown } from '../../src/handbook/markdown.ts';
import { snippetParts } from '../../src/handbook/search.ts';
import { lineDiff, withContext } from '../../src/handbook/diff.ts';

describe('handbook content files', () => {
  const sections = readSectionFiles();

  test('all four parts are there, ordered, every section a draft with a checklist of known phases', () => {
    assert.ok(sections.length >= 15);
    assert.deepEqual([...new Set(sections.map((s) => Math.floor(s.frontMatter.order / 100)))], [1, 2, 3, 4]);
    for (const section of sections) {
      assert.ok(section.frontMatter.checklist.every((item) => PHASES.includes(item.phase)), section.path);
      assert.ok(section.body.startsWith('## '), `${section.path}: the body starts at ##`);
      assert.equal(hasTopLevelHeading(section.body), false, section.path);
    }
  });

  test('every section that cites a source inline lists sources in its front matter', () => {
    for (const section of sections) {
      if (/\((Helsedirektoratet|Cochrane)[^)]*\d{4}/.test(section.body)) assert.ok(section.frontMatter.sources.length > 0, section.path);
    }
  });

  test('a file written back from its parsed form is byte for byte the file (export changes nothing it need not)', () => {
    for (const section of sections) {
      assert.equal(formatSection(section.frontMatter, section.body), readFileSync(join(CONTENT_DIR, section.path), 'utf8'), section.path);
    }
  });

  test('a file with a bad front matter field is refused with the file and field named', () => {
    assert.throws(() => parseSection('x/01-a.md', '---\ntitle: "A"\norder: 101\npart: "P"\nsummary: "S"\nsources: []\nlast_reviewed: null\nstatus: "ferdig"\nchecklist: []\n---\n\n## A\n'), /x\/01-a\.md: invalid front matter: \/status/);
    assert.throws(() => parseSection('x/01-a.md', '## No front matter\n'), /no front matter/);
  });
});

describe('Markdown rendering', () => {
  test('headings get readable ids with Norwegian letters spelt out, and a table of contents', () => {
    assert.equal(headingId('Hva sier de nasjonale retningslinjene?'), 'hva-sier-de-nasjonale-retningslinjene');
    assert.equal(headingId('Rom, lyd og størrelse – på én gang'), 'rom-lyd-og-storrelse-pa-en-gang');
    const rendered = renderMarkdown('## Første del\n\nTekst.\n\n### Under\n\n## Første del\n');
    assert.deepEqual(rendered.toc.map((e) => [e.id, e.level]), [['forste-del', 2], ['under', 3], ['forste-del-2', 2]]);
    assert.match(rendered.html, /<h2 id="forste-del">Første del<\/h2>/);
  });

  test('raw HTML and script links in Markdown are never rendered as markup', () => {
    const rendered = renderMarkdown('## A\n\n<script>alert(1)</script> [lenke](javascript:alert(1)) <img src=x onerror=alert(1)>');
    assert.doesNotMatch(rendered.html, /<script|<img|href="javascript/);
    assert.match(rendered.html, /&lt;script&gt;/);
  });

  test('tables get Designsystemet’s class and the plain text keeps the words', () => {
    const rendered = renderMarkdown('## T\n\n| A | B |\n|---|---|\n| **fet** | 2 |\n');
    assert.match(rendered.html, /<table class="ds-table">/);
    assert.match(rendered.text, /fet/);
  });
});

describe('search snippets and diffs', () => {
  test('highlight markers become parts, never HTML', () => {
    assert.deepEqual(snippetParts('før \u0001treff\u0002 <b>etter</b>'), [
      { text: 'før ', match: false }, { text: 'treff', match: true }, { text: ' <b>etter</b>', match: false },
    ]);
  });

  test('a line diff shows removed and added lines and folds unchanged lines far from a change', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g'].join('\n');
    const lines = lineDiff(before, after);
    assert.deepEqual(lines.filter((l) => l.kind !== 'same'), [{ kind: 'removed', text: 'd' }, { kind: 'added', text: 'D' }]);
    assert.deepEqual(withContext(lines, 1).map((l) => (l.kind === 'gap' ? `…${l.count}` : l.text)), ['…2', 'c', 'd', 'D', 'e', '…2']);
  });
});
