/**
 * Every import format (nested HSDS JSON, ndjson, tabular CSV, our CSV template) becomes one
 * Dataset: flat rows per HSDS table, keyed by id, each remembering where in the file it came from,
 * so every problem can name its row or path.
 */
import { msg } from '../../platform/i18n/index.ts';
import { isUuid, UUID_PATTERN } from '../../platform/ids.ts';
import { COLUMNS } from './columns.ts';

/** The tables an import writes, in the order their rows can be written (referenced ones first). */
export const TABLES = [
  'taxonomy', 'taxonomy_term', 'organization', 'organization_identifier', 'program', 'location', 'address', 'accessibility',
  'service', 'service_at_location', 'contact', 'phone', 'schedule', 'language', 'attribute',
  'funding', 'service_area', 'cost_option', 'required_document',
  // ours, not an HSDS table: a service's text in other languages, folded from its translation attributes (profile.ts)
  'service_translation',
] as const;
export type TableName = (typeof TABLES)[number];
/** Tables of ours among TABLES: filled from a file's HSDS rows (profile.ts), never read or written as a table of a file. */
export const OWN_TABLES: readonly TableName[] = ['service_translation'];
/** The HSDS tables a file may hold and an export writes. */
export const HSDS_TABLES = TABLES.filter((table) => !OWN_TABLES.includes(table));

/** HSDS tables Samklang does not store; their rows are counted and reported with the reason (UNSTORED_TABLES), not imported. */
export const IGNORED_TABLES = ['metadata', 'meta_table_description'] as const;

export type Value = string | number | boolean | null;
export type FlatRow = Record<string, Value>;

export interface Finding {
  /** row or path in the file, e.g. "services.csv linje 4" or "linje 2.service_at_locations[0].location" */
  where: string;
  message: string;
}

/** Per table, the columns that hold a uuid: an id, or a reference to one. */
const UUID_COLUMNS = new Map<TableName, string[]>(TABLES.map((table) => [table,
  Object.entries(COLUMNS[table].columns).filter(([, schema]) => (schema as { pattern?: string }).pattern === UUID_PATTERN).map(([name]) => name)]));

/**
 * The row with its uuids in lower case, as PostgreSQL gives them back: a file may write them in
 * capitals (the pattern allows it), and the same id must then be the same row, in the file and in
 * the directory (a second import of such a file was refused as a duplicate key).
 */
function lowerCaseUuids(table: TableName, row: FlatRow): FlatRow {
  let lowered: FlatRow | null = null;
  for (const column of UUID_COLUMNS.get(table)!) {
    const value = row[column];
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    if (lower === value || !isUuid(value)) continue;
    lowered ??= { ...row };
    lowered[column] = lower;
  }
  return lowered ?? row;
}

interface Entry {
  row: FlatRow;
  where: string;
}

export class Dataset {
  readonly tables = new Map<TableName, Map<string, Entry>>(TABLES.map((t) => [t, new Map()]));
  readonly problems: Finding[] = [];
  readonly warnings: Finding[] = [];
  /** rows of tables we do not store, per table */
  readonly ignored = new Map<string, number>();
  /** fields we do not store, per "table.field", with the first place seen */
  readonly ignoredFields = new Map<string, { count: number; where: string }>();

  /**
   * Adds a row. The same id may appear more than once (HSDS nests one phone under its service,
   * contact and location alike): the occurrences merge, and a field given two different values is a problem.
   */
  add(table: TableName, given: FlatRow, where: string): void {
    const row = lowerCaseUuids(table, given);
    const id = row.id;
    if (typeof id !== 'string' || id === '') {
      this.problems.push({ where, message: msg.hsdsImport.row.noId(table) });
      return;
    }
    const rows = this.tables.get(table)!;
    const earlier = rows.get(id);
    if (!earlier) {
      rows.set(id, { row: { ...row }, where });
      return;
    }
    for (const field in row) {
      const value = row[field];
      const before = earlier.row[field];
      if (value === null || value === undefined) continue;
      if (before === null || before === undefined) earlier.row[field] = value;
      else if (String(before) !== String(value)) {
        this.problems.push({ where, message: msg.hsdsImport.row.repeated(table, id, earlier.where, field, String(value), String(before)) });
      }
    }
  }

  ignore(table: string, count = 1): void {
    this.ignored.set(table, (this.ignored.get(table) ?? 0) + count);
  }

  ignoreField(table: string, field: string, where: string): void {
    const key = `${table}.${field}`;
    const seen = this.ignoredFields.get(key);
    if (seen) seen.count += 1;
    else this.ignoredFields.set(key, { count: 1, where });
  }

  rows(table: TableName): [string, Entry][] {
    return [...this.tables.get(table)!.entries()];
  }

  get(table: TableName, id: string): Entry | undefined {
    return this.tables.get(table)!.get(id);
  }

  remove(table: TableName, id: string): void {
    this.tables.get(table)!.delete(id);
  }

  size(): number {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.size;
    return n;
  }
}
