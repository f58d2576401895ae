/**
 * Backups of the embedded database: PGlite's own data-directory dump (a gzipped tar of PGDATA).
 * The backup takes the folder's lock ($DATA_DIR/db.lock) like the app does, so it runs only while
 * no app uses the folder, and nothing writes between the figures being counted and the dump.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataDir } from '../db/lock.ts';
import { fileStamp, schemaVersion, tableFigures, type Session, type TableFigures } from './manifest.ts';

// the extensions the migrations use must be loaded to open the database at all
const EXTENSIONS = { pg_trgm };

async function inTransaction<T>(pglite: PGlite, work: (session: Session) => Promise<T>): Promise<T> {
  await pglite.query('begin');
  try {
    const result = await work(pglite);
    await pglite.query('commit');
    return result;
  } catch (error) {
    await pglite.query('rollback');
    throw error;
  }
}

/** Writes the data directory of `dbDir` to `file` (tar.gz); returns the figures counted just before. */
export async function dumpPGlite(dbDir: string, file: string): Promise<{
  tables: Record<string, TableFigures>; schema: { last: string | null; count: number }; server: string;
}> {
  if (!existsSync(dbDir) || readdirSync(dbDir).length === 0) throw new Error(`There is no embedded database at ${dbDir} (check DATA_DIR).`);
  const lock = lockDataDir(dbDir);
  try {
    const pglite = await PGlite.create({ dataDir: dbDir, extensions: EXTENSIONS });
    try {
      const { tables, schema, server } = await inTransaction(pglite, async (session) => ({
        tables: await tableFigures(session),
        schema: await schemaVersion(session),
        server: ((await session.query('select version() as v')).rows[0] as { v: string }).v,
      }));
      // everything in the write-ahead log goes to the data files first: the copy needs no recovery
      await pglite.query('checkpoint');
      writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
      return { tables, schema, server };
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Loads a data-directory dump into `dbDir`, which must be empty or missing. `replace`: a database
 * already there is first moved aside to `<dbDir>.replaced-<time>` (kept, never deleted here).
 * Returns the restored database's figures and where the old one went.
 */
export async function restorePGlite(dbDir: string, file: string, options: { replace: boolean; now: Date }): Promise<{
  tables: Record<string, TableFigures>; movedAside: string | null;
}> {
  const lock = lockDataDir(dbDir);
  try {
    let movedAside: string | null = null;
    if (!isEmptyFolder(dbDir)) {
      if (!options.replace) throw new Error(`${dbDir} is not empty`);
      movedAside = `${dbDir}.replaced-${fileStamp(options.now)}`;
      renameSync(dbDir, movedAside);
    }
    mkdirSync(dbDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir: dbDir, loadDataDir: new Blob([readFileSync(file)]), extensions: EXTENSIONS });
    try {
      const tables = await inTransaction(pglite, (session) => tableFigures(session));
      return { tables, movedAside };
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}
