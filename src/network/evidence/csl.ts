// Between CSL-JSON records and library entries: what an entry's columns are taken from, the record
// an entry exports as, and the one-line citation pages show.
import { msg } from '../../platform/i18n/index.ts';
import { normaliseDoi, type CslName, type EvidenceEntry } from './model.ts';

export type CslRecord = Record<string, unknown>;

/** The bibliographic facts an entry keeps in columns, as a CSL record gives them. */
export interface CitationFields {
  title: string;
  authors: CslName[];
  year: number | null;
  containerTitle: string;
  doi: string | null;
  url: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function names(value: unknown): CslName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name): CslName[] => {
    if (typeof name !== 'object' || name === null) return [];
    const { family, given, literal } = name as Record<string, unknown>;
    if (text(literal)) return [{ literal: text(literal) }];
    if (!text(family) && !text(given)) return [];
    return [{ ...(text(family) ? { family: text(family) } : {}), ...(text(given) ? { given: text(given) } : {}) }];
  });
}

/** The year of `issued` as written (date-parts, or a raw date text); '' when there is none. */
export function yearText(record: CslRecord): string {
  const issued = record.issued as { 'date-parts'?: unknown[][]; raw?: unknown; literal?: unknown } | undefined;
  const part = issued?.['date-parts']?.[0]?.[0];
  if (part !== undefined && part !== null && text(part)) return text(part);
  return text(issued?.raw ?? issued?.literal);
}

/** A year text as a number: four digits in it, else NaN (the caller names the bad value). */
export function yearOf(value: string): number | null {
  if (!value) return null;
  const match = value.match(/^\s*(\d{4})(?:\D|$)/);
  return match ? Number(match[1]) : Number.NaN;
}

export function fieldsOf(record: CslRecord): CitationFields & { yearText: string } {
  const year = yearText(record);
  return {
    title: text(record.title).replace(/\s+/g, ' '),
    authors: names(record.author),
    yearText: year,
    year: yearOf(year),
    containerTitle: text(record['container-title']) || text(record.publisher),
    doi: normaliseDoi(text(record.DOI)),
    url: text(record.URL) || null,
  };
}

/**
 * The entry as a CSL-JSON record: the record it came from, with the fields edited since written
 * back (a field that still says what the record says is left as the record has it).
 */
export function entryToCsl(entry: EvidenceEntry): CslRecord {
  const base: CslRecord = { ...entry.csl, id: entry.key };
  const before = fieldsOf(entry.csl);
  if (entry.title !== before.title) base.title = entry.title;
  if (JSON.stringify(entry.authors) !== JSON.stringify(before.authors)) base.author = entry.authors;
  if (entry.year !== before.year) base.issued = entry.year === null ? undefined : { 'date-parts': [[entry.year]] };
  if (entry.container_title !== before.containerTitle) base['container-title'] = entry.container_title || undefined;
  if (entry.doi !== before.doi) base.DOI = entry.doi ?? undefined;
  if (entry.url !== before.url) base.URL = entry.url ?? undefined;
  if (!base.type) base.type = entry.kind === 'guideline' ? 'report' : entry.kind === 'resource' ? 'webpage' : 'article-journal';
  return JSON.parse(JSON.stringify(base)) as CslRecord;
}

const initials = (given: string) => given.split(/[\s.]+/).filter(Boolean).map((part) => part.split('-').map((p) => `${p[0]}.`).join('-')).join(' ');
const shortName = (name: CslName) => name.literal ?? [name.family, name.given ? initials(name.given) : ''].filter(Boolean).join(', ');

/** Authors for a citation: up to three, then "mfl."; the editors (red.) when there are no authors. */
export function authorsText(authors: CslName[], csl: CslRecord, incomplete = false): string {
  const m = msg.networkEvidence;
  const editors = authors.length === 0 ? names(csl.editor) : [];
  const list = authors.length > 0 ? authors : editors;
  if (list.length === 0) return '';
  const shown = list.slice(0, 3).map(shortName).join('; ');
  const more = list.length > 3 || (incomplete && authors.length > 0) ? ` ${m.etAl}` : '';
  return `${shown}${more}${editors.length > 0 ? ` ${m.editors}` : ''}`;
}

/**
 * "Musikkterapi i rusfeltet (Kielland mfl. 2013)": the title with its first author and year, for a
 * page's title, so two works with the same title are told apart in tabs, history and bookmarks.
 */
export function titleWithAuthorYear(entry: Pick<EvidenceEntry, 'authors' | 'authors_incomplete' | 'year' | 'title'>): string {
  const first = entry.authors[0];
  const who = first ? `${first.literal ?? first.family ?? ''}${entry.authors.length > 1 || entry.authors_incomplete ? ` ${msg.networkEvidence.etAl}` : ''}` : '';
  const label = [who, entry.year === null ? '' : String(entry.year)].filter(Boolean).join(' ');
  return label ? `${entry.title} (${label})` : entry.title;
}

/** "Ghetti, C.; Chen, X.; Brenner, A. K. mfl. (2022). Title. Container." */
export function citationText(entry: Pick<EvidenceEntry, 'authors' | 'authors_incomplete' | 'csl' | 'year' | 'title' | 'container_title'>): string {
  const who = authorsText(entry.authors, entry.csl, entry.authors_incomplete);
  const year = `(${entry.year ?? msg.networkEvidence.noYear})`;
  // a report's number (IS-1957) is how guidelines are found
  const number = entry.csl.type === 'report' && typeof entry.csl.number === 'string' ? ` (${entry.csl.number})` : '';
  const title = `${entry.title.replace(/[.\s]+$/, '')}${number}`;
  return [who ? `${who} ${year}.` : `${year}.`, `${title}.`, entry.container_title ? `${entry.container_title}.` : ''].filter(Boolean).join(' ');
}
