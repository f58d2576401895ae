import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../../accounts/client.ts';
import { aService, anOrganization, store } from '../../factories.ts';
import { auditRows, changeRequestOf, serviceForm } from './self-service-helpers.ts';

// The provider's own form carries optional nynorsk and English descriptions (issue #17): they are
// validated, kept on an error, shown to the moderator, audited, and published beside the bokmål text.
for (const backend of backends()) {
  describe(`descriptions in nynorsk and English in the editor, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let editor: Visitor;
    let admin: Visitor;
    const org = anOrganization({ name: 'Språkprøve kommune' });
    // an English name and access text came with an import: the form does not edit them, and must keep them
    const service = aService(org, {
      name: 'Bandverksted på Grønland', description: 'Vi spiller i band sammen.',
      translations: [{ language: 'en', name: 'Band workshop at Grønland', description: 'We play in a band together.', applicationProcess: 'Just drop in.' }],
    });
    const editUrl = `/mine-tilbud/tilbud/${service.id}/endre`;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [service]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'sprak-redaktor@example.no', editorOf: [org.id] });
      await anAccount(database.db, { email: 'sprak-moderator@example.no', admin: true });
      editor = new Visitor(app, '10.17.0.1');
      admin = new Visitor(app, '10.17.0.2');
      await editor.signIn('sprak-redaktor@example.no', PASSWORD);
      await admin.signIn('sprak-moderator@example.no', PASSWORD);
    });

    test('the form has the two optional fields, marked with their language and filled from the entry', async () => {
      const form = await editor.get(`${editUrl}?lang=en`);
      assert.equal(form.status, 200);
      assert.equal(form.$('label[for=descriptionNn]').text(), 'Description in Nynorsk');
      assert.equal(form.$('#descriptionNn').attr('lang'), 'nn');
      assert.equal(form.$('#descriptionEn').attr('lang'), 'en');
      assert.equal(form.$('#description').attr('lang'), 'nb');
      assert.equal(form.$('#descriptionEn').text(), 'We play in a band together.');
      assert.equal(form.$('#descriptionNn').text(), '');
    });

    test('a bad translation answers 400 in the reader\'s language, beside the field, with everything typed kept', async () => {
      const tooLong = 'Vi spelar i band. '.repeat(300);
      const page = await editor.post(editUrl, serviceForm({ name: service.name, descriptionNn: tooLong, descriptionEn: 'We play in a band, now also on Fridays.' }));
      assert.equal(page.status, 400);
      assert.ok(page.$('#descriptionNn-error').text().length > 0);
      assert.doesNotMatch(page.$('#descriptionNn-error').text(), /[æøå]/i, 'the message is in English, the language the editor chose');
      assert.ok(page.$('#descriptionNn').text() === tooLong, 'the long nynorsk text comes back as typed');
      assert.equal(page.$('#descriptionEn').text(), 'We play in a band, now also on Fridays.');
      assert.equal(page.$('.ds-error-summary a[href="#descriptionNn"]').length, 1);
      const withoutBokmal = await editor.post(`${editUrl}?lang=nn`, serviceForm({ name: service.name, description: '', descriptionNn: 'Vi spelar i band.' }));
      assert.equal(withoutBokmal.status, 400);
      assert.match(withoutBokmal.$('#descriptionNn-error').text(), /bokmål òg/);
      assert.equal(withoutBokmal.$('#descriptionNn').text(), 'Vi spelar i band.');
      assert.equal(await changeRequestOf(database.db, service.name), undefined);
    });

    test('sent, shown to the moderator field by field, approved: published, audited, and the imported English name kept', async () => {
      const sent = await editor.post(`${editUrl}?lang=nb`, serviceForm({ name: service.name, descriptionNn: 'Vi spelar i band saman.', descriptionEn: 'We play in a band together, every Tuesday.' }));
      assert.equal(sent.status, 303);
      const request = await changeRequestOf(database.db, service.name);
      const review = await admin.get(`/moderering/endring/${request!.id}`);
      const rows = review.$('table.diff tbody tr').map((_, tr) => review.$(tr).text()).get();
      assert.ok(rows.some((r) => /Beskrivelse på (norsk )?nynorsk/.test(r) && r.includes('Vi spelar i band saman.')), rows.join('\n'));
      assert.ok(rows.some((r) => /Beskrivelse på engelsk/.test(r) && r.includes('We play in a band together.') && r.includes('every Tuesday')), rows.join('\n'));
      assert.equal((await admin.post(`/moderering/endring/${request!.id}`, { handling: 'godkjenn' })).status, 200);
      const stored = await database.db.selectFrom('service_translation').select(['language', 'name', 'description', 'application_process'])
        .where('service_id', '=', service.id).orderBy('language').execute();
      assert.deepEqual(stored, [
        { language: 'en', name: 'Band workshop at Grønland', description: 'We play in a band together, every Tuesday.', application_process: 'Just drop in.' },
        { language: 'nn', name: null, description: 'Vi spelar i band saman.', application_process: null },
      ]);
      const audit = await auditRows(database.db, service.id);
      assert.ok(audit.some((a) => a.field_name === 'translation.nn.description' && a.previous_value === '' && a.replacement_value === 'Vi spelar i band saman.'));
      assert.ok(audit.some((a) => a.field_name === 'translation.en.description' && a.previous_value === 'We play in a band together.'));
      const page = await new Visitor(app).get(`/tilbud/${service.id}?lang=nn`);
      assert.equal(page.$('.lead').attr('lang'), 'nn');
      assert.equal(page.$('.lead').text(), 'Vi spelar i band saman.');
    });

    test('emptying a translation removes it (and only it)', async () => {
      await editor.post(editUrl, serviceForm({ name: service.name, descriptionNn: '', descriptionEn: 'We play in a band together, every Tuesday.' }));
      const request = await changeRequestOf(database.db, service.name);
      assert.equal((await admin.post(`/moderering/endring/${request!.id}`, { handling: 'godkjenn' })).status, 200);
      const stored = await database.db.selectFrom('service_translation').select(['language', 'description']).where('service_id', '=', service.id).orderBy('language').execute();
      assert.deepEqual(stored, [{ language: 'en', description: 'We play in a band together, every Tuesday.' }]);
    });
  });
}
