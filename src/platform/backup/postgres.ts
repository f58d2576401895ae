/**
 * PostgreSQL backups with the server's own tools: pg_dump in its custom format, taken in the
 * same snapshot the manifest's figures are counted in (pg_export_snapshot + pg_dump --snapshot),
 * and pg_restore in one transaction, so a failed restore leaves the target as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { schemaVersion, tableFigures, type TableFigures } from './manifest.ts';

/** Debian's newest PostgreSQL client tools (/usr/lib/postgresql/N/bin), else whatever PATH has. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', name);
  }
  return name;
}

/**
 * The connection for libpq tools: the URL without its password (command lines are visible to
 * every user of the machine in `ps`), and the password in PGPASSWORD.
 */
function libpqTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message} (install Debian's postgresql-client)`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} failed (exit ${code}): ${err.trim()}`))));
  });
}

export async function toolVersion(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  return (await run(postgresTool(name), ['--version'], process.env)).trim();
}

/** Dumps the database to `file`; returns the figures and schema version seen in the dump's snapshot. */
export async function dumpPostgres(databaseUrl: string, file: string): Promise<{
  tables: Record<string, TableFigures>; schema: { last: string | null; count: number }; server: string;
}> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string; server: string }>(
      'select pg_export_snapshot() as snapshot, version() as server');
    const { snapshot, server } = rows[0]!;
    const tables = await tableFigures(client);
    const schema = await schemaVersion(client);
    const target = libpqTarget(databaseUrl);
    // the exported snapshot lives as long as this transaction: pg_dump sees exactly what was counted
    await run(postgresTool('pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${target.dbname}`], target.env);
    await client.query('commit');
    return { tables, schema, server };
  } finally {
    await client.end();
  }
}

/** Relations in the database's own schemas: none means the database is empty. */
export async function countPostgresRelations(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
        and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * Restores a custom-format dump. `replace`: first drops the public schema with everything in it
 * (tables, data, functions, the extensions' objects) and makes it anew, so the result is exactly
 * the backup, nothing of the old database left beside it.
 */
export async function restorePostgres(databaseUrl: string, file: string, options: { replace: boolean }): Promise<Record<string, TableFigures>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (options.replace) {
      await client.query('begin');
      await client.query('drop schema if exists public cascade');
      await client.query('create schema public');
      await client.query('commit');
    }
    const target = libpqTarget(databaseUrl);
    await run(postgresTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.dbname}`, file], target.env);
    // pg_restore copies no planner statistics: without them the first queries plan badly
    await client.query('analyze');
    await client.query('begin isolation level repeatable read read only');
    const figures = await tableFigures(client);
    await client.query('commit');
    return figures;
  } finally {
    await client.end();
  }
}
