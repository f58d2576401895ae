import { sql } from 'kysely';
import type { Finding, TableName } from '../../hsds/dataset.ts';
import { TABLES } from '../../hsds/dataset.ts';
import { OPTIONAL_REFERENCES, REQUIRED_REFERENCES } from '../../hsds/columns.ts';
import { idIn } from './pipeline/references.ts';
import type { ImportOptions } from './pipeline/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { Plan, PlannedRows } from './pipeline/apply.ts';
import { msg } from '../../../platform/i18n/index.ts';

const m = msg.imports;

type Row = Record<string, unknown>;
type Owners = Set<string>;

/**
 * Which parent column of a row points at which table (the import's own reference lists); the row
 * belongs to whoever owns its parents. Links to the classification and to a row of the same table
 * (a parent organisation) say nothing about ownership.
 */
const PARENTS = Object.fromEntries(TABLES.map((table) => [table,
  [...(REQUIRED_REFERENCES[table] ?? []), ...(OPTIONAL_REFERENCES[table] ?? [])]
    .filter(([, target]) => target !== table && target !== 'taxonomy' && target !== 'taxonomy_term')])) as Record<TableName, [string, TableName][]>;
const ATTRIBUTE_TARGETS = new Set<string>(['service', 'location', 'organization']);

/**
 * The organisations a row belongs to, in the directory as it is ('before') or as it would be after
 * the import ('after': the file's rows first). A location belongs to the organisation it names, or
 * else to the organisations of the services offered there.
 */
class OwnerResolver {
  private readonly stored = new Map<string, Row | null>();
  private readonly linkedServices = new Map<string, string[]>();
  private readonly memo = new Map<string, Promise<Owners>>();

  constructor(private readonly db: Tx, private readonly rows: PlannedRows) {}

  private async directoryRow(table: TableName, id: string): Promise<Row | null> {
    const key = `${table}:${id}`;
    if (!this.stored.has(key)) {
      const row = await this.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      this.stored.set(key, (row as Row | undefined) ?? null);
    }
    return this.stored.get(key)!;
  }

  /** Directory rows of many ids at once, so most lookups need no query of their own. */
  async prefetch(table: TableName, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 2000) {
      const slice = ids.slice(i, i + 2000);
      const found = await this.db.selectFrom(table).selectAll().where(idIn(slice)).execute() as Row[];
      for (const id of slice) this.stored.set(`${table}:${id}`, null);
      for (const row of found) this.stored.set(`${table}:${String(row.id)}`, row);
    }
  }

  private async servicesAt(locationId: string, after: boolean): Promise<string[]> {
    if (!this.linkedServices.has(locationId)) {
      const { rows } = await sql<{ service_id: string }>`select service_id from service_at_location where location_id = ${locationId}::uuid`.execute(this.db);
      this.linkedServices.set(locationId, rows.map((r) => r.service_id));
    }
    const services = new Set(this.linkedServices.get(locationId));
    if (after) {
      for (const row of this.rows.get('service_at_location')!.values()) if (row.location_id === locationId) services.add(String(row.service_id));
    }
    return [...services];
  }

  owners(table: TableName, id: string, after: boolean): Promise<Owners> {
    const key = `${after}:${table}:${id}`;
    if (!this.memo.has(key)) this.memo.set(key, this.resolve(table, id, after));
    return this.memo.get(key)!;
  }

  private async resolve(table: TableName, id: string, after: boolean): Promise<Owners> {
    const row = (after ? this.rows.get(table)!.get(id) : undefined) ?? await this.directoryRow(table, id);
    if (!row) return new Set();
    if (table === 'organization') return new Set([id]);
    if (table === 'service') return new Set([String(row.organization_id)]);
    const owners: Owners = new Set();
    const add = async (parent: TableName, parentId: unknown) => {
      if (typeof parentId === 'string') for (const o of await this.owners(parent, parentId, after)) owners.add(o);
    };
    if (table === 'location') {
      if (typeof row.organization_id === 'string') return new Set([row.organization_id]);
      for (const service of await this.servicesAt(id, after)) await add('service', service);
    } else if (table === 'attribute') {
      if (ATTRIBUTE_TARGETS.has(String(row.link_entity))) await add(row.link_entity as TableName, row.link_id);
    } else {
      for (const [column, parent] of PARENTS[table]) await add(parent, row[column]);
    }
    return owners;
  }
}

/**
 * The check an editor's import must pass: every row it adds or changes belongs, before and after,
 * only to organisations the editor edits; classifications are the secretariat's alone.
 */
export function editorScope(organizations: readonly string[]): NonNullable<ImportOptions['scope']> {
  const mine = new Set(organizations);
  return async (db: Tx, plan: Plan, rows: PlannedRows, where: (table: TableName, id: string) => string): Promise<Finding[]> => {
    const findings: Finding[] = [];
    const resolver = new OwnerResolver(db, rows);
    for (const table of TABLES) {
      const touched = [...plan[table].added, ...plan[table].changed.map((c) => c.id)];
      if (touched.length === 0) continue;
      if (table === 'taxonomy' || table === 'taxonomy_term') {
        findings.push({ where: where(table, touched[0]!), message: m.scope.classification });
        continue;
      }
      await resolver.prefetch(table, touched);
      const changed = new Set(plan[table].changed.map((c) => c.id));
      for (const id of touched) {
        const after = await resolver.owners(table, id, true);
        const before = changed.has(id) ? await resolver.owners(table, id, false) : new Set<string>();
        if (after.size === 0) findings.push({ where: where(table, id), message: m.scope.unowned(table, id) });
        else if (![...after, ...before].every((o) => mine.has(o))) findings.push({ where: where(table, id), message: m.scope.outside(table, id) });
      }
    }
    return findings;
  };
}
