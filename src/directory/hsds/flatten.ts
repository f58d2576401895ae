import { COLUMNS } from './columns.ts';
import { HSDS_TABLES, IGNORED_TABLES, TABLES, type Dataset, type FlatRow, type TableName, type Value } from './dataset.ts';
import { msg } from '../../platform/i18n/index.ts';

/**
 * How deep HSDS objects and lists may nest. The deepest the spec needs is a page of services with
 * their locations' addresses (about a dozen); past this the file is not HSDS, and reading on would
 * only fill the stack (20,000 levels did, and the import ended in a 500).
 */
export const MAX_NESTING = 64;

type Kind = TableName | (typeof IGNORED_TABLES)[number];

/**
 * How HSDS nests one object in another: `down` children point at their parent with a column of
 * their own (a phone's service_id); an `up` child is pointed at by its parent (a service's organization_id).
 */
interface Nest {
  kind: Kind;
  down?: string;
  up?: string;
}
const common = { attributes: { kind: 'attribute' }, metadata: { kind: 'metadata' } } satisfies Record<string, Nest>;
const NESTING: Partial<Record<Kind, Record<string, Nest>>> = {
  service: {
    ...common, phones: { kind: 'phone', down: 'service_id' }, schedules: { kind: 'schedule', down: 'service_id' },
    service_areas: { kind: 'service_area', down: 'service_id' }, service_at_locations: { kind: 'service_at_location', down: 'service_id' },
    languages: { kind: 'language', down: 'service_id' }, organization: { kind: 'organization', up: 'organization_id' },
    funding: { kind: 'funding', down: 'service_id' }, cost_options: { kind: 'cost_option', down: 'service_id' }, program: { kind: 'program', up: 'program_id' },
    required_documents: { kind: 'required_document', down: 'service_id' }, contacts: { kind: 'contact', down: 'service_id' },
  },
  organization: {
    ...common, funding: { kind: 'funding', down: 'organization_id' }, contacts: { kind: 'contact', down: 'organization_id' }, phones: { kind: 'phone', down: 'organization_id' },
    locations: { kind: 'location', down: 'organization_id' }, programs: { kind: 'program', down: 'organization_id' },
    organization_identifiers: { kind: 'organization_identifier', down: 'organization_id' }, services: { kind: 'service', down: 'organization_id' },
  },
  location: {
    ...common, languages: { kind: 'language', down: 'location_id' }, addresses: { kind: 'address', down: 'location_id' },
    contacts: { kind: 'contact', down: 'location_id' }, accessibility: { kind: 'accessibility', down: 'location_id' },
    phones: { kind: 'phone', down: 'location_id' }, schedules: { kind: 'schedule', down: 'location_id' },
  },
  service_at_location: {
    ...common, contacts: { kind: 'contact', down: 'service_at_location_id' }, phones: { kind: 'phone', down: 'service_at_location_id' },
    schedules: { kind: 'schedule', down: 'service_at_location_id' }, location: { kind: 'location', up: 'location_id' },
    service: { kind: 'service', up: 'service_id' },
  },
  contact: { ...common, phones: { kind: 'phone', down: 'contact_id' } },
  phone: { ...common, languages: { kind: 'language', down: 'phone_id' } },
  attribute: { metadata: { kind: 'metadata' }, taxonomy_term: { kind: 'taxonomy_term', up: 'taxonomy_term_id' } },
  taxonomy_term: { metadata: { kind: 'metadata' }, taxonomy_detail: { kind: 'taxonomy', up: 'taxonomy_id' } },
};
const COMMON_ENTRIES = Object.entries(common) as [string, Nest][];
const NESTING_ENTRIES = new Map(Object.entries(NESTING).map(([kind, nesting]) => [kind, Object.entries(nesting) as [string, Nest][]]));
const TABULAR_KEYS = new Set<string>([...HSDS_TABLES, ...IGNORED_TABLES]);
const ATTRIBUTE_LINKS = new Set(['service', 'location', 'organization', 'service_at_location']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStored = (kind: Kind): kind is TableName => (TABLES as readonly string[]).includes(kind);

/**
 * Adds one nested HSDS object and everything inside it to the dataset; returns its id. The
 * nesting decides what an object belongs to: a child's parent column is set from where it sits.
 */
export function flattenObject(dataset: Dataset, kind: Kind, object: Record<string, unknown>, where: string, parent?: { kind: Kind; id: string; down?: string }, depth = 0): string | null {
  const id = typeof object.id === 'string' ? object.id : null;
  if (depth > MAX_NESTING) {
    dataset.problems.push({ where, message: msg.hsdsImport.json.tooDeep(MAX_NESTING) });
    return id;
  }
  if (!isStored(kind)) {
    dataset.ignore(kind);
    return id;
  }
  const row: FlatRow = {};
  const nesting = NESTING[kind] ?? common;
  const known = COLUMNS[kind].columns;
  const ups: [string, Nest, Record<string, unknown>][] = [];
  // for … in, not Object.entries: no array per field (a 20,000-service import flattens 384,000 objects)
  for (const field in object) {
    const value = object[field];
    const nest = (nesting as Record<string, Nest>)[field];
    if (nest) {
      if (value === null || value === undefined) continue;
      if (nest.up) {
        if (isObject(value)) ups.push([field, nest, value]);
        else dataset.problems.push({ where: `${where}.${field}`, message: msg.hsdsImport.json.mustBeObject(field) });
      } else if (Array.isArray(value)) {
        value.forEach((child, i) => {
          if (isObject(child)) return;
          dataset.problems.push({ where: `${where}.${field}[${i}]`, message: msg.hsdsImport.json.eachMustBeObject(field) });
        });
      } else dataset.problems.push({ where: `${where}.${field}`, message: msg.hsdsImport.json.mustBeList(field) });
      continue;
    }
    if (field in known) {
      if (isObject(value) || Array.isArray(value)) dataset.problems.push({ where: `${where}.${field}`, message: msg.hsdsImport.json.mustBeSingleValue(field) });
      else row[field] = (value ?? null) as Value;
    } else dataset.ignoreField(kind, field, `${where}.${field}`);
  }
  if (parent?.down) row[parent.down] = parent.id;
  if (kind === 'attribute' && parent) {
    if (!ATTRIBUTE_LINKS.has(parent.kind)) {
      dataset.warnings.push({ where, message: msg.hsdsImport.leftOut.attributeOf(parent.kind) });
      return id;
    }
    row.link_id = parent.id;
    row.link_entity = parent.kind;
  }
  for (const [field, nest, child] of ups) {
    const childId = flattenObject(dataset, nest.kind, child, `${where}.${field}`, undefined, depth + 1);
    if (!nest.up || childId === null || !isStored(nest.kind)) continue;
    // (the same uuid in capitals is the same id: the dataset keeps them in lower case)
    if (row[nest.up] !== undefined && row[nest.up] !== null && String(row[nest.up]).toLowerCase() !== childId.toLowerCase()) {
      dataset.problems.push({ where: `${where}.${field}`, message: msg.hsdsImport.json.nestedIdDiffers(nest.up, String(row[nest.up]), field, childId) });
    } else row[nest.up] = childId;
  }
  if (id !== null) {
    for (const [field, nest] of NESTING_ENTRIES.get(kind) ?? COMMON_ENTRIES) {
      const value = object[field];
      if (nest.up || !Array.isArray(value)) continue;
      value.forEach((child, i) => {
        if (isObject(child)) flattenObject(dataset, nest.kind, child, `${where}.${field}[${i}]`, { kind, id, ...(nest.down ? { down: nest.down } : {}) }, depth + 1);
      });
    }
  }
  dataset.add(kind, row, where);
  return id;
}

/**
 * What an HSDS JSON object is, from its fields: the API info document, a page, a tabular
 * document ("services.csv": [...]), or one of the objects the API serves.
 */
export function detectKind(object: Record<string, unknown>): Kind | 'page' | 'tabular' | 'api-info' | null {
  const keys = Object.keys(object);
  if (keys.length > 0 && keys.every((k) => k.endsWith('.csv') || (TABULAR_KEYS.has(k) && Array.isArray(object[k])))) return 'tabular';
  if (Array.isArray(object.contents)) return 'page';
  if ('openapi_url' in object || ('version' in object && 'profile' in object && !('id' in object))) return 'api-info';
  if ('location_type' in object) return 'location';
  if ('status' in object || 'service_at_locations' in object) return 'service';
  if (isObject(object.location) || isObject(object.service) || 'location_id' in object) return 'service_at_location';
  if ('taxonomy_detail' in object || 'term_uri' in object || 'parent_id' in object || 'code' in object || 'taxonomy_id' in object) return 'taxonomy_term';
  if (keys.every((k) => ['id', 'name', 'description', 'uri', 'version', 'metadata'].includes(k)) && 'name' in object) return 'taxonomy';
  if ('name' in object) return 'organization';
  return null;
}
