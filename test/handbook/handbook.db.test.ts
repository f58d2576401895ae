import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { CONTENT_DIR, parseSection } from '../../src/handbook/content.ts';
import { exportHandbook, syncHandbookContent } from '../../src/handbook/index.ts';
import { findSection } from '../../src/handbook/queries.ts';
import { searchHandbook } from '../../src/handbook/search.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { getPage, testApp } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../accounts/client.ts';

for (const backend of backends()) {
  describe(`establishment handbook on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let dir: string;

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await testApp(database.db, { JOB_WORKER: 'off' });
      dir = mkdtempSync(join(tmpdir(), 'samklang-handbook-'));
      cpSync(CONTENT_DIR, dir, { recursive: true });
      await anAccount(database.db, { email: 'admin@nettverket.no', name: 'Ada Admin', admin: true });
      await anAccount(database.db, { email: 'vanlig@example.no' });
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await app.close();
      await database.close();
    });

    test('the start-up sync is idempotent: a second run over the same files changes nothing', async () => {
      // run twice here rather than rely on being the first test after the app's own sync
      const first = await syncHandbookContent(database.db, dir);
      const second = await syncHandbookContent(database.db, dir);
      assert.deepEqual(second, { added: [], updated: [], keptBrowserEdits: first.keptBrowserEdits });
    });

    test('Norwegian stemming: "stillingen" and "instrumentene" find the sections about them', async () => {
      const position = await searchHandbook(database.db, 'stillingen');
      assert.equal(position[0]?.slug, 'stillingsstorrelse');
      const instruments = await searchHandbook(database.db, 'instrumentene');
      assert.ok(instruments.some((hit) => hit.slug === 'rom-og-instrumenter'));
      assert.ok(instruments[0]!.snippet.some((part) => part.match));
      assert.deepEqual(await searchHandbook(database.db, '   '), []);
    });

    test('the front page lists every part and section and says the content is a draft', async () => {
      const { status, $ } = await getPage(app, '/veileder');
      assert.equal(status, 200);
      assert.equal($('h1').text(), 'Etableringsveileder');
      assert.deepEqual($('main h2[id^=part-]').map((_, el) => $(el).text()).get(), ['Del 1: Om musikkterapi', 'Del 2: Planlegging', 'Del 3: Drift', 'Del 4: Tjenestesteder']);
      assert.ok($('.section-list li').length >= 15);
      assert.match($('.draft-banner').text(), /Utkast til faglig gjennomgang/);
      assert.equal($('label[for=q]').length, 1);
      assert.equal($('header nav a[href="/veileder"]').text(), 'Etableringsveileder');
    });

    test('a section page: one h1, a draft banner, a table of contents whose links land, sources, previous and next', async () => {
      const { status, $ } = await getPage(app, '/veileder/nasjonale-retningslinjer');
      assert.equal(status, 200);
      assert.equal($('h1').length, 1);
      assert.match($('.draft-banner').text(), /Utkast/);
      const targets = $('.toc a').map((_, el) => $(el).attr('href')).get();
      assert.ok(targets.length >= 3);
      for (const href of targets) assert.equal($(href).length, 1, href);
      assert.match($('.sources').text(), /IS-1957/);
      assert.equal($('a[rel=prev]').attr('href'), '/veileder/kunnskapsgrunnlag');
      assert.equal($('a[rel=next]').attr('href'), '/veileder/malgruppe-og-tjenesteniva');
      assert.match($('.section-checklist').text(), /Behov og målgruppe/);
      assert.equal($('a[href$="/rediger"]').length, 0, 'no edit link for the public');
    });

    test('unknown sections are 404, and a too long search keeps the text and says why', async () => {
      assert.equal((await getPage(app, '/veileder/finnes-ikke')).status, 404);
      const long = 'a'.repeat(201);
      const { status, $ } = await getPage(app, `/veileder/sok?q=${long}`);
      assert.equal(status, 400);
      assert.equal($('#q').val(), long);
      assert.match($('#q-error').text(), /200 tegn/);
      const hits = await getPage(app, '/veileder/sok?q=tilskudd');
      assert.ok(hits.$('.hit mark').length > 0);
    });

    test('only admins may edit: others are asked to sign in or refused', async () => {
      assert.equal((await getPage(app, '/veileder/forankring/rediger')).status, 401);
      const user = new Visitor(app, '10.0.3.1');
      await user.signIn('vanlig@example.no', PASSWORD);
      assert.equal((await user.get('/veileder/forankring/rediger')).status, 403);
      assert.equal((await user.get('/veileder/forankring/historikk')).status, 403);
      await user.get('/veileder/forankring');
      assert.equal((await user.post('/veileder/forankring/gjennomgatt', {})).status, 403);
    });

    test('an admin previews, fixes an error without losing text, saves, sees the diff, marks it reviewed and exports it', async () => {
      const admin = new Visitor(app, '10.0.3.2');
      await admin.signIn('admin@nettverket.no', PASSWORD);
      const form = await admin.get('/veileder/forankring/rediger');
      const original = form.$('#body').text();
      const body = original.replace('## ', '## Ny innledning\n\nEt nytt avsnitt om ledelse.\n\n## ');
      const values = { title: form.$('#title').val() as string, summary: form.$('#summary').text(), sources: form.$('#sources').text(), body, note: 'La til innledning' };

      const preview = await admin.post('/veileder/forankring/rediger', { ...values, handling: 'forhandsvis' });
      assert.equal(preview.status, 200);
      assert.match(preview.$('.preview').text(), /Et nytt avsnitt om ledelse/);
      assert.equal(preview.$('#body').text(), body);
      assert.doesNotMatch((await getPage(app, '/veileder/forankring')).$('main').text(), /Et nytt avsnitt om ledelse/, 'a preview saves nothing');

      const wrong = await admin.post('/veileder/forankring/rediger', { ...values, body: `# Feil nivå\n\n${body}`, title: '', handling: 'lagre' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.$('#body').text(), `# Feil nivå\n\n${body}`);
      assert.equal(wrong.$('#note').val(), 'La til innledning');
      assert.match(wrong.$('#body-error').text(), /##/);
      assert.ok(wrong.$('#title-error').text().length > 0);

      const saved = await admin.post('/veileder/forankring/rediger', { ...values, handling: 'lagre' });
      assert.equal(saved.status, 303);
      const page = await admin.get('/veileder/forankring');
      assert.match(page.$('.handbook-body').text(), /Et nytt avsnitt om ledelse/);
      assert.equal(page.$('h2#ny-innledning').length, 1);

      const history = await admin.get('/veileder/forankring/historikk');
      assert.equal(history.$('tbody tr').length, 2);
      assert.match(history.$('tbody tr').first().text(), /Ada Admin.*La til innledning/s);
      const diff = await admin.get('/veileder/forankring/historikk/2');
      assert.match(diff.$('.diff ins').text(), /Et nytt avsnitt om ledelse/);
      assert.equal(diff.$('.diff del').length, 0);

      // the edit is in the database only: a changed file does not overwrite it
      const file = join(dir, '2-planlegging/05-forankring.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('## ', '## Endret i git\n\n## '));
      assert.deepEqual((await syncHandbookContent(database.db, dir)).keptBrowserEdits, ['forankring']);

      await admin.post('/veileder/forankring/gjennomgatt', {});
      const reviewed = await admin.get('/veileder/forankring');
      assert.equal(reviewed.$('.draft-banner').length, 0);
      assert.match(reviewed.$('.review-status').text(), /Faglig gjennomgått/);

      assert.deepEqual(await exportHandbook(database.db, dir), ['2-planlegging/05-forankring.md']);
      const exported = parseSection('2-planlegging/05-forankring.md', readFileSync(file, 'utf8'));
      assert.equal(exported.frontMatter.status, 'gjennomgått');
      assert.match(exported.body, /Et nytt avsnitt om ledelse/);
      assert.doesNotMatch(exported.body, /Endret i git/);
      assert.equal((await findSection(database.db, 'forankring'))!.edited_in_db, false);
      assert.deepEqual(await exportHandbook(database.db, dir), [], 'nothing left to export');
      assert.deepEqual(await syncHandbookContent(database.db, dir), { added: [], updated: [], keptBrowserEdits: [] }, 'file and database agree');
    });

    test('a file changed in git updates an unedited section with a new revision, and the next edit makes it a draft again', async () => {
      const file = join(dir, '2-planlegging/04-rom-og-instrumenter.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: "utkast"', 'status: "gjennomgått"').replace('last_reviewed: null', 'last_reviewed: "2026-05-01"'));
      assert.deepEqual((await syncHandbookContent(database.db, dir)).updated, ['rom-og-instrumenter']);
      const section = await findSection(database.db, 'rom-og-instrumenter');
      assert.equal(section!.status, 'gjennomgått');
      assert.equal(section!.last_reviewed, '2026-05-01');
    });
  });
}
