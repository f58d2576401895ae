import type { Db } from '../../platform/db/index.ts';
import type { Audience } from './filters.ts';
import { organizationDocuments, serviceDocuments, taxonomyDocuments, termDocuments } from './documents.ts';
import { catalogueIdBatches, organizationIdBatches, serviceIdBatches } from './queries.ts';
import { sql } from 'kysely';
import { yieldToRequests } from '../../platform/event-loop.ts';
import { Dataset, HSDS_TABLES, flattenObject } from '../../directory/index.ts';

/**
 * The whole directory in HSDS tabular form, as JSON ({"service": [rows], ...}), the shape of the
 * spec's compiled tabular schema, and what the import reads back. It is built by flattening the same
 * public documents the API serves, so confidential locations are masked here too. /hsds/tabular.json
 * asks for the 'public' audience; the import's round trip copies everything.
 */
export async function tabularExport(db: Db, audience: Audience = 'everything'): Promise<Record<string, Record<string, unknown>[]>> {
  const dataset = new Dataset();
  // between batches requests get their turn: with PGlite a chain of queries alone never lets them in
  for await (const ids of serviceIdBatches(db, { audience })) {
    for (const document of await serviceDocuments(db, ids, 'full', audience)) flattenObject(dataset, 'service', document, `service ${String(document.id)}`);
    await yieldToRequests();
  }
  for await (const ids of organizationIdBatches(db, sql<boolean>`true`)) {
    await yieldToRequests();
    for (const document of await organizationDocuments(db, ids, 'full', audience)) {
      const { services: _, ...organization } = document;
      flattenObject(dataset, 'organization', organization, `organization ${String(document.id)}`);
    }
  }
  for await (const ids of catalogueIdBatches(db, 'taxonomy', {})) {
    for (const document of await taxonomyDocuments(db, ids)) flattenObject(dataset, 'taxonomy', document, 'taxonomy');
  }
  for await (const ids of catalogueIdBatches(db, 'taxonomy_term', {})) {
    for (const document of await termDocuments(db, ids)) flattenObject(dataset, 'taxonomy_term', document, 'taxonomy_term');
  }
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of HSDS_TABLES) {
    tables[table] = dataset.rows(table)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, { row }]) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));
  }
  return tables;
}

/** Rows written per piece of the JSON text, so writing it out never holds the event loop long. */
const ROWS_PER_PIECE = 2000;

/** The tabular export as JSON text in pieces (what /hsds/tabular.json sends, through its cache). */
export async function* tabularExportJson(db: Db, audience: Audience): AsyncGenerator<string> {
  const tables = await tabularExport(db, audience);
  yield '{';
  let first = true;
  for (const [table, rows] of Object.entries(tables)) {
    yield `${first ? '' : ','}${JSON.stringify(table)}:[`;
    first = false;
    for (let i = 0; i < rows.length; i += ROWS_PER_PIECE) {
      yield `${i === 0 ? '' : ','}${rows.slice(i, i + ROWS_PER_PIECE).map((row) => JSON.stringify(row)).join(',')}`;
    }
    yield ']';
  }
  yield '}';
}
