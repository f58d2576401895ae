import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openPGlite, openPostgres, type Db, type OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { prepareDatabase } from '../../../src/setup.ts';
import {
  BackupInvalidError, TargetNotEmptyError, readBackup, restoreBackup, tableFigures, type TableFigures,
} from '../../../src/platform/backup/index.ts';
import { backends } from '../../helpers/db.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'samklang-backup-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run <script>` as an operator would (tsx, the real config), with the given database settings. */
function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _unset, ...base } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: ROOT, env: { ...base, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Rows no migration or seed writes: text with quotes, newlines and non-ASCII, and a timestamp. */
async function addRows(db: Db) {
  for (const [i, body] of ['første linje\nandre «linje» med \'sitat\'', 'ære være Øystein', '\\ tab\there'].entries()) {
    await db.insertInto('mail_outbox').values({ id: newId(), to_address: `person${i}@example.no`, subject: `Emne ${i}`, body }).execute();
  }
  await sql`update mail_outbox set sent_at = timestamptz '2026-01-02 03:04:05.678+01' where subject = 'Emne 1'`.execute(db);
}

async function figuresOf(db: Db): Promise<Record<string, TableFigures>> {
  return db.transaction().execute((trx) => tableFigures({ query: (text) => sql.raw(text).execute(trx) }));
}

const backupDirOf = (out: string) => /Backup written: (.+)/.exec(out)?.[1]?.trim() ?? assert.fail(`no folder in: ${out}`);

describe('backups on PGlite: backup → destroy → restore → compare', () => {
  const dataDir = join(work, 'pglite-data');
  const dbDir = join(dataDir, 'db');
  const env = { DATA_DIR: dataDir };
  let before: Record<string, TableFigures>;
  let backupDir: string;

  test('npm run backup writes the data-directory dump and a manifest of the database as it was', async () => {
    const template = process.env.TEST_PGLITE_TEMPLATE;
    const database = template
      ? await openPGlite({ dataDir: dbDir, loadDataDir: new Blob([readFileSync(template)]) })
      : await openPGlite({ dataDir: dbDir });
    if (!template) await prepareDatabase(database.db, { demoData: false });
    await addRows(database.db);
    before = await figuresOf(database.db);
    await database.close();

    const run = npmRun('backup', ['--out', join(work, 'pglite-backups')], env);
    assert.equal(run.code, 0, run.err);
    backupDir = backupDirOf(run.out);
    const { manifest } = await readBackup(backupDir);
    assert.equal(manifest.database, 'pglite');
    assert.match(manifest.schemaVersion ?? '', /^\d{4}_/);
    assert.deepEqual(manifest.tables, before);
    assert.equal(manifest.tables.mail_outbox?.rows, 3);
    assert.ok(manifest.tools.pglite && manifest.tools.node && manifest.createdAt);
  });

  test('npm run restore brings the destroyed database back, every table the same', async () => {
    rmSync(dbDir, { recursive: true, force: true });
    const run = npmRun('restore', [backupDir], env);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /every row count and checksum as in the manifest/);
    const restored = await openPGlite({ dataDir: dbDir });
    try {
      assert.deepEqual(await figuresOf(restored.db), before);
      const mail = await restored.db.selectFrom('mail_outbox').select(['body', 'sent_at']).where('subject', '=', 'Emne 1').executeTakeFirstOrThrow();
      assert.equal(mail.body, 'ære være Øystein');
      assert.equal(mail.sent_at?.toISOString(), '2026-01-02T02:04:05.678Z');
    } finally {
      await restored.close();
    }
  });

  test('a restore refuses a folder that holds a database, and --force moves that one aside', async () => {
    await assert.rejects(restoreBackup({ databaseUrl: undefined, dataDir }, backupDir, { replace: false }), TargetNotEmptyError);
    const result = await restoreBackup({ databaseUrl: undefined, dataDir }, backupDir, { replace: true });
    assert.deepEqual(result.tables, before);
    assert.ok(result.movedAside && existsSync(join(result.movedAside, 'PG_VERSION')), 'the replaced database is kept');
  });

  test('a damaged backup is refused before anything is touched', async () => {
    const damaged = join(work, 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    const file = join(damaged, 'pglite-datadir.tar.gz');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    writeFileSync(file, bytes);
    await assert.rejects(restoreBackup({ databaseUrl: undefined, dataDir: join(work, 'untouched') }, damaged, { replace: false }),
      (error: unknown) => error instanceof BackupInvalidError && /damaged/.test(error.message));
    assert.equal(existsSync(join(work, 'untouched', 'db')), false);
  });
});

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
