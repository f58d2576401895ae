import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse, stringify } from 'yaml';

/** Where the Norwegian bokmål sections live in the repository. */
export const CONTENT_DIR = fileURLToPath(new URL('../../content/handbook/nb', import.meta.url));

/** The planner's phases, in the order an establishment goes through them. */
export const PHASES = ['behov', 'forankring', 'finansiering', 'stilling', 'rom', 'oppstart', 'evaluering'] as const;
export type Phase = (typeof PHASES)[number];

const ChecklistItemSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  phase: Type.Union(PHASES.map((phase) => Type.Literal(phase))),
  text: Type.String({ minLength: 1 }),
}, { additionalProperties: false });
export type ChecklistItem = Static<typeof ChecklistItemSchema>;

/** The front matter fields described in content/handbook/nb/README.md. */
const FrontMatterSchema = Type.Object({
  title: Type.String({ minLength: 1 }),
  order: Type.Integer({ minimum: 100 }),
  part: Type.String({ minLength: 1 }),
  summary: Type.String({ minLength: 1 }),
  sources: Type.Array(Type.String({ minLength: 1 })),
  last_reviewed: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
  status: Type.Union([Type.Literal('utkast'), Type.Literal('gjennomgått')]),
  checklist: Type.Array(ChecklistItemSchema, { maxItems: 6 }),
}, { additionalProperties: false });
export type FrontMatter = Static<typeof FrontMatterSchema>;

export interface SectionFile {
  /** path below the content folder, with forward slashes */
  path: string;
  slug: string;
  frontMatter: FrontMatter;
  body: string;
  checksum: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export const checksum = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** "02-stillingsstorrelse.md" → "stillingsstorrelse": the number orders, the rest names. */
export const slugOf = (path: string) => basename(path, '.md').replace(/^\d+-/, '');

/** Splits a file into its YAML front matter and Markdown body, validating every field. */
export function parseSection(path: string, text: string): SectionFile {
  const match = FENCE.exec(text);
  if (!match) throw new Error(`${path}: no front matter (a block between --- lines at the top)`);
  const data: unknown = parse(match[1]!);
  const errors = [...Value.Errors(FrontMatterSchema, data)].map((e) => `${e.path || '/'} ${e.message}`);
  if (errors.length > 0) throw new Error(`${path}: invalid front matter: ${errors.join('; ')}`);
  return { path, slug: slugOf(path), frontMatter: data as FrontMatter, body: match[2]!.replace(/^\n+/, ''), checksum: checksum(text) };
}

/** The file text for a section: the inverse of parseSection, in the style the files are written in. */
export function formatSection(frontMatter: FrontMatter, body: string): string {
  const ordered: FrontMatter = {
    title: frontMatter.title, order: frontMatter.order, part: frontMatter.part, summary: frontMatter.summary,
    sources: frontMatter.sources, last_reviewed: frontMatter.last_reviewed, status: frontMatter.status,
    checklist: frontMatter.checklist.map((item) => ({ id: item.id, phase: item.phase, text: item.text })),
  };
  const yaml = stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.replace(/\s+$/, '')}\n`;
}

/** Every section file below the folder (README.md is documentation, not a section), checked as a whole. */
export function readSectionFiles(dir = CONTENT_DIR): SectionFile[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => name.endsWith('.md') && basename(name) !== 'README.md')
    .sort();
  const sections = files.map((name) => parseSection(relative(dir, join(dir, name)).split('\\').join('/'), readFileSync(join(dir, name), 'utf8')));
  assertUnique(sections.map((s) => s.slug), 'section slug');
  assertUnique(sections.map((s) => String(s.frontMatter.order)), 'order');
  assertUnique(sections.flatMap((s) => s.frontMatter.checklist.map((item) => item.id)), 'checklist id');
  return sections.sort((a, b) => a.frontMatter.order - b.frontMatter.order);
}

function assertUnique(values: string[], what: string) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`Handbook content: ${what} "${value}" is used twice`);
    seen.add(value);
  }
}
