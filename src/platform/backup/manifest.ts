/**
 * What a backup says about itself (manifest.json), and the per-table figures a restore is checked
 * against: row counts and a checksum per table computed by one deterministic query, so the same
 * rows give the same checksum on the source, on the restored copy, and on any later run.
 */

/** Both drivers answer `query(text)` with `{ rows }`: a pg.Client and a PGlite instance alike. */
export interface Session {
  query(text: string): Promise<{ rows: unknown[] }>;
}

export interface TableFigures {
  rows: number;
  /** md5 of the rows' md5s in sorted order (order-independent, so physical row order never matters) */
  checksum: string;
}

export interface Manifest {
  format: 'samklang-backup/1';
  createdAt: string;
  database: 'postgres' | 'pglite';
  /** the file beside the manifest holding the data, its size and SHA-256 */
  file: { name: string; bytes: number; sha256: string };
  /** the last migration applied: the schema this backup holds */
  schemaVersion: string | null;
  migrations: number;
  tables: Record<string, TableFigures>;
  tools: Record<string, string>;
}

export const MANIFEST_FILE = 'manifest.json';

/** A time as it appears in file names: 20261130T074929Z. */
export const fileStamp = (time: Date) => time.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Session settings that fix how values print as text (time zone, date and interval style, float
 * digits, bytea), so a row's text, and with it the checksum, does not depend on the server's or
 * client's defaults. Run inside a transaction (`set local`).
 */
const DETERMINISTIC_TEXT = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The base tables of the public schema (the app's whole data, the migrator's tables included). */
export async function listTables(session: Session): Promise<string[]> {
  const { rows } = await session.query(`select c.relname::text as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname collate "C"`);
  return (rows as { name: string }[]).map((r) => r.name);
}

/**
 * Row count and checksum of every table. The caller runs this inside a transaction that sees one
 * consistent state (a repeatable-read snapshot on PostgreSQL; PGlite has one session).
 */
export async function tableFigures(session: Session): Promise<Record<string, TableFigures>> {
  for (const statement of DETERMINISTIC_TEXT) await session.query(statement);
  const figures: Record<string, TableFigures> = {};
  for (const table of await listTables(session)) {
    const { rows } = await session.query(`select count(*)::text as rows,
        md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as checksum
      from (select md5(t::text) as h from public.${quoteIdent(table)} t) hashed`);
    const row = rows[0] as { rows: string; checksum: string };
    figures[table] = { rows: Number(row.rows), checksum: row.checksum };
  }
  return figures;
}

/** The last migration applied (Kysely's table), or null on a database never migrated. */
export async function schemaVersion(session: Session): Promise<{ last: string | null; count: number }> {
  const { rows: exists } = await session.query(`select to_regclass('public.kysely_migration') is not null as ok`);
  if (!(exists[0] as { ok: boolean }).ok) return { last: null, count: 0 };
  const { rows } = await session.query(`select name from kysely_migration order by name collate "C"`);
  const names = (rows as { name: string }[]).map((r) => r.name);
  return { last: names.at(-1) ?? null, count: names.length };
}

/** The differences between two sets of figures, in words; empty when they match. */
export function compareFigures(expected: Record<string, TableFigures>, actual: Record<string, TableFigures>): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`table ${table} is missing`);
    else if (got.rows !== want.rows) problems.push(`table ${table}: ${got.rows} rows, the backup has ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`table ${table}: checksum ${got.checksum}, the backup has ${want.checksum}`);
  }
  for (const table of Object.keys(actual)) if (!(table in expected)) problems.push(`table ${table} is not in the backup`);
  return problems;
}
