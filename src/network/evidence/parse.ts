// Reading RIS, BibTeX and CSL-JSON with citation-js (never by hand), and checking every record
// before anything is written: one malformed record and the whole file is refused, naming it.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { msg } from '../../platform/i18n/index.ts';
import { fieldsOf, type CitationFields, type CslRecord } from './csl.ts';
import { maxYear, validDoi, validUrl, validYear, type EvidenceKind } from './model.ts';

export const IMPORT_FORMATS = ['ris', 'bibtex', 'csl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const MAX_IMPORT_BYTES = 500 * 1024;
export const MAX_IMPORT_RECORDS = 500;

export interface ParsedRecord {
  /** 1-based place in the file */
  number: number;
  /** the record's own key (BibTeX key, CSL id) when it has a usable one */
  key: string | null;
  kind: EvidenceKind;
  fields: CitationFields;
  /** the record as CSL-JSON, without citation-js's bookkeeping */
  csl: CslRecord;
}

export type ParseResult = { ok: true; format: ImportFormat; records: ParsedRecord[] } | { ok: false; error: string };

const m = () => msg.networkEvidence.import.errors;

/** The format a text is in, by its first signs; null when it is none of ours. */
export function detectFormat(text: string, fileName = ''): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ris')) return 'ris';
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  if (lower.endsWith('.json')) return 'csl';
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@[a-z]+\s*[{(]/im.test(text)) return 'bibtex';
  return null;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);

/**
 * Where a BibTeX file that citation-js refused goes wrong: each entry (from an "@" at the start of a
 * line to the next) is read on its own, and the first that fails is named by its key. Only used to
 * say which record is at fault; the file itself is always read whole.
 */
async function failingBibtexEntry(text: string): Promise<string> {
  const starts = [...text.matchAll(/^\s*@/gm)].map((match) => match.index ?? 0);
  for (const [index, start] of starts.entries()) {
    const chunk = text.slice(start, starts[index + 1] ?? text.length);
    if (/^\s*@(?:string|preamble|comment)\b/i.test(chunk)) continue;
    try {
      await Cite.async(chunk, { forceType: '@biblatex/text' });
    } catch (error) {
      const key = chunk.match(/^\s*@\w+\s*[{(]\s*([^,\s]+)/)?.[1] ?? '';
      const inChunk = Number(firstLine(error).match(/at line (\d+)/)?.[1] ?? 1);
      const line = text.slice(0, start).split('\n').length - 1 + inChunk;
      return m().unreadable(m().record(index + 1, key), m().syntaxAt(line));
    }
  }
  return m().unreadable(m().record(1, ''), m().syntax);
}

async function readRecords(text: string, format: ImportFormat): Promise<CslRecord[] | string> {
  if (format === 'csl') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return m().json(firstLine(error));
    }
    const list = Array.isArray(data) ? data : [data];
    for (const [index, item] of list.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return m().unreadable(m().record(index + 1, ''), m().notList);
    }
    return list as CslRecord[];
  }
  try {
    const cite = await Cite.async(text, { forceType: format === 'ris' ? '@ris/file' : '@biblatex/text' });
    return cite.data;
  } catch {
    if (format === 'bibtex') return failingBibtexEntry(text);
    return m().unreadable(m().record(1, ''), m().syntax);
  }
}

const KIND_BY_TYPE: Record<string, EvidenceKind> = { webpage: 'resource', book: 'resource', 'article-magazine': 'resource', 'post-weblog': 'resource' };

/** The record without citation-js's bookkeeping (_graph, temp ids). */
function clean(record: CslRecord): CslRecord {
  const { _graph: _ignored, ...rest } = record;
  if (typeof rest.id === 'string' && rest.id.startsWith('temp_id_')) delete rest.id;
  return rest;
}

function checkRecord(record: CslRecord, number: number, now: Date): ParsedRecord | string {
  const fields = fieldsOf(record);
  const id = typeof record['citation-key'] === 'string' ? record['citation-key'] : typeof record.id === 'string' ? record.id : '';
  const name = m().record(number, (fields.title || id).slice(0, 120));
  const fail = (why: string) => m().unreadable(name, why);
  if (!fields.title) return fail(m().noTitle);
  if (fields.title.length > 1000 || fields.containerTitle.length > 500 || fields.authors.length > 200) return fail(m().tooLong);
  if (fields.year !== null && !validYear(fields.year, now)) return fail(m().badYear(fields.yearText, maxYear(now)));
  if (fields.doi !== null && !validDoi(fields.doi)) return fail(m().badDoi(String(record.DOI)));
  if (fields.url !== null && !validUrl(fields.url)) return fail(m().badUrl(fields.url));
  const key = id.toLowerCase();
  return {
    number, fields, csl: clean(record),
    key: /^[a-z0-9][a-z0-9-]{0,99}$/.test(key) && !key.startsWith('temp_id') ? key : null,
    kind: KIND_BY_TYPE[String(record.type)] ?? 'study',
  };
}

/** Reads and checks a whole file: every record, or the first problem in words. */
export async function parseImport(text: string, chosen: ImportFormat | null, now: Date, fileName = ''): Promise<ParseResult> {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, error: msg.networkEvidence.import.errors.tooLarge };
  const format = chosen ?? detectFormat(text, fileName);
  if (!format) return { ok: false, error: m().unknownFormat };
  const raw = await readRecords(text, format);
  if (typeof raw === 'string') return { ok: false, error: raw };
  if (raw.length === 0) return { ok: false, error: m().empty };
  if (raw.length > MAX_IMPORT_RECORDS) return { ok: false, error: m().tooMany };
  const records: ParsedRecord[] = [];
  for (const [index, record] of raw.entries()) {
    const checked = checkRecord(record, index + 1, now);
    if (typeof checked === 'string') return { ok: false, error: checked };
    records.push(checked);
  }
  return { ok: true, format, records };
}
