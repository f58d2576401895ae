import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor } from '../../accounts/client.ts';
import { PEOPLE, evidencePeople, fixture } from './helpers.ts';

const IMPORT = '/nettverket/kunnskap/import';

for (const backend of backends()) {
  describe(`importing citations into the evidence library on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let coordinator: Visitor;
    const count = async () => Number((await database.db.selectFrom('evidence_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const auditRows = async () => Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('resource_type', '=', 'evidence_entry').executeTakeFirstOrThrow()).n);

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await evidencePeople(database.db);
      coordinator = new Visitor(app);
      await coordinator.signIn(PEOPLE.coordinator, PASSWORD);
    });

    test('a RIS upload is previewed first, and written only when the coordinator confirms', async () => {
      const before = await count();
      await coordinator.get(IMPORT);
      const preview = await coordinator.upload(IMPORT, [{ field: 'file', name: 'two-studies.ris', content: fixture('two-studies.ris') }]);
      assert.equal(preview.status, 200, preview.body.slice(0, 500));
      assert.equal(preview.$('h1').text(), 'Se over importen');
      assert.match(preview.$('main').text(), /Fant 2 referanser i formatet RIS\. Ingenting er lagret ennå\./);
      assert.deepEqual(preview.$('.evidence-preview tbody tr').map((_, row) => preview.$(row).attr('data-outcome')).get(), ['new', 'new']);
      assert.equal(await count(), before, 'nothing written by the preview');
      const done = await coordinator.post('/nettverket/kunnskap/import/lagre', { format: String(preview.$('input[name=format]').val()), data: String(preview.$('input[name=data]').val()) });
      assert.equal(done.status, 303);
      assert.equal(done.location, '/nettverket/kunnskap?importert=2&hoppet=0');
      assert.equal(await count(), before + 2);
      const list = await coordinator.get(done.location!);
      assert.match(list.$('main .ds-alert').text(), /2 kilder importert\. Alle er merket «ikke kontrollert»\./);
      const entry = await database.db.selectFrom('evidence_entry').selectAll().where('doi', '=', '10.5555/samklang.ris.1').executeTakeFirstOrThrow();
      assert.equal(entry.key, 'nordmann2021-fiktiv');
      assert.equal(entry.origin, 'import');
      assert.equal(entry.checked_at, null);
      const audited = await database.db.selectFrom('audit_log').select(['field_name', 'replacement_value', 'last_action_type']).where('resource_id', '=', entry.id).execute();
      assert.ok(audited.some((row) => row.field_name === 'title' && row.replacement_value === 'Fiktiv studie om musikkterapi og motivasjon' && row.last_action_type === 'import'));
    });

    test('the same file again: every record with a DOI already in the library is shown as a duplicate and not imported twice', async () => {
      await coordinator.get(IMPORT);
      const preview = await coordinator.upload(IMPORT, [{ field: 'file', name: 'two-studies.ris', content: fixture('two-studies.ris').replace('10.5555/SAMKLANG.RIS.1', 'https://doi.org/10.5555/samklang.ris.1') }]);
      const outcomes = preview.$('.evidence-preview tbody tr').map((_, row) => preview.$(row).attr('data-outcome')).get();
      // the record without a DOI cannot be recognised, so it would be imported again: the page says so
      assert.deepEqual(outcomes, ['library', 'new']);
      assert.equal(preview.$('.evidence-preview tbody tr').first().find('a').attr('href'), '/nettverket/kunnskap/kilde/nordmann2021-fiktiv');
      assert.match(preview.$('.evidence-preview tbody tr').eq(1).text(), /uten DOI/);
    });

    test('a CSL-JSON paste with the same DOI twice (case and resolver differ) imports it once', async () => {
      const before = await count();
      await coordinator.get(IMPORT);
      const preview = await coordinator.post('/nettverket/kunnskap/import/lim-inn', { format: '', text: fixture('studies.csl.json') });
      assert.equal(preview.status, 200);
      assert.deepEqual(preview.$('.evidence-preview tbody tr').map((_, row) => preview.$(row).attr('data-outcome')).get(), ['new', 'file']);
      assert.match(preview.$('.evidence-preview tbody tr').eq(1).text(), /Samme DOI som nr\. 1 i fila/);
      assert.equal(preview.$('main button[type=submit]').text(), 'Importer 1 referanse');
      const done = await coordinator.post('/nettverket/kunnskap/import/lagre', { format: 'csl', data: String(preview.$('input[name=data]').val()) });
      assert.equal(done.location, '/nettverket/kunnskap?importert=1&hoppet=1');
      assert.equal(await count(), before + 1);
      assert.ok(await database.db.selectFrom('evidence_entry').select('key').where('key', '=', 'moe2022-fiktiv').executeTakeFirst(), 'the CSL id is the key');
    });

    test('a BibTeX paste imports with its own keys', async () => {
      await coordinator.get(IMPORT);
      const preview = await coordinator.post('/nettverket/kunnskap/import/lim-inn', { format: 'bibtex', text: fixture('studies.bib') });
      assert.equal(preview.status, 200);
      const done = await coordinator.post('/nettverket/kunnskap/import/lagre', { format: 'bibtex', data: String(preview.$('input[name=data]').val()) });
      assert.equal(done.status, 303);
      const keys = (await database.db.selectFrom('evidence_entry').select(['key', 'kind']).where('key', 'in', ['lie2020fiktiv', 'vik2018fiktiv']).orderBy('key').execute());
      assert.deepEqual(keys, [{ key: 'lie2020fiktiv', kind: 'study' }, { key: 'vik2018fiktiv', kind: 'resource' }]);
    });

    test('a file with a malformed record: a Norwegian error naming the record, and nothing written', async () => {
      const entries = await count();
      const audits = await auditRows();
      await coordinator.get(IMPORT);
      const ris = await coordinator.upload(IMPORT, [{ field: 'file', name: 'malformed-year.ris', content: fixture('malformed-year.ris') }]);
      assert.equal(ris.status, 422);
      assert.match(ris.$('#import-error').text(), /Referanse nr\. 2 \(«Fiktiv studie med ødelagt årstall»\) kan ikke leses: årstallet «tjuetjue»/);
      assert.match(ris.$('#import-error').text(), /Ingenting er lagret/);
      assert.equal(ris.$('form[action="/nettverket/kunnskap/import/lagre"]').length, 0, 'no way to confirm');
      const bib = await coordinator.post('/nettverket/kunnskap/import/lim-inn', { format: '', text: fixture('malformed.bib') });
      assert.equal(bib.status, 422);
      assert.match(bib.$('#import-error').text(), /Referanse nr\. 2 \(«brutt2021fiktiv»\) kan ikke leses/);
      assert.equal(bib.$('#text').text(), fixture('malformed.bib'), 'the pasted text is kept');
      // a tampered confirmation is checked again, and refused whole
      const tampered = await coordinator.post('/nettverket/kunnskap/import/lagre', { format: 'ris', data: Buffer.from(fixture('malformed-year.ris')).toString('base64') });
      assert.equal(tampered.status, 422);
      assert.equal(await count(), entries);
      assert.equal(await auditRows(), audits);
      assert.equal(await database.db.selectFrom('evidence_entry').select('id').where('doi', '=', '10.5555/samklang.ris.ok').executeTakeFirst(), undefined);
    });

    test('no file, an empty paste, a file that is not UTF-8, a file too large: said in Norwegian', async () => {
      await coordinator.get(IMPORT);
      const none = await coordinator.upload(IMPORT, []);
      assert.equal(none.status, 400);
      assert.match(none.$('#import-error').text(), /Velg en fil eller lim inn referanser/);
      const latin1 = await coordinator.upload(IMPORT, [{ field: 'file', name: 'x.ris', content: Buffer.from([0x54, 0x49, 0x20, 0x20, 0x2d, 0x20, 0xf8, 0x0a]) }]);
      assert.match(latin1.$('#import-error').text(), /ikke lagret som UTF-8/);
      const big = await coordinator.upload(IMPORT, [{ field: 'file', name: 'x.ris', content: 'x'.repeat(600 * 1024) }]);
      assert.equal(big.status, 413);
      assert.match(big.$('#import-error').text(), /høyst 500 kB/);
      const empty = await coordinator.post('/nettverket/kunnskap/import/lim-inn', { format: '', text: '   ' });
      assert.equal(empty.status, 400);
    });

    test('only the secretariat may import: the public is asked to sign in, others are refused', async () => {
      const entries = await count();
      const anonymous = new Visitor(app);
      assert.equal((await anonymous.get(IMPORT)).status, 401);
      for (const email of [PEOPLE.participant, PEOPLE.outsider]) {
        const someone = new Visitor(app);
        await someone.signIn(email, PASSWORD);
        assert.equal((await someone.get(IMPORT)).status, 403, email);
        assert.equal((await someone.post('/nettverket/kunnskap/import/lim-inn', { text: fixture('studies.bib') })).status, 403, email);
        assert.equal((await someone.post('/nettverket/kunnskap/import/lagre', { format: 'bibtex', data: Buffer.from(fixture('studies.bib').replace(/samklang\.bib\.1/, 'samklang.bib.x')).toString('base64') })).status, 403, email);
        assert.equal((await someone.upload(IMPORT, [{ field: 'file', name: 'a.ris', content: fixture('two-studies.ris') }])).status, 403, email);
      }
      assert.equal(await count(), entries);
    });
  });
}
