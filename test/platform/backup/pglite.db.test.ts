import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openPGlite } from '../../../src/platform/db/index.ts';
import { prepareDatabase } from '../../../src/setup.ts';
import {
  BackupInvalidError, TargetNotEmptyError, readBackup, restoreBackup, type TableFigures,
} from '../../../src/platform/backup/index.ts';
import { addRows, backupDirOf, figuresOf, npmRun, workFolder } from './common.ts';

const work = workFolder();

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
