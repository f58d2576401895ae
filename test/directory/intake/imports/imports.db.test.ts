import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase, Db } from '../../../../src/platform/db/index.ts';
import { serviceDocuments } from '../../../../src/opendata/hsds/documents.ts';
import { importFromCommandLine } from '../../../../src/directory/intake/imports/index.ts';
import { searchServices } from '../../../../src/directory/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../../accounts/client.ts';
import { runId, runStatus, settled } from './import-helpers.ts';
import { tempFile } from '../../../opendata/examples.ts';
import { aLocation, aService, anOrganization, store } from '../../factories.ts';

const FILE_FIELD = 'filer';
const query = { text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'name' as const, page: 1, perPage: 100 };

/** A service of the directory as the HSDS API gives it, changed as a register would change it. */
async function exported(db: Db, id: string, change: (doc: Record<string, unknown>) => void = () => {}): Promise<string> {
  const [doc] = await serviceDocuments(db, [id], 'full') as Record<string, unknown>[];
  change(doc!);
  return JSON.stringify(doc);
}

/** A new service of an organisation the directory has, in the smallest HSDS form the import takes. */
const newService = (organizationId: string, name: string) => JSON.stringify({ id: randomUUID(), organization_id: organizationId, name, description: 'Importert i test.', status: 'active' });

