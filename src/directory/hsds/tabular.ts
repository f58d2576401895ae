import { COLUMNS } from './columns.ts';
import { HSDS_TABLES, IGNORED_TABLES, type Dataset, type FlatRow, type TableName } from './dataset.ts';
import { msg } from '../../platform/i18n/index.ts';

/** HSDS tabular file names (datapackage resource paths) and the table each holds. */
const FILE_TABLES: Record<string, TableName | (typeof IGNORED_TABLES)[number]> = {
  organizations: 'organization', organization_identifiers: 'organization_identifier', services: 'service', locations: 'location',
  addresses: 'address', service_at_location: 'service_at_location', service_at_locations: 'service_at_location', contacts: 'contact',
  phones: 'phone', schedules: 'schedule', languages: 'language', accessibility: 'accessibility', accessibility_for_disabilities: 'accessibility',
  taxonomies: 'taxonomy', taxonomy_terms: 'taxonomy_term', attributes: 'attribute', programs: 'program', funding: 'funding',
  cost_options: 'cost_option', service_areas: 'service_area', required_documents: 'required_document', metadata: 'metadata',
  meta_table_descriptions: 'meta_table_description',
};

const KINDS = new Set<string>([...HSDS_TABLES, ...IGNORED_TABLES]);

/** The table a tabular file holds, from its name ("services.csv", "data/phones.csv", or the table name itself), or null. */
export function tableOfFile(path: string) {
  const base = path.split(/[\\/]/).pop()!.replace(/\.csv$/i, '').toLowerCase();
  return FILE_TABLES[base] ?? (KINDS.has(base) ? (base as TableName | (typeof IGNORED_TABLES)[number]) : null);
}

/**
 * Adds the rows of one tabular file. An empty cell is an omitted field; text is converted to the
 * column's type when the rows are validated.
 */
export function addTabularRows(dataset: Dataset, file: string, rows: { where: string; values: Record<string, unknown> }[]): void {
  const table = tableOfFile(file);
  if (table === null) {
    dataset.warnings.push({ where: file, message: msg.hsdsImport.tabular.unknownFile });
    return;
  }
  if (!(table in COLUMNS)) {
    if (rows.length > 0) dataset.ignore(table, rows.length);
    return;
  }
  const stored = table as TableName;
  const known = COLUMNS[stored].columns;
  for (const { where, values } of rows) {
    const row: FlatRow = {};
    for (const [field, value] of Object.entries(values)) {
      if (value === '' || value === null || value === undefined) continue;
      if (field in known) row[field] = value as FlatRow[string];
      else dataset.ignoreField(stored, field, `${where} (${field})`);
    }
    dataset.add(stored, row, where);
  }
}

