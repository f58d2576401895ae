import { sql } from 'kysely';
import type { Tx } from '../../../../platform/db/index.ts';
import { reindexServices, servicesWithParts, touchServices, type ChangedParts } from '../../../write.ts';
import { COLUMNS, NUMBER_AS_TEXT, OPTIONAL_REFERENCES, REQUIRED_REFERENCES } from '../../../hsds/columns.ts';
import { TABLES, type Dataset, type FlatRow, type TableName } from '../../../hsds/dataset.ts';
import { idIn } from './references.ts';
import { MASKED_LOCATION_COLUMNS } from '../../../location-view.ts';

export interface TablePlan {
  added: string[];
  /** each changed row with its changed fields and what they held before */
  changed: { id: string; fields: string[]; previous: Record<string, unknown> }[];
  unchanged: number;
}
export type Plan = Record<TableName, TablePlan>;

/** The rows an import writes, per table and id, as our tables store them. */
export type PlannedRows = Map<TableName, Map<string, Record<string, unknown>>>;
const CHUNK = 2000;
const REINDEX_SLICE = 20_000;
const STORED_COLUMNS = new Map(TABLES.map((table) => [table, Object.keys(COLUMNS[table].columns)]));
/** Our own columns with a NOT NULL default: an omitted value means the default. */
const DEFAULTS: Record<string, unknown> = { is_demo: false, is_confidential: false };

/** A row as our table stores it: every column the import owns, HSDS numbers kept as text where we do. */
function toStored(table: TableName, row: FlatRow): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const column of STORED_COLUMNS.get(table)!) {
    let value: unknown = row[column] ?? DEFAULTS[column] ?? null;
    if (value !== null && NUMBER_AS_TEXT[table]?.includes(column)) value = String(value);
    if (column === 'last_modified' && value !== null) value = new Date(String(value));
    stored[column] = value;
  }
  if (table === 'service' && stored.last_modified === null) delete stored.last_modified;
  return stored;
}

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);

function changedFields(stored: Record<string, unknown>, existing: Record<string, unknown>): string[] {
  return Object.keys(stored).filter((column) => comparable(stored[column]) !== comparable(existing[column]));
}

/**
 * HSDS nests one phone (contact, schedule …) under several parents, and a file may show only one
 * of them: an optional link the file leaves empty keeps the link the directory has. An import adds
 * links, it never removes them.
 */
function keepLinks(table: TableName, row: Record<string, unknown>, existing: Record<string, unknown>): void {
  for (const [column] of OPTIONAL_REFERENCES[table] ?? []) {
    if (row[column] === null && existing[column] !== null) row[column] = existing[column];
  }
}

/**
 * Samklang's own fields (our profile's additions to HSDS). Another system's HSDS file does not
 * know them, so a file that leaves one out keeps the directory's value: a location marked
 * confidential here must never become public because a register said nothing about it.
 */
const OWN_FIELDS: Partial<Record<TableName, string[]>> = {
  organization: ['is_demo'],
  location: ['is_confidential', 'is_demo', 'municipality_number'],
  service: ['fte', 'is_demo'],
  // a file that translates one field of a service (a translation attribute, profile.ts) leaves the others as they are;
  // an attribute with an empty value removes that field's translation
  service_translation: ['name', 'description', 'application_process'],
};

