/**
 * `npm run backup` and `npm run restore`: one folder per backup holding the database (pg_dump's
 * custom format, or PGlite's data-directory dump) and manifest.json (time, schema version, row
 * count and checksum per table, tool versions). A restore checks the file's SHA-256 first, goes
 * only into an empty database unless told to replace, and compares every table afterwards.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from '../config.ts';
import { migrations } from '../../../migrations/index.ts';
import { compareFigures, fileStamp, MANIFEST_FILE, type Manifest, type TableFigures } from './manifest.ts';
import { countPostgresRelations, dumpPostgres, restorePostgres, toolVersion } from './postgres.ts';
import { dumpPGlite, isEmptyFolder, restorePGlite } from './pglite.ts';

export { compareFigures, tableFigures, type Manifest, type TableFigures } from './manifest.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const FILES = { postgres: 'database.pgdump', pglite: 'pglite-datadir.tar.gz' } as const;
const PREFIX = 'samklang-';

/** The backup is unusable (damaged, or from a newer Samklang): nothing was restored. */
export class BackupInvalidError extends Error {}
/** The target database holds data and replacing it was not asked for: nothing was changed. */
export class TargetNotEmptyError extends Error {}
/** A restore ran but the restored tables differ from the manifest. */
export class RestoreMismatchError extends Error {
  constructor(readonly problems: string[]) {
    super(`The restored database differs from the backup:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir'>;
const pgliteDir = (config: DatabaseConfig) => join(config.dataDir, 'db');

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function appVersion(): Record<string, string> {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return { samklang: version, ...(git.status === 0 ? { commit: git.stdout.trim() } : {}), node: process.version };
}

function pgliteVersion(): string {
  const file = join(ROOT, 'node_modules/@electric-sql/pglite/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Writes a backup into a new folder under `parent` and returns its path. The folder is written
 * under a temporary name and renamed when complete, so a folder named samklang-<time> is whole.
 */
export async function createBackup(config: DatabaseConfig, parent: string, now = new Date()): Promise<{ dir: string; manifest: Manifest }> {
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  mkdirSync(parent, { recursive: true });
  const dir = join(parent, `${PREFIX}${fileStamp(now)}`);
  if (existsSync(dir)) throw new Error(`${dir} exists already`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  try {
    const file = join(partial, FILES[kind]);
    const taken = config.databaseUrl ? await dumpPostgres(config.databaseUrl, file) : await dumpPGlite(pgliteDir(config), file);
    const tools: Record<string, string> = { ...appVersion(), server: taken.server };
    if (kind === 'postgres') tools.pg_dump = await toolVersion('pg_dump');
    else tools.pglite = pgliteVersion();
    const manifest: Manifest = {
      format: 'samklang-backup/1',
      createdAt: now.toISOString(),
      database: kind,
      file: { name: FILES[kind], bytes: statSync(file).size, sha256: await sha256File(file) },
      schemaVersion: taken.schema.last,
      migrations: taken.schema.count,
      tables: taken.tables,
      tools,
    };
    writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(partial, dir);
    return { dir, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes all but the newest `keep` complete backups in `parent`; returns the folders deleted. */
export function pruneBackups(parent: string, keep: number): string[] {
  const complete = readdirSync(parent, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(PREFIX) && !e.name.endsWith('.partial') && existsSync(join(parent, e.name, MANIFEST_FILE)))
    .map((e) => e.name).sort();
  const old = complete.slice(0, Math.max(0, complete.length - keep));
  for (const name of old) rmSync(join(parent, name), { recursive: true, force: true });
  return old.map((name) => join(parent, name));
}

/** Reads a backup folder's manifest and checks the data file against it. */
export async function readBackup(dir: string): Promise<{ manifest: Manifest; file: string }> {
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new BackupInvalidError(`${dir} holds no ${MANIFEST_FILE}: not a Samklang backup folder`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    throw new BackupInvalidError(`${manifestFile} is not valid JSON`);
  }
  if (manifest.format !== 'samklang-backup/1') throw new BackupInvalidError(`${manifestFile} has an unknown format (${String(manifest.format)})`);
  const file = join(dir, basename(manifest.file.name));
  if (!existsSync(file)) throw new BackupInvalidError(`${file} is missing`);
  const sha256 = await sha256File(file);
  if (sha256 !== manifest.file.sha256) throw new BackupInvalidError(`${file} is damaged: its SHA-256 is ${sha256}, the manifest says ${manifest.file.sha256}`);
  const known = new Set(Object.keys(migrations));
  if (manifest.schemaVersion && !known.has(manifest.schemaVersion)) {
    throw new BackupInvalidError(`the backup's schema (${manifest.schemaVersion}) is newer than this Samklang knows: restore it with the version that wrote it (${manifest.tools.commit ?? manifest.tools.samklang})`);
  }
  return { manifest, file };
}

export interface RestoreResult {
  manifest: Manifest;
  tables: Record<string, TableFigures>;
  /** PGlite with replace: where the database that was there before now lies */
  movedAside: string | null;
}

/**
 * Restores the backup in `dir` into the configured database. It must be empty unless `replace`:
 * then PostgreSQL's public schema is dropped with everything in it first, and a PGlite folder is
 * moved aside. Throws RestoreMismatchError when a table differs from the manifest afterwards.
 */
export async function restoreBackup(config: DatabaseConfig, dir: string, options: { replace: boolean; now?: Date }): Promise<RestoreResult> {
  const { manifest, file } = await readBackup(dir);
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database !== kind) {
    throw new BackupInvalidError(`this backup is of a ${manifest.database} database; the configuration names a ${kind} one (${kind === 'postgres' ? 'unset DATABASE_URL' : 'set DATABASE_URL'} to restore it)`);
  }
  let tables: Record<string, TableFigures>;
  let movedAside: string | null = null;
  if (config.databaseUrl) {
    const relations = await countPostgresRelations(config.databaseUrl);
    if (relations > 0 && !options.replace) throw new TargetNotEmptyError(`the target database is not empty (${relations} tables, views or sequences)`);
    tables = await restorePostgres(config.databaseUrl, file, { replace: options.replace });
  } else {
    const target = pgliteDir(config);
    if (!isEmptyFolder(target) && !options.replace) throw new TargetNotEmptyError(`the target folder ${target} is not empty`);
    ({ tables, movedAside } = await restorePGlite(target, file, { replace: options.replace, now: options.now ?? new Date() }));
  }
  const problems = compareFigures(manifest.tables, tables);
  if (problems.length > 0) throw new RestoreMismatchError(problems);
  return { manifest, tables, movedAside };
}
