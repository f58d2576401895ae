// The checked seed records (data/evidence/, see its README) into the library at start. Idempotent:
// a record whose key or DOI is already there is skipped, so edits made since are kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { fieldsOf, type CslRecord } from './csl.ts';
import { isDesign, isKind, isOutcome, isPopulation } from './model.ts';

export const SEED_DIR = fileURLToPath(new URL('../../../data/evidence/', import.meta.url));

interface Classification { authorsIncomplete?: boolean; kind?: string; design?: string; population?: string; outcomes?: string[] }

export async function loadEvidenceSeed(db: Db, dir = SEED_DIR): Promise<number> {
  const records = JSON.parse(readFileSync(`${dir}seed.csl.json`, 'utf8')) as CslRecord[];
  const classes = JSON.parse(readFileSync(`${dir}classification.json`, 'utf8')) as Record<string, Classification>;
  const rows = records.map((record) => {
    const key = String(record.id);
    const fields = fieldsOf(record);
    const c = classes[key] ?? {};
    return {
      id: newId(), key, kind: c.kind && isKind(c.kind) ? c.kind : 'study' as const, title: fields.title, authors: JSON.stringify(fields.authors), authors_incomplete: c.authorsIncomplete === true,
      year: fields.year, container_title: fields.containerTitle, doi: fields.doi, url: fields.url, csl: JSON.stringify(record),
      design: c.design && isDesign(c.design) ? c.design : null, population: c.population && isPopulation(c.population) ? c.population : null,
      outcomes: JSON.stringify((c.outcomes ?? []).filter(isOutcome)), origin: 'seed' as const,
    };
  });
  const result = await db.insertInto('evidence_entry').values(rows).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
