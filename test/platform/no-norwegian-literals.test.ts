import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { catalogues, nb, type Catalogue } from '../../src/platform/i18n/index.ts';

/**
 * UI text lives in one place: the message catalogue under src/platform/i18n/<lang>/. A Norwegian
 * string literal anywhere else in src/ is text that a second language would miss. This walks every
 * string and template literal (and JSX text) with the TypeScript parser, so comments never count,
 * and fails on any that looks Norwegian: æ, ø or å, or a common Norwegian word.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const SRC = join(ROOT, 'src');

/** Where Norwegian text belongs, relative to src/. */
const EXEMPT_DIRS = ['platform/i18n/'];
/** Files of data, not UI text, each with why. */
const EXEMPT_FILES = new Map<string, string>([
  // The taxonomy is data: its codes are stored, used in URLs and exported (HSDS taxonomy_term,
  // FHIR CodeSystem) with their Norwegian names and descriptions. A second language gets term names
  // of its own beside the codes, not a catalogue entry per term.
  ['directory/taxonomy.ts', 'taxonomy data'],
  // The words people search with, beside the taxonomy: indexed and matched, never shown as UI text.
  ['directory/synonyms.ts', 'search word list'],
  // Fictional demo offers and the demo accounts: names, descriptions and addresses are content stored
  // in the database like any provider's own text, not UI text.
  ['directory/demo.ts', 'demo content'],
  ['accounts/demo.ts', 'demo content'],
  ['network/members/demo.ts', 'demo content'],
  ['network/courses/demo.ts', 'demo content'],
  // Norwegian words that make a password guessable: a word list for the strength check, never shown.
  ['accounts/norwegian-words.ts', 'password word list'],
]);

/**
 * Literals still outside the catalogue, as `file: literal`. Each is a TODO: move it into the
 * catalogue and delete its line here. The test also fails when a listed literal is gone, so the
 * list only shrinks.
 */
const ALLOWED = new Set<string>([]);

/**
 * Norwegian names that English text (API and CLI descriptions) may carry: proper names and the
 * Norwegian term beside its English one. They are taken out before a literal is judged.
 */
const NAMES = ['Statistisk sentralbyrå', 'Brønnøysund', 'Sør-Øst', '(årsverk)', 'Norwegian bokmål', 'Samklang tjenestenivå'];

const NORWEGIAN_LETTER = /[æøå]/i;
/** Words common in Norwegian text and rare in English or code. */
const NORWEGIAN_WORD = /(?:^|[\s(«])(?:og|ikke|er|du|til|av|med|som|på|har|kan|skal|må|eller|fra|vi|deg|din|ditt|dine|ingen|finnes|det|denne|dette|ett|en|et)(?=[\s.,:;!?)»]|$)/i;
/** "for" is Norwegian and English alike: it counts only in text with no common English word. */
const FOR = /(?:^|\s)for(?=\s)/i;
const ENGLISH_WORD = /(?:^|[\s(])(?:the|and|of|to|is|not|or|a|an|with|every|this|that|are|in|on|by|has|have|no|per|repeat|be|was|it|its|as|at|which|when|each|unless|stored|offers|Norwegian)(?=[\s.,:;)]|$)/i;
/** A single lower-case token is a code (a stored value, slug, key or password-list entry), not text. */
const CODE = /^[a-zæøå0-9:_./-]*$/;

function looksNorwegian(literal: string): boolean {
  if (CODE.test(literal)) return false;
  const text = NAMES.reduce((rest, name) => rest.split(name).join(''), literal);
  if (NORWEGIAN_LETTER.test(text) || NORWEGIAN_WORD.test(text)) return true;
  return FOR.test(text) && !ENGLISH_WORD.test(text);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text of every string literal, template (each written part), and JSX text in a file. */
export function literalsOf(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isLiteralTypeNode(node)) return; // 'a' | 'b' in a type is a key, not text
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${}'));
    } else if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export function norwegianLiterals(): string[] {
  const hits: string[] = [];
  for (const path of sourceFiles(SRC)) {
    const rel = relative(SRC, path);
    if (EXEMPT_DIRS.some((dir) => rel.startsWith(dir)) || EXEMPT_FILES.has(rel)) continue;
    for (const text of literalsOf(path, readFileSync(path, 'utf8'))) {
      if (looksNorwegian(text)) hits.push(`${rel}: ${text}`);
    }
  }
  return hits;
}

test('the detector reads literals, not comments', () => {
  const source = "// Du må ikke se dette\n/* blokk på norsk */\nconst a = 'Lagre endringer';\nconst b = `Hei ${'x'} og ha det`;\nconst c = <p>Dette er tekst</p>;\ntype T = 'på';\n";
  const literals = literalsOf('x.tsx', source);
  assert.deepEqual(literals, ['Lagre endringer', 'Hei ${} og ha det', 'x', 'Dette er tekst']);
  assert.deepEqual(literals.filter(looksNorwegian), ['Hei ${} og ha det', 'Dette er tekst']);
  for (const text of ['Sjekk før du lagrer', 'Du er logget inn', 'Tilbud for barn', 'Vi sender en e-post', 'Alder til', 'Slik får du tilbudet']) assert.ok(looksNorwegian(text), text);
  for (const text of ['service_id', 'text/csv; charset=utf-8', 'nb-NO', '/tilbud/:id', 'gjennomgått', 'Repeat for OR.', 'Population: Statistisk sentralbyrå (SSB), table 07459']) {
    assert.ok(!looksNorwegian(text), text);
  }
});

test('no Norwegian string literals in src/ outside the catalogue, content and taxonomy data', () => {
  const hits = norwegianLiterals();
  const unexpected = hits.filter((hit) => !ALLOWED.has(hit));
  assert.deepEqual(unexpected, [], `${unexpected.length} Norwegian literal(s) outside src/platform/i18n/: move them into the catalogue`);
  const stale = [...ALLOWED].filter((entry) => !hits.includes(entry));
  assert.deepEqual(stale, [], 'allow-list entries that no longer occur: delete them');
});

test('every language has the shape of the bokmål catalogue: a missing key or other arguments fail the type check', () => {
  const { about: _about, ...withoutAbout } = nb;
  // @ts-expect-error a catalogue without `about` is not a Catalogue
  const missingKey: Catalogue = withoutAbout;
  // @ts-expect-error a function taking other arguments is not the same entry
  const otherArguments: Catalogue = { ...nb, finder: { ...nb.finder, resultsTitle: (n: string) => n } };
  const otherWords: Catalogue = { ...nb, site: { ...nb.site, skipLink: 'Hopp til hovudinnhaldet' } };
  assert.ok(missingKey && otherArguments && otherWords);
  assert.deepEqual(Object.keys(catalogues), ['nb', 'nn', 'en']);
});
