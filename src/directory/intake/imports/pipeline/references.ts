import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../platform/db/index.ts';
import { OPTIONAL_REFERENCES, REQUIRED_REFERENCES } from '../../../hsds/columns.ts';
import { TABLES, type Dataset, type FlatRow, type TableName } from '../../../hsds/dataset.ts';
import { msg } from '../../../../platform/i18n/index.ts';

const CHUNK = 2000;

/**
 * Rows whose id is one of these, bound as one array: thousands of separate parameters cost more to
 * parse and plan than the lookup itself (and PGlite does that work in the app's own thread).
 */
export const idIn = (ids: string[]) => sql<boolean>`id = any(${ids}::uuid[])`;

/** Which of the ids already exist in a table. */
export async function existingIds(db: Db, table: TableName, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom(table).select('id').where(idIn(ids.slice(i, i + CHUNK))).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Decides, per table, whether ids outside the file exist in the directory (one query per table). */
async function resolver(db: Db, dataset: Dataset, wanted: Map<TableName, Set<string>>) {
  const inDb = new Map<TableName, Set<string>>();
  for (const [table, ids] of wanted) inDb.set(table, await existingIds(db, table, [...ids].filter((id) => !dataset.get(table, id))));
  return (table: TableName, id: string) => dataset.get(table, id) !== undefined || (inDb.get(table)?.has(id) ?? false);
}

function want(wanted: Map<TableName, Set<string>>, table: TableName, id: unknown) {
  if (typeof id !== 'string') return;
  if (!wanted.has(table)) wanted.set(table, new Set());
  wanted.get(table)!.add(id);
}

/**
 * References must point at rows in the file or in the directory. A missing required one (a
 * service's organisation, an address's location) is a problem; a missing optional one (a parent
 * organisation, a term's parent) is dropped with a warning, and so is an attribute on nothing.
 */
export async function checkReferences(db: Db, dataset: Dataset): Promise<void> {
  const wanted = new Map<TableName, Set<string>>();
  for (const table of TABLES) {
    const refs = [...(REQUIRED_REFERENCES[table] ?? []), ...(OPTIONAL_REFERENCES[table] ?? [])];
    for (const [, { row }] of dataset.rows(table)) for (const [column, target] of refs) want(wanted, target, row[column]);
  }
  for (const [, { row }] of dataset.rows('attribute')) want(wanted, row.link_entity as TableName, row.link_id);
  const exists = await resolver(db, dataset, wanted);

  for (const table of TABLES) {
    for (const [id, entry] of dataset.rows(table)) {
      for (const [column, target] of REQUIRED_REFERENCES[table] ?? []) {
        const value = entry.row[column];
        if (typeof value === 'string' && !exists(target, value)) {
          dataset.problems.push({ where: entry.where, message: msg.hsdsImport.references.missing(column, value, target) });
        }
      }
      for (const [column, target] of OPTIONAL_REFERENCES[table] ?? []) {
        const value = entry.row[column];
        if (typeof value === 'string' && !exists(target, value)) {
          dataset.warnings.push({ where: entry.where, message: msg.hsdsImport.references.missingLink(column, value, target) });
          entry.row[column] = null;
        }
      }
      if (table === 'attribute' && !exists(entry.row.link_entity as TableName, String(entry.row.link_id))) {
        dataset.warnings.push({ where: entry.where, message: msg.hsdsImport.references.attributeOnNothing(String(entry.row.link_entity), String(entry.row.link_id)) });
        dataset.remove('attribute', id);
      }
    }
  }
  await checkMunicipalities(db, dataset);
  await checkUnique(db, dataset);
}

/**
 * A location's municipality decides where the finder shows it. When the file gives none, a
 * Norwegian address's postal code tells it (Bring's register); a given one must exist.
 */
async function checkMunicipalities(db: Db, dataset: Dataset): Promise<void> {
  const postal = new Map((await db.selectFrom('postal_code').select(['code', 'municipality_number']).execute()).map((p) => [p.code, p.municipality_number]));
  const municipalities = new Set((await db.selectFrom('municipality').select('number').execute()).map((m) => m.number));
  for (const [, address] of dataset.rows('address')) {
    const location = dataset.get('location', String(address.row.location_id));
    if (!location || location.row.municipality_number || address.row.country !== 'NO') continue;
    const number = postal.get(String(address.row.postal_code));
    if (number) location.row.municipality_number = number;
  }
  for (const [, location] of dataset.rows('location')) {
    const number = location.row.municipality_number;
    if (typeof number === 'string' && !municipalities.has(number)) {
      dataset.problems.push({ where: location.where, message: msg.hsdsImport.references.municipality(number) });
    }
  }
}

/**
 * Natural keys our tables keep unique, checked against the file and the directory together. Each
 * finds the directory's rows for a batch of the file's rows through an index of the key.
 */
const UNIQUE: [TableName, string[], (rows: FlatRow[]) => RawBuilder<boolean>][] = [
  ['organization_identifier', ['identifier_type', 'identifier'], (rows) => sql<boolean>`identifier_type = any(${values(rows, 'identifier_type')}::text[]) and identifier = any(${values(rows, 'identifier')}::text[])`],
  ['service_at_location', ['service_id', 'location_id'], (rows) => sql<boolean>`service_id = any(${values(rows, 'service_id')}::uuid[])`],
  ['attribute', ['link_entity', 'link_id', 'taxonomy_term_id'], (rows) => sql<boolean>`link_entity = any(${values(rows, 'link_entity')}::text[]) and link_id = any(${values(rows, 'link_id')}::uuid[])`],
  ['taxonomy_term', ['taxonomy_id', 'code'], (rows) => sql<boolean>`taxonomy_id = any(${values(rows, 'taxonomy_id')}::uuid[])`],
];
const values = (rows: FlatRow[], column: string) => [...new Set(rows.map((row) => String(row[column])))];

async function checkUnique(db: Db, dataset: Dataset): Promise<void> {
  for (const [table, columns, lookup] of UNIQUE) {
    const owners = new Map<string, string>();
    const rows = dataset.rows(table).filter(([, e]) => columns.every((c) => e.row[c] !== null && e.row[c] !== undefined));
    for (const [id, entry] of rows) {
      const key = columns.map((c) => String(entry.row[c])).join('\u0000');
      const other = owners.get(key);
      if (other && other !== id) dataset.problems.push({ where: entry.where, message: msg.hsdsImport.references.duplicateInFile(table, other, columns) });
      owners.set(key, id);
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map(([, e]) => e.row);
      const { rows: existing } = await sql<Record<string, unknown>>`select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
        where ${lookup(chunk)}`.execute(db);
      for (const found of existing) {
        const key = columns.map((c) => String(found[c])).join('\u0000');
        const owner = owners.get(key);
        if (owner && owner !== found.id) {
          const entry = dataset.get(table, owner)!;
          dataset.problems.push({ where: entry.where, message: msg.hsdsImport.references.duplicateInDirectory(table, String(found.id), columns) });
        }
      }
    }
  }
}