function keepOwnFields(table: TableName, row: Record<string, unknown>, given: FlatRow, existing: Record<string, unknown>): void {
  for (const column of OWN_FIELDS[table] ?? []) if (!(column in given)) row[column] = existing[column];
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Masked means "unknown, keep" (the profile's rule, see MASKED_LOCATION_COLUMNS): a location the
 * file marks confidential comes without the fields our export hides, and those keep the
 * directory's values, as does what a service says about being given there. Returns whether a
 * value was kept.
 */
function keepMasked(table: TableName, row: Record<string, unknown>, existing: Record<string, unknown>, confidential: (locationId: string) => boolean): boolean {
  const columns: readonly string[] = table === 'location' && row.is_confidential === true ? MASKED_LOCATION_COLUMNS
    : table === 'service_at_location' && confidential(String(row.location_id)) ? ['description'] : [];
  let kept = false;
  for (const column of columns) {
    if (!isEmpty(row[column]) || isEmpty(existing[column])) continue;
    row[column] = existing[column];
    kept = true;
  }
  return kept;
}

/** What the import would change, table by table, compared with the directory as it is. */
export async function planChanges(db: Tx, dataset: Dataset): Promise<{ plan: Plan; rows: PlannedRows; maskedKept: number }> {
  const plan = {} as Plan;
  const rows: PlannedRows = new Map();
  let maskedKept = 0;
  // locations planned confidential (written before service_at_location in TABLES order), else as stored
  const confidential = (locationId: string) => rows.get('location')?.get(locationId)?.is_confidential === true || storedConfidential.has(locationId);
  const linked = [...new Set(dataset.rows('service_at_location').map(([, { row }]) => String(row.location_id)))];
  const storedConfidential = new Set<string>();
  for (let i = 0; i < linked.length; i += CHUNK) {
    const found = await db.selectFrom('location').select('id').where(idIn(linked.slice(i, i + CHUNK))).where('is_confidential', '=', true).execute();
    for (const { id } of found) storedConfidential.add(id);
  }
  for (const table of TABLES) {
    const entries = dataset.rows(table);
    const ids = entries.map(([id]) => id);
    // each chunk is looked up while the one before is compared (and the first while the rows are converted)
    const lookup = (i: number) => (i < ids.length
      ? db.selectFrom(table).selectAll().where(idIn(ids.slice(i, i + CHUNK))).execute() as Promise<Record<string, unknown>[]> : null);
    let next = lookup(0);
    const given = new Map(entries.map(([id, { row }]) => [id, row]));
    const stored = new Map(entries.map(([id, { row }]) => [id, toStored(table, row)]));
    rows.set(table, stored);
    const tablePlan: TablePlan = { added: [], changed: [], unchanged: 0 };
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await next!;
      next = lookup(i + CHUNK);
      // (comparing cannot fail, so the lookup sent is always awaited before the transaction ends)
      const current = new Map(found.map((row) => [String(row.id), row]));
      for (const id of ids.slice(i, i + CHUNK)) {
        const row = stored.get(id)!;
        const existing = current.get(id);
        if (!existing) tablePlan.added.push(id);
        else {
          keepLinks(table, row, existing);
          keepOwnFields(table, row, given.get(id)!, existing);
          // our last_modified is our sync clock: a file's says when the sender's copy changed, which only a new service takes
          if (table === 'service') row.last_modified = existing.last_modified;
          if (keepMasked(table, row, existing, confidential) && table === 'location') maskedKept += 1;
          const fields = changedFields(row, existing);
          if (fields.length > 0) tablePlan.changed.push({ id, fields, previous: Object.fromEntries(fields.map((f) => [f, existing[f] ?? null])) });
          else tablePlan.unchanged += 1;
        }
      }
    }
    plan[table] = tablePlan;
  }
  return { plan, rows, maskedKept };
}

/** Per table, the columns by which its rows name their parents; a classification term is a shared vocabulary a row uses, not a parent it belongs to. */
const PARENT_COLUMNS = new Map(TABLES.map((table) => [table, [...(REQUIRED_REFERENCES[table] ?? []), ...(OPTIONAL_REFERENCES[table] ?? [])]
  .filter(([, target]) => target !== 'taxonomy_term' || table === 'taxonomy_term')]));

/** The new rows of each table in a plan, built once per plan (applyPlan and the audit both ask). */
const addedSets = new WeakMap<Plan, Map<TableName, Set<string>>>();
function addedIn(plan: Plan): Map<TableName, Set<string>> {
  let added = addedSets.get(plan);
  if (!added) addedSets.set(plan, added = new Map(TABLES.map((table) => [table, new Set(plan[table].added)])));
  return added;
}

/**
 * Whether a new row was created together with what it belongs to: it names at least one row and
 * every row it names (its references, an attribute's link) is new in the same run, such as the
 * phones, locations and classification of a new service. Such a row is written under its parent's
 * audit entry (service.ts, auditChanges). With `orNothing`, a new row that names nothing (an
 * organisation without a parent) counts too: that is what applyPlan asks, below.
 */
export function createdWithParent(plan: Plan, rows: PlannedRows, { orNothing = false } = {}): (table: TableName, id: string) => boolean {
  const added = addedIn(plan);
  // no function is made per row: this runs for every new row, twice per import (applyPlan and the
  // audit), and with a closure per row (which tsx also names) the two took 0.56–0.80 s and 0.51–0.80 s
  // for 20,000 new services, against 0.30–0.33 s and 0.24–0.29 s now (2026-12-01, Node alone meanwhile)
  return (table, id) => {
    if (!added.get(table)!.has(id)) return false;
    const row = rows.get(table)!.get(id)!;
    let named = 0;
    // an empty reference names nothing; any other must be new
    for (const [column, target] of PARENT_COLUMNS.get(table)!) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      named += 1;
      if (added.get(target)?.has(String(value)) !== true) return false;
    }
    if (table === 'attribute' && row.link_id !== null && row.link_id !== undefined) {
      named += 1;
      if (added.get(row.link_entity as TableName)?.has(String(row.link_id)) !== true) return false;
    }
    return named > 0 || orNothing;
  };
}

