import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase, Db } from '../../../../../src/platform/db/index.ts';
import { loadDemoData } from '../../../../../src/directory/index.ts';
import { importSource } from '../../../../../src/directory/intake/imports/pipeline/index.ts';
import { MAX_PAGES } from '../../../../../src/directory/intake/imports/pipeline/read.ts';
import { unzipFiles } from '../../../../../src/directory/intake/imports/pipeline/zip.ts';
import { UnreadableSource } from '../../../../../src/directory/intake/imports/pipeline/unreadable.ts';
import { backends, freshDatabase } from '../../../../helpers/db.ts';
import { listenOnLoopback, testApp } from '../../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../../../accounts/client.ts';
import { examplesOnEarth, tempFile } from '../../../../opendata/examples.ts';
import { runId, settled } from '../import-helpers.ts';

// Imports that used to surprise (issue #16, item 3): a paged address read as its first page only,
// the 22-file tabular package refused by the page, messages naming "undefined", line numbers off
// for CR CR LF files.

/** The official tabular package (moved onto Earth) as a zip, in a folder as archivers make them. */
function packageZip(): Uint8Array {
  const dir = join(examplesOnEarth(), 'csv');
  return zipSync(Object.fromEntries(readdirSync(dir).map((name) => [`hsds-pakke/${name}`, new Uint8Array(readFileSync(join(dir, name)))])));
}

for (const backend of backends()) {
  describe(`imports that surprise no more, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let db: Db;
    let source: OpenedDatabase;
    let sourceApp: FastifyInstance;
    let base: string;
    before(async () => {
      database = await freshDatabase(backend.name);
      db = database.db;
      source = await freshDatabase(backend.name);
      await loadDemoData(source.db, { services: 12 });
      sourceApp = await testApp(source.db, { JOB_WORKER: 'off' });
      base = await listenOnLoopback(sourceApp);
    });
    after(async () => {
      await sourceApp?.close();
      await source?.close();
      await database?.close();
    });

    test('a paged address (/hsds/services?full=true) is read page by page, every page', async () => {
      const listing = (await sourceApp.inject('/hsds/services?per_page=2')).json() as { total_items: number; total_pages: number };
      assert.ok(listing.total_pages >= 3);
      const report = await importSource(db, `${base}/hsds/services?full=true&per_page=2`, { dryRun: true });
      assert.ok(report.ok, JSON.stringify(report.problems.slice(0, 3)));
      assert.equal(report.counts.service?.added, listing.total_items, 'every page, not page 1 only');
    });

    test(`a listing of more than ${MAX_PAGES} pages, or pages that do not follow on, is refused with the reason`, async () => {
      let pages = 500;
      const server: Server = createServer((request, response) => {
        const page = Number(new URL(request.url!, 'http://x').searchParams.get('page') ?? 1);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ total_items: pages * 1, total_pages: pages, page_number: pages === 3 ? 1 : page, size: 0, contents: [] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hsds/services`;
      try {
        const tooMany = await importSource(db, url, { dryRun: true });
        assert.match(tooMany.problems[0]!.message, /side 1 av 500, og importen følger høyst 200 sider/);
        pages = 3;
        const stuck = await importSource(db, url, { dryRun: true });
        assert.ok(stuck.problems.some((p) => /svarte ikke med side 2/.test(p.message)), JSON.stringify(stuck.problems));
      } finally {
        server.close();
      }
    });

    test('a zip of the official 22-file tabular package imports from the command line, and from the page', async () => {
      const zip = packageZip();
      const unzipped = unzipFiles('pakke.zip', zip);
      assert.ok('files' in unzipped && unzipped.files.length === 22, 'the 21 tables and datapackage.json');
      // tempFile writes text; the zip's bytes are written as they are
      const path = tempFile('pakke.zip', '');
      (await import('node:fs')).writeFileSync(path, zip);
      const fromDisk = await importSource(db, path, { dryRun: true });
      assert.ok(fromDisk.ok, JSON.stringify(fromDisk.problems));
      assert.equal(fromDisk.counts.service?.added, 1);
      assert.ok(fromDisk.counts.cost_option?.added, 'cost_options.csv read');

      const app = await testApp(db, { JOB_WORKER: 'off' });
      try {
        await anAccount(db, { email: 'zip@example.no', admin: true });
        const admin = new Visitor(app, '10.9.0.1');
        await admin.signIn('zip@example.no', PASSWORD);
        await admin.get('/import');
        const checked = await admin.upload('/import', [{ field: 'filer', name: 'pakke.zip', content: Buffer.from(zip) }]);
        assert.equal(checked.status, 303, checked.$('main').text());
        const page = await settled(admin, checked.location!);
        assert.equal(page.status, 200);
        assert.match(page.$('main').text(), /Community Counselling/);
        assert.ok(runId(checked.location));

        const evil = zipSync({ 'services.csv': strToU8('id\n'), '../../etc/cron.d/evil.csv': strToU8('x') });
        const refused = await admin.upload('/import', [{ field: 'filer', name: 'ond.zip', content: Buffer.from(evil) }]);
        assert.equal(refused.status, 400);
        assert.match(refused.$('main').text(), /«\.\.\/\.\.\/etc\/cron\.d\/evil\.csv», et navn som peker ut av pakken/);
      } finally {
        await app.close();
      }
    });

    test('a zip bomb stops at the limit, and too many entries are refused', async () => {
      const bomb = zipSync({ 'services.csv': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
      assert.ok(bomb.length < 1024 * 1024, 'small packed');
      const result = unzipFiles('bombe.zip', bomb);
      assert.ok('error' in result && /større enn 25 MB/.test(result.error));
      const many = zipSync(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`f${i}.csv`, strToU8('a\n')])));
      const crowded = unzipFiles('mange.zip', many);
      assert.ok('error' in crowded && /flere enn 100 filer/.test(crowded.error));
      const path = tempFile('ond.zip', '');
      (await import('node:fs')).writeFileSync(path, zipSync({ '/abs.csv': strToU8('x') }));
      await assert.rejects(importSource(db, path, { dryRun: true }), (error) => error instanceof UnreadableSource && /peker ut av pakken/.test(error.message));
    });

    test('an attribute without link_entity is named as such (not "egenskaper på undefined"), and CR CR LF keeps line numbers', async () => {
      const attributes = 'id,link_id,taxonomy_term_id,value\n9a1f4a52-1b6f-4c1e-9f59-7c1f0e0f2a11,0f8e7a52-1b6f-4c1e-9f59-7c1f0e0f2a11,3f7b145d-84af-42d7-8fae-eaca714b02b2,x\n';
      const report = await importSource(db, tempFile('attributes.csv', attributes), { dryRun: true });
      const all = [...report.problems, ...report.warnings].map((f) => f.message).join('\n');
      assert.doesNotMatch(all, /undefined/);
      assert.match(all, /link_entity mangler/);

      const organization = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
      const rows = ['id,organization_id,name,status', `0f8e7a52-1b6f-4c1e-9f59-7c1f0e0f2a12,${organization},"To\r\r\nlinjer",active`,
        `0f8e7a52-1b6f-4c1e-9f59-7c1f0e0f2a13,${organization},Feil,kanskje`];
      const crcrlf = await importSource(db, tempFile('services.csv', `${rows.join('\r\r\n')}\r\r\n`), { dryRun: true });
      assert.deepEqual(crcrlf.problems.filter((p) => /status/.test(p.message)).map((p) => p.where), ['services.csv linje 4']);
    });
  });
}