for (const backend of backends()) {
  describe(`import page and moderation of imports on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let db: Db;
    let app: FastifyInstance;
    let admin: Visitor;
    let editor: Visitor;
    let adminId: string;
    const own = anOrganization({ name: 'Elvdal kommune', organizationNumber: '974760673' });
    const other = anOrganization({ name: 'Nabodal kommune' });
    const ownService = aService(own, { name: 'Sangstund i Elvdal' });
    const otherService = aService(other, { name: 'Trommegruppe i Nabodal' });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [own, other], [ownService, otherService]) });
    before(() => ({ database, db, app } = suite));
    before(async () => {
      adminId = await anAccount(db, { email: 'sekretariat@example.no', admin: true });
      await anAccount(db, { email: 'redaktor@example.no', editorOf: [own.id] });
      await anAccount(db, { email: 'publikum@example.no' });
      admin = new Visitor(app, '10.7.0.1');
      editor = new Visitor(app, '10.7.0.2');
      await admin.signIn('sekretariat@example.no', PASSWORD);
      await editor.signIn('redaktor@example.no', PASSWORD);
    });

    test('an admin checks a file, sees what changes, imports it, and every change is audited', async () => {
      const page = await admin.get('/import');
      assert.equal(page.status, 200);
      assert.equal(page.$('form[enctype="multipart/form-data"] input[type=file][name=filer]').length, 1);
      assert.equal(page.$('label[for=filer]').length, 1);
      assert.equal(page.$('a[href="/apne-data/importmal.csv"]').length, 1, 'the template is downloadable from the page');

      const text = `${newService(own.id, 'Importert band i Elvdal')}\n${await exported(db, ownService.id, (d) => { d.name = 'Sangstund i Elvdal sentrum'; })}`;
      const checked = await admin.upload('/import', [{ field: FILE_FIELD, name: 'register.ndjson', content: text }]);
      await settled(admin, checked.location!);
      assert.equal(checked.status, 303);
      const id = runId(checked.location);
      assert.equal((await runStatus(db, id)).status, 'checked');
      const before = await searchServices(db, query);
      assert.equal(before.total, 2, 'a check writes nothing');

      const preview = await admin.get(checked.location!);
      assert.equal(preview.status, 200);
      const main = preview.$('main').text();
      assert.match(main, /Importert band i Elvdal/);
      assert.match(main, /Sangstund i Elvdal sentrum/);
      assert.ok(preview.$('td').filter((_, td) => preview.$(td).text() === 'Sangstund i Elvdal').length > 0, 'the old value is shown beside the new');
      assert.equal(preview.$('button[name=handling][value=importer]').length, 1);

      const applied = await admin.post(checked.location!, { handling: 'importer' });
      assert.equal(applied.status, 200);
      assert.match(applied.$('main').text(), /Importen er lagret/);
      assert.equal((await runStatus(db, id)).status, 'applied');
      assert.equal((await runStatus(db, id)).files, 0, 'the uploaded files are not kept once the run is decided');
      const names = (await searchServices(db, query)).hits.map((h) => h.name).sort();
      assert.deepEqual(names, ['Importert band i Elvdal', 'Sangstund i Elvdal sentrum', 'Trommegruppe i Nabodal']);

      const { rows: audit } = await sql<{ last_action_type: string; field_name: string; previous_value: string; replacement_value: string; updated_by: string; import_run_id: string }>`
        select last_action_type, field_name, previous_value, replacement_value, updated_by, import_run_id::text from audit_log where resource_id = ${ownService.id}`.execute(db);
      assert.deepEqual(audit.map((a) => [a.last_action_type, a.field_name, a.previous_value, a.replacement_value, a.updated_by, a.import_run_id]),
        [['import-update', 'name', 'Sangstund i Elvdal', 'Sangstund i Elvdal sentrum', adminId, id]]);
      const history = await admin.get(`/moderering/historikk/${ownService.id}`);
      assert.match(history.$('main').text(), /Endret ved import/);

      const again = await admin.upload('/import', [{ field: FILE_FIELD, name: 'register.ndjson', content: text }]);
      await settled(admin, again.location!);
      const same = await admin.get(again.location!);
      assert.match(same.$('main').text(), /Importen vil ikke endre noe/);
    });

    test('a file with problems changes nothing, and each problem is listed by place in the file', async () => {
      const broken = JSON.stringify({ id: randomUUID(), organization_id: own.id, name: 'Uten status', description: 'x', status: 'kanskje' });
      const checked = await admin.upload('/import', [{ field: FILE_FIELD, name: 'feil.json', content: broken }]);
      await settled(admin, checked.location!);
      const page = await admin.get(checked.location!);
      assert.equal((await runStatus(db, runId(checked.location))).status, 'invalid');
      assert.match(page.$('h2').first().text(), /1 feil må rettes/);
      assert.match(page.$('main table').first().text(), /status/);
      assert.equal(page.$('button[name=handling]').length, 0, 'nothing to import');
      assert.doesNotMatch(page.body, /samklang-import-/, 'the temporary folder never shows');
    });

    test('an editor imports their own entries through moderation; the admin approves and the editor hears by mail', async () => {
      const page = await editor.get('/import');
      assert.match(page.$('main').text(), /sendes til sekretariatet/);
      const text = await exported(db, ownService.id, (d) => { d.description = 'Sang for alle, hver tirsdag.'; });
      const checked = await editor.upload('/import', [{ field: FILE_FIELD, name: 'elvdal.json', content: text }]);
      await settled(editor, checked.location!);
      assert.equal(checked.status, 303);
      const preview = await editor.get(checked.location!);
      assert.equal(preview.$('button[name=handling][value=importer]').length, 0, 'an editor cannot write directly');
      const sent = await editor.post(checked.location!, { handling: 'send' });
      assert.match(sent.$('main').text(), /sendt til sekretariatet/);
      const id = runId(checked.location);
      assert.equal((await runStatus(db, id)).status, 'submitted');

      const queue = await admin.get('/moderering');
      assert.equal(queue.$(`a[href="/import/${id}"]`).length, 1, 'the import waits in the moderation queue');
      const review = await admin.get(`/import/${id}`);
      assert.match(review.$('main').text(), /Sang for alle, hver tirsdag\./);
      await admin.post(`/import/${id}`, { handling: 'importer' });
      assert.equal((await runStatus(db, id)).status, 'applied');
      const { rows } = await sql<{ description: string }>`select description from service where id = ${ownService.id}`.execute(db);
      assert.equal(rows[0]!.description, 'Sang for alle, hver tirsdag.');
      assert.match((await lastMailTo(db, 'redaktor@example.no')).subject, /godkjent/);
    });

    test('an editor fills in the CSV template for an organisation registered through the form: the rows join it', async () => {
      const sheet = 'navn;beskrivelse;organisasjon;organisasjonsnummer;adresse;postnummer;niva;felt\n'
        + 'Korps for alle;Alle kan bli med.;Elvdal;974760673;Storgata 1;0150;lavterskel;rus\n';
      const checked = await editor.upload('/import', [{ field: FILE_FIELD, name: 'mal.csv', content: sheet }]);
      await settled(editor, checked.location!);
      const page = await editor.get(checked.location!);
      assert.equal((await runStatus(db, runId(checked.location))).status, 'checked', page.$('main table').first().text());
      assert.ok(!page.$('main table').first().text().includes('organization_identifier'), 'the organisation is not written again');
      await editor.post(checked.location!, { handling: 'forkast' });
      assert.equal((await runStatus(db, runId(checked.location))).status, 'discarded');
    });

    test('an editor cannot import another organisation\'s entries, nor the classification; an admin rejection needs a reason', async () => {
      const theirs = await exported(db, otherService.id, (d) => { d.name = 'Overtatt'; });
      const refused = await editor.upload('/import', [{ field: FILE_FIELD, name: 'nabo.json', content: theirs }]);
      await settled(editor, refused.location!);
      const page = await editor.get(refused.location!);
      assert.equal((await runStatus(db, runId(refused.location))).status, 'invalid');
      assert.match(page.$('main').text(), /hører ikke til en organisasjon du er redaktør for/);
      const { rows } = await sql<{ name: string }>`select name from service where id = ${otherService.id}`.execute(db);
      assert.equal(rows[0]!.name, 'Trommegruppe i Nabodal');

      const taxonomy = randomUUID();
      const terms = JSON.stringify([{ id: taxonomy, name: 'Egen klassifikasjon', description: 'Fra en kommune.' }, { id: randomUUID(), code: 'egen', name: 'Egen term', description: 'x', taxonomy_id: taxonomy }]);
      const classification = await editor.upload('/import', [{ field: FILE_FIELD, name: 'termer.json', content: terms }]);
      await settled(editor, classification.location!);
      assert.match((await editor.get(classification.location!)).$('main').text(), /bare sekretariatet kan importere klassifikasjoner/);

      const mine = await editor.upload('/import', [{ field: FILE_FIELD, name: 'ny.json', content: newService(own.id, 'Gitarkurs i Elvdal') }]);
      await settled(editor, mine.location!);
      await editor.post(mine.location!, { handling: 'send' });
      await admin.get(mine.location!);
      const empty = await admin.post(mine.location!, { handling: 'avvis', reason: ' ' });
      assert.equal(empty.status, 400);
      assert.ok(empty.$('#reason-error').length);
      const rejected = await admin.post(mine.location!, { handling: 'avvis', reason: 'Mangler adresse.' });
      assert.match(rejected.$('main').text(), /avvist/);
      assert.equal((await runStatus(db, runId(mine.location))).status, 'rejected');
      assert.match((await lastMailTo(db, 'redaktor@example.no')).body, /Mangler adresse\./);
      assert.equal((await searchServices(db, { ...query, text: 'Gitarkurs' })).total, 0);
    });

    test('who may upload, CSRF, size and encoding', async () => {
      const stranger = new Visitor(app, '10.7.0.3');
      assert.equal((await stranger.get('/import')).status, 401);
      assert.equal((await stranger.upload('/import', [{ field: FILE_FIELD, name: 'x.json', content: '{}' }])).status, 401);
      const publicUser = new Visitor(app, '10.7.0.4');
      await publicUser.signIn('publikum@example.no', PASSWORD);
      assert.equal((await publicUser.get('/import')).status, 403);
      assert.equal((await publicUser.upload('/import', [{ field: FILE_FIELD, name: 'x.json', content: '{}' }])).status, 403);

      await admin.get('/import');
      const forged = await admin.upload('/import', [{ field: FILE_FIELD, name: 'x.json', content: newService(own.id, 'Forfalsket') }], { csrf: null });
      assert.equal(forged.status, 403);

      await admin.get('/import');
      const none = await admin.upload('/import', []);
      assert.equal(none.status, 400);
      assert.match(none.$('#filer-error').text(), /Velg en fil/);

      await admin.get('/import');
      const latin1 = Buffer.from('navn;organisasjon\nKor for \xe6\xf8\xe5;Elvdal kommune\n', 'latin1');
      const wrong = await admin.upload('/import', [{ field: FILE_FIELD, name: 'tilbud.csv', content: latin1 }]);
      assert.equal(wrong.status, 400);
      assert.match(wrong.$('#filer-error').text(), /UTF-8/);

      await admin.get('/import');
      const huge = await admin.upload('/import', [{ field: FILE_FIELD, name: 'stor.ndjson', content: Buffer.alloc(26 * 1024 * 1024, 32) }]);
      assert.equal(huge.status, 413);
      assert.match(huge.$('#filer-error').text(), /for store/);
    });

    test('a register that knows nothing of our own fields leaves them as they are: a confidential address stays confidential', async () => {
      const shelter = aLocation({ name: 'Skjermet adresse', isConfidential: true });
      const service = aService(own, { name: 'Musikkterapi i skjermet bolig', locations: [shelter], fte: 0.6 });
      await store(db, [], [service]);
      const register = [
        { id: shelter.id, location_type: 'physical', name: 'Skjermet adresse, nytt navn' },
        { id: service.id, organization_id: own.id, name: service.name, description: service.description, status: 'active' },
      ].map((doc) => JSON.stringify(doc)).join('\n');
      const report = await importFromCommandLine(db, tempFile('register.ndjson', register), { dryRun: false });
      assert.ok(report.ok, JSON.stringify(report.problems));
      const { rows } = await sql<{ name: string; is_confidential: boolean; fte: number }>`
        select l.name, l.is_confidential, s.fte from location l, service s where l.id = ${shelter.id} and s.id = ${service.id}`.execute(db);
      assert.deepEqual(rows[0], { name: 'Skjermet adresse, nytt navn', is_confidential: true, fte: 0.6 });
    });

    test('a new service is audited once, standing for its parts; a part added to an existing service has its own entry', async () => {
      const serviceId = randomUUID();
      const document = JSON.stringify({ id: serviceId, organization_id: own.id, name: 'Spelemannslag i Elvdal', description: 'Importert i test.', status: 'active',
        phones: [{ id: randomUUID(), number: '22 00 00 01' }, { id: randomUUID(), number: '22 00 00 02' }] });
      const first = tempFile('spelemannslag.ndjson', document);
      assert.ok((await importFromCommandLine(db, first, { dryRun: false })).ok);
      const entriesOf = async (file: string) => (await sql<{ resource_id: string; resource_type: string; last_action_type: string; replacement_value: string }>`
        select a.resource_id::text, a.resource_type, a.last_action_type, a.replacement_value from audit_log a join import_run r on r.id = a.import_run_id
        where r.source = ${file} order by a.resource_type`.execute(db)).rows;
      assert.deepEqual(await entriesOf(first), [{ resource_id: serviceId, resource_type: 'service', last_action_type: 'import-create', replacement_value: 'Spelemannslag i Elvdal' }],
        'the phones are created with the service and its entry stands for them');

      const phoneId = randomUUID();
      const second = tempFile('nytt-nummer.ndjson', await exported(db, ownService.id, (d) => {
        d.phones = [...((d.phones as unknown[] | undefined) ?? []), { id: phoneId, service_id: ownService.id, number: '22 00 00 03' }];
      }));
      assert.ok((await importFromCommandLine(db, second, { dryRun: false })).ok);
      assert.deepEqual((await entriesOf(second)).map((e) => [e.resource_type, e.resource_id, e.last_action_type]), [['phone', phoneId, 'import-create']],
        'a phone new to an existing service is audited on its own');
      const history = await admin.get(`/moderering/historikk/${ownService.id}`);
      const runOf = async (file: string) => (await sql<{ id: string }>`select id::text from import_run where source = ${file}`.execute(db)).rows[0]!.id;
      const created = history.$('main a').filter((_, a) => history.$(a).text() === 'Opprettet ved import');
      assert.equal(created.attr('href'), `/import/${await runOf(second)}`, 'the entry links to the run, which names the file');
      const newHistory = await admin.get(`/moderering/historikk/${serviceId}`);
      assert.equal(newHistory.$('main a').filter((_, a) => newHistory.$(a).text() === 'Opprettet ved import').attr('href'), `/import/${await runOf(first)}`);
      assert.match(newHistory.$('main').text(), /gjelder også det som ble opprettet samtidig/);
      assert.ok((await importFromCommandLine(db, second, { dryRun: false })).ok);
      assert.equal((await entriesOf(second)).length, 1, 'importing the same file again audits nothing');
    });

    test('the command line writes like an admin: the run is kept and the changes are audited as "system"', async () => {
      const file = tempFile('kommandolinje.json', newService(own.id, 'Kor fra kommandolinjen'));
      const report = await importFromCommandLine(db, file, { dryRun: false });
      assert.ok(report.ok, JSON.stringify(report.problems));
      const { rows } = await sql<{ channel: string; status: string; n: number }>`
        select r.channel, r.status, (select count(*) from audit_log a where a.import_run_id = r.id and a.updated_by = 'system')::int as n
        from import_run r where r.source = ${file}`.execute(db);
      assert.deepEqual(rows, [{ channel: 'cli', status: 'applied', n: 1 }]);
      const list = await admin.get('/import');
      assert.match(list.$('main table').text(), /kommandolinjen/);
      const dry = await importFromCommandLine(db, file, { dryRun: true });
      assert.ok(dry.ok);
      const { rows: runs } = await sql<{ n: number }>`select count(*)::int as n from import_run where source = ${file}`.execute(db);
      assert.equal(runs[0]!.n, 1, 'a dry run is not kept');
    });
  });
}
