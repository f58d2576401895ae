// An import from the parsed records: which are new, which the library or the file already has (by
// DOI), and writing the new ones in one transaction, audited.
import type { Tx } from '../../platform/db/index.ts';
import type { ParsedRecord } from './parse.ts';
import { doiIndex, insertEntry, takenKeys } from './queries.ts';
import { keyFor, uniqueKey } from './model.ts';
import type { PreviewRow } from './views/import-pages.tsx';

export async function previewRows(db: Tx, records: ParsedRecord[]): Promise<PreviewRow[]> {
  const inLibrary = await doiIndex(db, records.flatMap((r) => (r.fields.doi ? [r.fields.doi] : [])));
  const firstWith = new Map<string, number>();
  return records.map((record) => {
    const doi = record.fields.doi;
    const existingKey = doi ? inLibrary.get(doi) ?? null : null;
    const earlier = doi ? firstWith.get(doi) ?? null : null;
    if (doi && earlier === null) firstWith.set(doi, record.number);
    return {
      number: record.number, doi, existingKey, sameAs: existingKey ? null : earlier,
      citation: { authors: record.fields.authors, authors_incomplete: false, csl: record.csl, year: record.fields.year, title: record.fields.title, container_title: record.fields.containerTitle },
    };
  });
}

/** Writes the records that are new; returns how many were written and how many skipped as duplicates. */
export async function writeImport(db: Tx, records: ParsedRecord[], actor: string): Promise<{ written: number; skipped: number }> {
  const rows = await previewRows(db, records);
  const taken = await takenKeys(db);
  let written = 0;
  for (const [index, record] of records.entries()) {
    const row = rows[index]!;
    if (row.existingKey || row.sameAs) continue;
    const key = uniqueKey(record.key ?? keyFor(record.fields), taken);
    taken.add(key);
    const { fields } = record;
    await insertEntry(db, {
      key, origin: 'import', actor, csl: { ...record.csl, id: key },
      values: {
        kind: record.kind, title: fields.title, authors: fields.authors, authorsIncomplete: false, year: fields.year, containerTitle: fields.containerTitle, doi: fields.doi, url: fields.url,
        design: null, population: null, setting: '', outcomes: [], mainFinding: '', effectSize: '', effectSizeSource: '',
      },
    });
    written++;
  }
  return { written, skipped: records.length - written };
}
