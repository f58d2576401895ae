// The evidence library's vocabulary and the checks every way in (forms, imports, the seed) shares.
import type { CslName, EvidenceDesign, EvidenceEntryTable, EvidenceKind, EvidenceOutcome, EvidencePopulation } from '../../platform/db/schema/index.ts';
import type { Selectable } from 'kysely';

export const KINDS = ['study', 'guideline', 'resource'] as const satisfies readonly EvidenceKind[];
export const DESIGNS = ['systematic_review', 'rct', 'cohort', 'qualitative', 'other'] as const satisfies readonly EvidenceDesign[];
export const POPULATIONS = ['rus', 'mental_health', 'both'] as const satisfies readonly EvidencePopulation[];
export const OUTCOMES = ['engagement_motivation', 'craving', 'emotional_insight', 'anxiety', 'depression', 'social_functioning', 'other'] as const satisfies readonly EvidenceOutcome[];

export type EvidenceEntry = Selectable<EvidenceEntryTable>;
export type { CslName, EvidenceDesign, EvidenceKind, EvidenceOutcome, EvidencePopulation };

export const isDesign = (value: string): value is EvidenceDesign => (DESIGNS as readonly string[]).includes(value);
export const isPopulation = (value: string): value is EvidencePopulation => (POPULATIONS as readonly string[]).includes(value);
export const isOutcome = (value: string): value is EvidenceOutcome => (OUTCOMES as readonly string[]).includes(value);
export const isKind = (value: string): value is EvidenceKind => (KINDS as readonly string[]).includes(value);

export const KEY_PATTERN = '^[a-z0-9][a-z0-9-]{0,99}$';
const DOI = /^10\.\d{4,9}\/\S+$/;

/**
 * A DOI as stored and compared: trimmed, without a resolver or "doi:" prefix, lower case (DOIs are
 * case-insensitive). Null when the text is empty; the text itself when it cannot be a DOI, so the
 * caller can say what was wrong (see validDoi).
 */
export function normaliseDoi(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return null;
  const bare = trimmed.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // not percent-encoded: keep as written
  }
  return decoded.toLowerCase();
}

export const validDoi = (doi: string): boolean => DOI.test(doi) && doi.length <= 300;

/** A year a source can have been published in: 1900 up to next year (in press). */
export const maxYear = (now: Date): number => now.getUTCFullYear() + 1;
export const validYear = (year: number, now: Date): boolean => Number.isInteger(year) && year >= 1900 && year <= maxYear(now);

export const validUrl = (url: string): boolean => /^https?:\/\/\S+$/.test(url) && url.length <= 2000;

/** "Etternavn, Fornavn" per line, or an organisation's name as written. */
export function parseAuthors(text: string): CslName[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const comma = line.indexOf(',');
    if (comma < 0) return { literal: line };
    const family = line.slice(0, comma).trim();
    const given = line.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  });
}

export const authorLine = (name: CslName): string => name.literal ?? [name.family, name.given].filter(Boolean).join(', ');

/** A citation key from the first author, year and the title's first word: ghetti2022-music. */
export function keyFor(record: { authors: CslName[]; year: number | null; title: string }): string {
  const first = record.authors[0];
  const name = first ? (first.family ?? first.literal ?? '') : '';
  const word = record.title.split(/\s+/).find((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length > 3) ?? record.title;
  const slug = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const key = [slug(name).slice(0, 30) + (record.year ?? ''), slug(word).slice(0, 30)].filter(Boolean).join('-');
  return /^[a-z0-9]/.test(key) ? key.slice(0, 80) : `kilde-${key}`.slice(0, 80);
}

/** key, key-2, key-3 …: the first not in `taken`. */
export function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
