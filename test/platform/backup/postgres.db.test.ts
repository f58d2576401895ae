import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, type OpenedDatabase } from '../../../src/platform/db/index.ts';
import { prepareDatabase } from '../../../src/setup.ts';
import { readBackup, restoreBackup, type TableFigures } from '../../../src/platform/backup/index.ts';
import { backends } from '../../helpers/db.ts';
import { addRows, backupDirOf, figuresOf, npmRun, workFolder } from './common.ts';

const work = workFolder();

const postgres = backends().find((b) => b.name === 'postgres')!;
describe('backups on PostgreSQL: pg_dump → drop → pg_restore → compare', { skip: postgres.skip }, () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `samklang_test_${process.env.TEST_RUN_ID ?? 'manual'}_backup`;
  const url = Object.assign(new URL(adminUrl || 'postgres://x/y'), { pathname: `/${name}` }).toString();
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  let before: Record<string, TableFigures>;
  let backupDir: string;
  after(() => admin(`drop database if exists ${name} with (force)`));

  test('npm run backup writes a pg_dump custom-format file and a manifest of the same snapshot', async () => {
    const template = process.env.TEST_PG_TEMPLATE;
    await admin(`drop database if exists ${name} with (force)`);
    await admin(template ? `create database ${name} template ${template}` : `create database ${name}`);
    const database: OpenedDatabase = await openPostgres(url, 2);
    if (!template) await prepareDatabase(database.db, { demoData: false });
    await addRows(database.db);
    before = await figuresOf(database.db);
    await database.close();

    const run = npmRun('backup', ['--out', join(work, 'pg-backups')], { DATABASE_URL: url });
    assert.equal(run.code, 0, run.err);
    backupDir = backupDirOf(run.out);
    const { manifest } = await readBackup(backupDir);
    assert.equal(manifest.database, 'postgres');
    assert.deepEqual(manifest.tables, before);
    assert.match(manifest.tools.pg_dump ?? '', /pg_dump \(PostgreSQL\) \d+/);
    assert.equal(readFileSync(join(backupDir, manifest.file.name)).subarray(0, 5).toString(), 'PGDMP', 'custom format');
  });

  test('npm run restore into a new empty database gives every table back the same', async () => {
    await admin(`drop database ${name} with (force)`);
    await admin(`create database ${name}`);
    const run = npmRun('restore', [backupDir], { DATABASE_URL: url });
    assert.equal(run.code, 0, run.err);
    const restored = await openPostgres(url, 2);
    try {
      assert.deepEqual(await figuresOf(restored.db), before);
      const mail = await restored.db.selectFrom('mail_outbox').select('body').where('subject', '=', 'Emne 0').executeTakeFirstOrThrow();
      assert.equal(mail.body, 'første linje\nandre «linje» med \'sitat\'');
    } finally {
      await restored.close();
    }
  });

  test('a restore refuses a database with tables (exit 73), and --force replaces it with exactly the backup', async () => {
    const refused = npmRun('restore', [backupDir], { DATABASE_URL: url });
    assert.equal(refused.code, 73);
    assert.match(refused.err, /not empty.*--force/s);
    const database = await openPostgres(url, 2);
    await sql`create table left_over (id int)`.execute(database.db);
    await database.db.deleteFrom('mail_outbox').execute();
    await database.close();
    const result = await restoreBackup({ databaseUrl: url, dataDir: work }, backupDir, { replace: true });
    assert.deepEqual(result.tables, before, 'the extra table is gone and the deleted rows are back');
  });
});