/** Parents before children, for the tables that point at themselves. */
function parentsFirst(ids: string[], rows: Map<string, Record<string, unknown>>, parentColumn: string | null): string[] {
  if (!parentColumn) return ids;
  const depth = (id: string, seen = new Set<string>()): number => {
    const parent = rows.get(id)?.[parentColumn];
    if (typeof parent !== 'string' || !rows.has(parent) || seen.has(parent)) return 0;
    seen.add(id);
    return 1 + depth(parent, seen);
  };
  return [...ids].sort((a, b) => depth(a) - depth(b));
}

/** Tables whose rows are parts of a service's document (see servicesWithParts). */
const PART_TABLES = [
  'organization', 'program', 'location', 'address', 'accessibility', 'service_at_location', 'contact', 'phone', 'schedule', 'language', 'attribute',
  'funding', 'service_area', 'cost_option', 'required_document', 'service_translation',
] as const satisfies readonly (keyof ChangedParts & TableName)[];

const SELF_REFERENCE: Partial<Record<TableName, string>> = { organization: 'parent_organization_id', taxonomy_term: 'parent_id' };

/** Services whose finder row depends on what changed. */
async function affectedServices(db: Tx, plan: Plan, rows: PlannedRows): Promise<string[]> {
  const touched = (table: TableName) => [...plan[table].added, ...plan[table].changed.map((c) => c.id)];
  const services = new Set(touched('service'));
  for (const id of touched('service_at_location')) services.add(String(rows.get('service_at_location')!.get(id)!.service_id));
  // the finder's document holds the text in other languages too
  for (const id of touched('service_translation')) services.add(String(rows.get('service_translation')!.get(id)!.service_id));
  for (const id of touched('language')) {
    const serviceId = rows.get('language')!.get(id)!.service_id;
    if (typeof serviceId === 'string') services.add(serviceId);
  }
  const locations = new Set([...touched('location'), ...touched('address').map((id) => String(rows.get('address')!.get(id)!.location_id))]);
  const organizations = touched('organization');
  for (const id of touched('attribute')) {
    const row = rows.get('attribute')!.get(id)!;
    if (row.link_entity === 'service') services.add(String(row.link_id));
    if (row.link_entity === 'location') locations.add(String(row.link_id));
  }
  const { rows: linked } = await sql<{ id: string }>`
    select service_id as id from service_at_location where location_id = any(${[...locations]}::uuid[])
    union select id from service where organization_id = any(${organizations}::uuid[])`.execute(db);
  for (const row of linked) services.add(row.id);
  return [...services];
}

/** Rows per statement: each batch travels as one JSON parameter, whatever its number of columns. */
const WRITE_BATCH = 5000;

/**
 * Rows in batches of WRITE_BATCH that name the same columns (a service without last_modified
 * takes the column's default, so it is never sent as null), in their order.
 */
function* batches(rows: Record<string, unknown>[]): Generator<Record<string, unknown>[]> {
  let current: Record<string, unknown>[] = [];
  let columns = '';
  for (const row of rows) {
    const named = Object.keys(row).join();
    if (current.length === WRITE_BATCH || (current.length > 0 && named !== columns)) {
      yield current;
      current = [];
    }
    columns = named;
    current.push(row);
  }
  if (current.length > 0) yield current;
}

