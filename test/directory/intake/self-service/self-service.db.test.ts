import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../../../src/directory/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../../accounts/client.ts';
import { auditRows, changeRequestOf, serviceForm } from './self-service-helpers.ts';

const everything = (text = ''): SearchQuery => ({ text, place: null, radiusKm: null, filters: {}, age: null, sort: 'name', page: 1, perPage: 50 });

for (const backend of backends()) {
  describe(`self-service and moderation on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let editor: Visitor;
    let admin: Visitor;
    let organizationId: string;
    let serviceId: string;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'redaktor@example.no' });
      await anAccount(database.db, { email: 'moderator@example.no', admin: true });
      editor = new Visitor(app, '10.3.0.1');
      admin = new Visitor(app, '10.3.0.2');
      await editor.signIn('redaktor@example.no', PASSWORD);
      await admin.signIn('moderator@example.no', PASSWORD);
    });

    test('registering an organisation checks the number and keeps what was typed; it waits for a moderator, who makes the person its editor', async () => {
      await editor.get('/registrer-tilbud');
      const bad = await editor.post('/registrer-tilbud/ny-organisasjon', { orgnr: '974760674', orgName: 'Grønland kulturhus', website: '', orgEmail: '' });
      assert.equal(bad.status, 400);
      assert.match(bad.$('#orgnr-error').text(), /kontrollsiffer/);
      assert.equal(bad.$('#orgName').attr('value'), 'Grønland kulturhus');
      const ok = await editor.post('/registrer-tilbud/ny-organisasjon', { orgnr: '974 760 673', orgName: 'Grønland kulturhus', website: 'https://example.no', orgEmail: '' });
      assert.equal(ok.status, 303);
      organizationId = ok.location!.split('/')[2]!;
      assert.match(ok.location!, /\/mine-tilbud\/.+\/nytt-tilbud\?melding=registrert$/);
      const audit = await auditRows(database.db, organizationId);
      assert.ok(audit.some((a) => a.field_name === 'organization_identifier' && a.replacement_value === '974760673'));
      const queue = await admin.get('/moderering');
      assert.match(queue.$('main').text(), /redaktor@example\.no vil bli redaktør for den nyregistrerte organisasjonen Grønland kulturhus \(organisasjonsnummer 974760673\)/);
      assert.equal((await admin.post(queue.$('form[action^="/moderering/krav/"]').attr('action')!, { handling: 'godkjenn' })).status, 303);
    });

    test('a draft with a bad value answers 400 with the message beside the field and every value kept; nothing is saved', async () => {
      await editor.get(`/mine-tilbud/${organizationId}/nytt-tilbud`);
      const page = await editor.post(`/mine-tilbud/${organizationId}/nytt-tilbud`, serviceForm({ 'phone-0-number': 'ring oss', minimumAge: 'tolv', 'location-0-postalCode': '0190' }));
      assert.equal(page.status, 400);
      assert.match(page.$('#phone-0-number-error').text(), /sifre/);
      assert.match(page.$('#minimumAge-error').text(), /helt tall/);
      assert.equal(page.$('#phone-0-number').attr('value'), 'ring oss');
      assert.equal(page.$('#name').attr('value'), 'Bandverksted på Grønland');
      assert.equal(page.$('#location-0-address1').attr('value'), 'Tøyengata 2');
      assert.equal(page.$('input[name=term][value="niva:lavterskel"]').is(':checked'), true);
      assert.equal(page.$('.ds-error-summary a[href="#phone-0-number"]').length, 1);
      const unknownPostal = await editor.post(`/mine-tilbud/${organizationId}/nytt-tilbud`, serviceForm({ 'location-0-postalCode': '9999' }));
      assert.equal(unknownPostal.status, 400);
      assert.match(unknownPostal.$('#location-0-postalCode-error').text(), /finner ikke/);
      assert.equal(await changeRequestOf(database.db, 'Bandverksted på Grønland'), undefined);
    });

    test('save a draft, then submit it: it waits for moderation and is not in the finder', async () => {
      const draft = await editor.post(`/mine-tilbud/${organizationId}/nytt-tilbud`, serviceForm({ handling: 'lagre', description: '' }));
      assert.equal(draft.status, 303);
      const saved = await changeRequestOf(database.db, 'Bandverksted på Grønland');
      assert.equal(saved!.status, 'draft');
      serviceId = saved!.service_id;
      const mine = await editor.get('/mine-tilbud?melding=lagret');
      assert.match(mine.$('main').text(), /Utkast/);
      await editor.get(`/mine-tilbud/utkast/${saved!.id}`);
      const submitted = await editor.post(`/mine-tilbud/utkast/${saved!.id}`, serviceForm());
      assert.equal(submitted.status, 303);
      assert.equal((await changeRequestOf(database.db, 'Bandverksted på Grønland'))!.status, 'submitted');
      assert.equal((await searchServices(database.db, everything('bandverksted'))).total, 0);
    });

    test('the moderator sees a field-by-field diff and approves: the service is in the finder, audited, and the editor is told', async () => {
      const queue = await admin.get('/moderering');
      const link = queue.$('a').filter((_, a) => admin_text(queue.$(a)) === 'Bandverksted på Grønland').attr('href')!;
      const review = await admin.get(link);
      assert.equal(review.status, 200);
      const rows = review.$('table.diff tbody tr').map((_, tr) => review.$(tr).text()).get();
      assert.ok(rows.some((r) => r.includes('Navn') && r.includes('Bandverksted på Grønland')));
      assert.ok(rows.some((r) => r.includes('Sted 1: Adresse') && r.includes('Tøyengata 2, 0190 Oslo')));
      const approved = await admin.post(link, { handling: 'godkjenn' });
      assert.equal(approved.status, 200);
      assert.match(approved.$('main').text(), /godkjent og publisert/);
      const result = await searchServices(database.db, everything('bandverksted'));
      assert.equal(result.total, 1);
      assert.equal(result.hits[0]!.id, serviceId);
      const page = await new Visitor(app).get(`/tilbud/${serviceId}`);
      assert.equal(page.status, 200);
      assert.match(page.$('main').text(), /Tøyengata 2, 0190 Oslo/);
      assert.match(page.$('main').text(), /Sist bekreftet/);
      const audit = await auditRows(database.db, serviceId);
      assert.ok(audit.some((a) => a.field_name === 'name' && a.previous_value === '' && a.replacement_value === 'Bandverksted på Grønland' && a.last_action_type === 'create'));
      assert.match((await lastMailTo(database.db, 'redaktor@example.no')).subject, /publisert/);
    });

    test('editing a published service creates a change request; the public entry changes only when approved', async () => {
      await editor.get(`/mine-tilbud/tilbud/${serviceId}/endre`);
      const sent = await editor.post(`/mine-tilbud/tilbud/${serviceId}/endre`, serviceForm({ description: 'Nå også med kor.', 'location-0-id': await locationId() }));
      assert.equal(sent.status, 303);
      assert.equal(sent.location, '/mine-tilbud?melding=sendt');
      assert.doesNotMatch((await new Visitor(app).get(`/tilbud/${serviceId}`)).$('main').text(), /også med kor/);
      // a second visit to "endre" continues the open request instead of starting another
      const again = await editor.get(`/mine-tilbud/tilbud/${serviceId}/endre`);
      assert.equal(again.status, 303);
      const request = await changeRequestOf(database.db, 'Bandverksted på Grønland');
      const review = await admin.get(`/moderering/endring/${request!.id}`);
      const rows = review.$('table.diff tbody tr').map((_, tr) => review.$(tr).text()).get();
      assert.equal(rows.length, 1, rows.join('\n'));
      assert.match(rows[0]!, /Beskrivelse.*Vi spiller i band.*Nå også med kor/);
      const missing = await admin.post(`/moderering/endring/${request!.id}`, { handling: 'avvis', reason: '' });
      assert.equal(missing.status, 400);
      assert.match(missing.$('#reason-error').text(), /begrunnelse/);
      const rejected = await admin.post(`/moderering/endring/${request!.id}`, { handling: 'avvis', reason: 'Skriv litt mer om koret.' });
      assert.equal(rejected.status, 200);
      const mail = await lastMailTo(database.db, 'redaktor@example.no');
      assert.match(mail.subject, /ikke godkjent/);
      assert.match(mail.body, /Skriv litt mer om koret\./);
      assert.equal((await changeRequestOf(database.db, 'Bandverksted på Grønland'))!.status, 'rejected');
      // the rejected draft is edited and sent again, then edited by the moderator and approved
      const draft = await editor.get(`/mine-tilbud/utkast/${request!.id}`);
      assert.match(draft.$('main').text(), /Skriv litt mer om koret/);
      await editor.post(`/mine-tilbud/utkast/${request!.id}`, serviceForm({ description: 'Nå også med kor, onsdager.', 'location-0-id': await locationId() }));
      const edit = await admin.get(`/moderering/endring/${request!.id}/rediger`);
      assert.equal(edit.$('#description').text(), 'Nå også med kor, onsdager.');
      const form = Object.fromEntries(edit.$('form[method=post] input, form[method=post] textarea, form[method=post] select').map((_, el) => [[edit.$(el).attr('name'), edit.$(el).val()]]).get()) as Record<string, string>;
      const approved = await admin.post(`/moderering/endring/${request!.id}/rediger`, serviceForm({ description: 'Nå også med kor på onsdager.', 'location-0-id': form['location-0-id']!, handling: 'godkjenn' }));
      assert.equal(approved.status, 200);
      assert.match((await new Visitor(app).get(`/tilbud/${serviceId}`)).$('main').text(), /kor på onsdager/);
      const audit = await auditRows(database.db, serviceId);
      assert.ok(audit.some((a) => a.field_name === 'description' && a.previous_value === 'Vi spiller i band sammen, uten krav til erfaring.' && a.replacement_value === 'Nå også med kor på onsdager.'));
    });

    test('a change of wait time only is trusted: published at once, still audited', async () => {
      await editor.get(`/mine-tilbud/tilbud/${serviceId}/endre`);
      const sent = await editor.post(`/mine-tilbud/tilbud/${serviceId}/endre`, serviceForm({ description: 'Nå også med kor på onsdager.', waitTime: 'To uker', 'location-0-id': await locationId() }));
      assert.equal(sent.location, '/mine-tilbud?melding=publisert');
      assert.match((await new Visitor(app).get(`/tilbud/${serviceId}`)).$('main').text(), /To uker/);
      assert.ok((await auditRows(database.db, serviceId)).some((a) => a.field_name === 'wait_time' && a.replacement_value === 'To uker'));
    });

    test('"Bekreft at opplysningene stemmer" sets today\'s date and the assurer, and the stale label goes away', async () => {
      await sql`update service set assured_date = current_date - interval '13 months' where id = ${serviceId}`.execute(database.db);
      await sql`update service_search set confirmed_on = current_date - interval '13 months', assured_date = current_date - interval '13 months' where service_id = ${serviceId}`.execute(database.db);
      const stale = await new Visitor(app).get(`/tilbud/${serviceId}`);
      assert.match(stale.$('main').text(), /Ikke bekreftet siste år/);
      const mine = await editor.get('/mine-tilbud');
      assert.match(mine.$('main').text(), /Ikke bekreftet siste år/);
      const confirmed = await editor.post(`/mine-tilbud/tilbud/${serviceId}/bekreft`, {});
      assert.equal(confirmed.status, 200);
      assert.match(confirmed.$('main').text(), /Opplysningene er bekreftet/);
      const { rows } = await sql<{ assured: boolean; assurer_email: string }>`select assured_date = (now() at time zone 'Europe/Oslo')::date as assured, assurer_email from service where id = ${serviceId}`.execute(database.db);
      assert.deepEqual(rows[0], { assured: true, assurer_email: null }, 'the organisation has no address of its own: no assurer is published, never the person');
      assert.doesNotMatch((await new Visitor(app).get(`/tilbud/${serviceId}`)).$('main').text(), /Ikke bekreftet siste år/);
      assert.ok((await auditRows(database.db, serviceId)).some((a) => a.last_action_type === 'assure'));
    });

    test('the audit log is append-only: the database refuses to change or delete a row', async () => {
      await assert.rejects(sql`update audit_log set replacement_value = 'forfalsket'`.execute(database.db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(database.db), /append-only/);
      await assert.rejects(sql`truncate audit_log`.execute(database.db), /append-only/);
      const history = await admin.get(`/moderering/historikk/${serviceId}`);
      assert.equal(history.status, 200);
      assert.match(history.$('table').text(), /redaktor@example\.no/);
      assert.match(history.$('table').text(), /moderator@example\.no/);
    });

    test('deleting the account: the editor\'s audit entries keep a pseudonym, not the email', async () => {
      await editor.get('/konto/slett');
      const wrong = await editor.post('/konto/slett', { bekreft: 'feil@example.no' });
      assert.equal(wrong.status, 400);
      const data = await editor.get('/konto/mine-data.json');
      const json = JSON.parse(data.body) as { user: { email: string }; auditEntries: unknown[]; editorOf: unknown[] };
      assert.equal(json.user.email, 'redaktor@example.no');
      assert.ok(json.auditEntries.length > 0);
      assert.equal(json.editorOf.length, 1);
      const gone = await editor.post('/konto/slett', { bekreft: 'Redaktor@example.no' });
      assert.equal(gone.status, 200);
      const history = await admin.get(`/moderering/historikk/${serviceId}`);
      assert.doesNotMatch(history.$('table').text(), /redaktor@example\.no/);
      assert.match(history.$('table').text(), /Slettet bruker [0-9a-f]{8}/);
      const { rows } = await sql<{ n: number }>`select count(*) as n from service where assurer_email = 'redaktor@example.no'`.execute(database.db);
      assert.equal(rows[0]!.n, 0);
      assert.equal((await editor.get('/konto')).status, 401);
    });

    async function locationId(): Promise<string> {
      const { rows } = await sql<{ location_id: string }>`select location_id from service_at_location where service_id = ${serviceId}`.execute(database.db);
      return rows[0]!.location_id;
    }
  });
}

function admin_text($el: { text(): string }): string {
  return $el.text().trim();
}
