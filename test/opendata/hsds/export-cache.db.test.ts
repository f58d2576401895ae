import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { reindexServices } from '../../../src/directory/index.ts';
import { sweepExportFolders } from '../../../src/opendata/hsds/export-cache.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

for (const backend of backends()) {
  describe(`whole-directory exports are kept per data version on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Eksportby kommune' });
    const choir = aService(org, { name: 'Kor i Eksportby' });
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [choir]) });
    before(() => ({ database, app } = suite));

    test('/hsds/tabular.json: a repeat fetch is served from the cache, a change in the directory builds it again', async () => {
      const first = await get('/hsds/tabular.json');
      assert.equal(first.statusCode, 200);
      assert.match(first.headers['content-type'] as string, /^application\/json/);
      assert.equal(first.headers['x-samklang-cache'], 'miss');
      assert.deepEqual(first.json().service.map((s: { name: string }) => s.name), ['Kor i Eksportby']);

      const again = await get('/hsds/tabular.json');
      assert.equal(again.headers['x-samklang-cache'], 'hit');
      assert.equal(again.body, first.body);
      assert.equal(again.headers.etag, first.headers.etag);
      const unchanged = await get('/hsds/tabular.json', { 'if-none-match': String(first.headers.etag) });
      assert.equal(unchanged.statusCode, 304);

      await sql`update service set name = 'Kor i Eksportby sentrum' where id = ${choir.id}`.execute(database.db);
      const changed = await get('/hsds/tabular.json');
      assert.equal(changed.headers['x-samklang-cache'], 'miss');
      assert.notEqual(changed.headers.etag, first.headers.etag);
      assert.deepEqual(changed.json().service.map((s: { name: string }) => s.name), ['Kor i Eksportby sentrum']);
      assert.equal((await get('/hsds/tabular.json', { 'if-none-match': String(first.headers.etag) })).statusCode, 200, 'an old ETag gets the new export');

      // a change to a table only the export reads (a phone) counts too
      await sql`insert into phone (id, service_id, number) values (gen_random_uuid(), ${choir.id}, '+47 22 00 00 00')`.execute(database.db);
      const phoned = await get('/hsds/tabular.json');
      assert.equal(phoned.headers['x-samklang-cache'], 'miss');
      assert.deepEqual(phoned.json().phone.map((p: { number: string }) => p.number), ['+47 22 00 00 00']);
    });

    test('/api/v1/services.csv: kept per query and data version', async () => {
      const first = await get('/api/v1/services.csv?sortering=navn');
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-samklang-cache'], 'miss');
      assert.match(first.headers['content-disposition'] as string, /samklang-tilbud\.csv/);
      assert.equal((await get('/api/v1/services.csv?sortering=navn')).headers['x-samklang-cache'], 'hit');
      const other = await get('/api/v1/services.csv?sortering=navn&sep=%2C');
      assert.equal(other.headers['x-samklang-cache'], 'miss', 'another query is another export');
      assert.notEqual(other.body, first.body);

      // as the app writes: the row, then the finder's index the CSV reads
      await sql`update service set name = 'Kor i Eksportby, nytt navn' where id = ${choir.id}`.execute(database.db);
      await reindexServices(database.db, [choir.id]);
      const changed = await get('/api/v1/services.csv?sortering=navn');
      assert.equal(changed.headers['x-samklang-cache'], 'miss');
      assert.match(changed.body, /Kor i Eksportby, nytt navn/);
    });

    test('HSDS ndjson streams document by batch instead of being built whole', async () => {
      const response = await get('/hsds/services?format=ndjson');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^application\/x-ndjson/);
      assert.equal(response.headers['content-length'], undefined, 'streamed: its length is not known in advance');
      assert.equal(response.body.trim().split('\n').length, 1);
    });
  });
}

describe('export folders of stopped processes', () => {
  test('are removed; those of running processes stay', async () => {
    const under = mkdtempSync(join(tmpdir(), 'samklang-sweep-'));
    try {
      // a process that has exited: its id is free (reused only after the kernel wraps around)
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      const stopped = join(under, `samklang-exports-${gone}-aaaaaa`);
      const running = join(under, `samklang-exports-${process.ppid}-bbbbbb`);
      const other = join(under, 'samklang-exports-cccccc'); // an older name without a process id: left alone
      for (const folder of [stopped, running, other]) mkdirSync(folder);
      writeFileSync(join(stopped, 'x.part'), 'left behind');
      sweepExportFolders(under);
      assert.deepEqual(readdirSync(under).sort(), [basename(running), basename(other)].sort());
    } finally {
      rmSync(under, { recursive: true, force: true });
    }
  });
});