/**
 * One statement per batch, the rows as one JSON parameter that PostgreSQL turns into the table's
 * row type (json_populate_recordset): a bound parameter per value made the driver and the server
 * handle up to 60,000 parameters per statement, and a changed row was one statement.
 */
function insertRows(trx: Tx, table: TableName, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0]!).map((column) => sql.ref(column));
  return sql`insert into ${sql.table(table)} (${sql.join(columns)})
    select ${sql.join(columns)} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

function updateRows(trx: Tx, table: TableName, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0]!).filter((column) => column !== 'id');
  return sql`update ${sql.table(table)} t set ${sql.join(columns.map((column) => sql`${sql.ref(column)} = r.${sql.ref(column)}`))}
    from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json) r where t.id = r.id`.execute(trx);
}

/**
 * Statements sent on one connection, in order, while the next one is being made: the database
 * writes one batch while Node turns the next into JSON, instead of each waiting for the other.
 * At most DEPTH wait at a time (each holds its batch as text). The first failure is the one
 * thrown; the statements after it fail too (the transaction is aborted) and are only awaited.
 */
class Pipeline {
  private static readonly DEPTH = 2;
  private waiting: Promise<unknown>[] = [];
  async add(statement: Promise<unknown>): Promise<void> {
    statement.catch(() => {}); // awaited in order below or in drain(); not an unhandled rejection meanwhile
    this.waiting.push(statement);
    if (this.waiting.length > Pipeline.DEPTH) await this.waiting.shift();
  }
  async drain(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    let failure: unknown = null;
    for (const statement of waiting) await statement.catch((error: unknown) => { failure ??= error; });
    if (failure !== null) throw failure;
  }
}

/** Writes the plan in the caller's transaction and rebuilds the finder rows it touches. */
export async function applyPlan(trx: Tx, plan: Plan, rows: PlannedRows): Promise<number> {
  const statements = new Pipeline();
  try {
    for (const table of TABLES) {
      const stored = rows.get(table)!;
      const added = parentsFirst(plan[table].added, stored, SELF_REFERENCE[table] ?? null);
      for (const rows of batches(added.map((id) => ({ id, ...stored.get(id) })))) await statements.add(insertRows(trx, table, rows));
      for (const rows of batches(plan[table].changed.map(({ id }) => ({ id, ...stored.get(id) })))) await statements.add(updateRows(trx, table, rows));
    }
  } catch (error) {
    // every statement sent must have run (and failed, the transaction being aborted) before the caller rolls
    // back: one still waiting for the connection would run after the rollback, outside the transaction
    await statements.drain().catch(() => {});
    throw error;
  }
  await statements.drain();
  // a change to any part of an existing service moves its last_modified (new services keep the file's)
  const parts: ChangedParts = {};
  // New rows that name only new rows, or none, are left out. Such a row can be in an existing
  // service's document only through a row that points to it, and that row, pointing to something
  // new, is itself new or changed, so in the list (or it is the service itself, changed). Looking
  // them up found only new services: 200,000 attributes of 20,000 new services took a second, their
  // 8,000 new organisations 0.09 s.
  const withParent = createdWithParent(plan, rows, { orNothing: true });
  for (const table of PART_TABLES) {
    const ids = [...plan[table].added.filter((id) => !withParent(table, id)), ...plan[table].changed.map((c) => c.id)];
    if (ids.length > 0) parts[table] = ids;
  }
  const added = new Set(plan.service.added);
  const changedServices = [...plan.service.changed.map((c) => c.id), ...(await servicesWithParts(trx, parts))].filter((id) => !added.has(id));
  await touchServices(trx, [...new Set(changedServices)]);
  const services = await affectedServices(trx, plan, rows);
  // in slices: reindexServices binds one parameter per id, and PostgreSQL allows 65,535
  for (let i = 0; i < services.length; i += REINDEX_SLICE) await reindexServices(trx, services.slice(i, i + REINDEX_SLICE));
  return services.length;
}
