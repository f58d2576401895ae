import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPGlite, openPostgres, type OpenedDatabase } from '../../src/platform/db/index.ts';
import { prepareDatabase } from '../../src/setup.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** why this backend's suite is skipped, or false when it runs */
  skip: string | false;
}

/**
 * The databases every database test runs on: PGlite always, PostgreSQL when the harness
 * (npm test) started one or TEST_DATABASE_URL names one.
 */
export function backends(): Backend[] {
  return [
    { name: 'pglite', skip: false },
    { name: 'postgres', skip: process.env.TEST_DATABASE_URL ? false : 'no PostgreSQL server: run through `npm test`, or set TEST_DATABASE_URL' },
  ];
}

/**
 * A fresh, migrated database with reference data and no directory entries: a copy of the
 * harness's template when there is one, else prepared from scratch (slower; a single file run by hand).
 */
export async function freshDatabase(backend: Backend['name']): Promise<OpenedDatabase> {
  if (backend === 'pglite') {
    const template = process.env.TEST_PGLITE_TEMPLATE;
    if (template) return openPGlite({ loadDataDir: new Blob([readFileSync(template)]) });
    const database = await openPGlite();
    await prepareDatabase(database.db, { demoData: false });
    return database;
  }
  const template = process.env.TEST_PG_TEMPLATE;
  const database = await newPostgresDatabase(template);
  if (!template) await prepareDatabase(database.db, { demoData: false });
  return database;
}

/** An empty database with no migrations run (for tests of the migrations themselves). */
export function emptyDatabase(backend: Backend['name']): Promise<OpenedDatabase> {
  return backend === 'pglite' ? openPGlite() : newPostgresDatabase();
}

/** A new database on the harness's PostgreSQL server, copied from `template` if given; dropped on close. */
async function newPostgresDatabase(template?: string): Promise<OpenedDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `samklang_test_${process.env.TEST_RUN_ID ?? 'manual'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
