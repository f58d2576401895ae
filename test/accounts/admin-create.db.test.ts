import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { createAdmin } from '../../src/accounts/admin-create.ts';
import { appSuite } from '../helpers/app.ts';
import { Visitor, pathOf } from './client.ts';

describe('creating the first admin', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  const suite = appSuite('pglite', { env: { JOB_WORKER: 'off' } });
  before(() => ({ database, app } = suite));

  test('gives a single-use link to choose a password; then the admin reaches moderation', async () => {
    const result = await createAdmin(database.db, { publicUrl: 'https://samklang.test' }, { email: 'Sjef@Example.no', name: 'Sjef' });
    assert.equal(result.created, true);
    const v = new Visitor(app);
    await v.get(pathOf(result.link));
    assert.equal((await v.post(pathOf(result.link), { password: 'sekretariatet sitt passord' })).status, 200);
    assert.equal((await v.signIn('sjef@example.no', 'sekretariatet sitt passord')).status, 303);
    assert.equal((await v.get('/moderering')).status, 200);
    const again = await createAdmin(database.db, { publicUrl: 'https://samklang.test' }, { email: 'sjef@example.no', name: null });
    assert.equal(again.created, false);
  });

  test('npm run admin:create works against a configured database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samklang-admin-'));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/admin-create.ts', '--email', 'forste@example.no'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PUBLIC_URL: 'https://samklang.test' },
      });
      assert.match(stdout, /Created admin forste@example\.no/);
      assert.match(stdout, /https:\/\/samklang\.test\/nytt-passord\/[A-Za-z0-9_-]{43}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
