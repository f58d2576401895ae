import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../../accounts/client.ts';
import { aService, anOrganization, setConfirmedOn, store } from '../../factories.ts';
import { cutoff } from '../../../../src/directory/freshness.ts';
import { osloDate } from '../../../../src/platform/clock.ts';

for (const backend of backends()) {
  describe(`moderation queue, claims and error reports on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let admin: Visitor;
    const org = anOrganization({ name: 'Fjordby kommune', organizationNumber: '974760673' });
    const service = aService(org, { name: 'Sangkor i Fjordby' });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [service]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'moderator@example.no', admin: true });
      await anAccount(database.db, { email: 'ny@example.no' });
      admin = new Visitor(app, '10.5.0.1');
      await admin.signIn('moderator@example.no', PASSWORD);
    });

    test('an organisation that exists is claimed, not registered twice; the moderator approves and the person becomes editor', async () => {
      const person = new Visitor(app, '10.5.0.2');
      await person.signIn('ny@example.no', PASSWORD);
      await person.get('/registrer-tilbud');
      const exists = await person.post('/registrer-tilbud/ny-organisasjon', { orgnr: '974760673', orgName: 'Fjordby', website: '', orgEmail: '' });
      assert.equal(exists.status, 409);
      assert.match(exists.$('main').text(), /allerede registrert/);
      const claimed = await person.post('/registrer-tilbud/krev-organisasjon', { organizationId: org.id, note: 'Jeg er musikkterapeut der.' });
      assert.equal(claimed.status, 200);
      assert.match(claimed.$('main').text(), /Forespørselen er sendt/);
      assert.equal((await person.get(`/mine-tilbud/${org.id}/nytt-tilbud`)).status, 403, 'not an editor before approval');
      const queue = await admin.get('/moderering');
      assert.match(queue.$('main').text(), /ny@example.no vil bli redaktør for Fjordby kommune/);
      const form = queue.$('form[action^="/moderering/krav/"]').attr('action')!;
      assert.equal((await admin.post(form, { handling: 'godkjenn' })).status, 303);
      assert.match((await lastMailTo(database.db, 'ny@example.no')).subject, /Du er redaktør for Fjordby kommune/);
      assert.equal((await person.get(`/mine-tilbud/${org.id}/nytt-tilbud`)).status, 200);
      const { rows } = await sql<{ n: number }>`select count(*) as n from audit_log where resource_id = ${org.id} and last_action_type = 'claim'`.execute(database.db);
      assert.equal(rows[0]!.n, 1);
    });

    test('"Meld fra om feil" needs no account, keeps what was typed on an error, and lands in the queue', async () => {
      const visitor = new Visitor(app, '10.5.0.3');
      const servicePage = await visitor.get(`/tilbud/${service.id}`);
      assert.equal(servicePage.$(`a[href="/tilbud/${service.id}/meld-feil"]`).length, 1);
      await visitor.get(`/tilbud/${service.id}/meld-feil`);
      const empty = await visitor.post(`/tilbud/${service.id}/meld-feil`, { message: '', email: 'ikke-en-adresse', nettsted: '' });
      assert.equal(empty.status, 400);
      assert.equal(empty.$('#email').attr('value'), 'ikke-en-adresse');
      assert.ok(empty.$('#message-error').length && empty.$('#email-error').length);
      const sent = await visitor.post(`/tilbud/${service.id}/meld-feil`, { message: 'Telefonnummeret er byttet.', email: '', nettsted: '' });
      assert.equal(sent.status, 200);
      assert.match(sent.$('h1').text(), /Takk/);
      const queue = await admin.get('/moderering');
      assert.match(queue.$('main').text(), /Telefonnummeret er byttet\./);
      assert.equal(queue.$(`main h3 a[href="/tilbud/${service.id}"]`).length, 1, 'the report names the offer as the reporter saw it');
      // hidden until confirmed, the offer's public page answers 404: the report links its history instead
      await setConfirmedOn(database.db, service.id, cutoff(osloDate(), 24));
      try {
        const hiddenQueue = await admin.get('/moderering');
        assert.equal(hiddenQueue.$(`main h3 a[href="/tilbud/${service.id}"]`).length, 0);
        assert.equal(hiddenQueue.$(`main h3 a[href="/moderering/historikk/${service.id}"]`).length, 1);
        assert.equal((await admin.get(`/moderering/historikk/${service.id}`)).status, 200);
      } finally {
        await setConfirmedOn(database.db, service.id, osloDate());
      }
      const resolve = queue.$('form[action^="/moderering/feilmelding/"]').attr('action')!;
      assert.equal((await admin.post(resolve, {})).status, 303);
      assert.doesNotMatch((await admin.get('/moderering')).$('main').text(), /Telefonnummeret er byttet\./);
    });

    test('spam protection without JavaScript: a filled honeypot stores nothing, and an address is limited to 5 reports an hour', async () => {
      const bot = new Visitor(app, '10.5.0.4');
      await bot.get(`/tilbud/${service.id}/meld-feil`);
      const caught = await bot.post(`/tilbud/${service.id}/meld-feil`, { message: 'Kjøp billige klokker', email: '', nettsted: 'https://spam.example' });
      assert.equal(caught.status, 200);
      const { rows } = await sql<{ n: number }>`select count(*) as n from error_report where message like 'Kjøp%'`.execute(database.db);
      assert.equal(rows[0]!.n, 0);
      const person = new Visitor(app, '10.5.0.5');
      await person.get(`/tilbud/${service.id}/meld-feil`);
      for (let i = 0; i < 5; i++) assert.equal((await person.post(`/tilbud/${service.id}/meld-feil`, { message: `Feil nummer ${i}`, email: '', nettsted: '' })).status, 200);
      const limited = await person.post(`/tilbud/${service.id}/meld-feil`, { message: 'En til', email: '', nettsted: '' });
      assert.equal(limited.status, 429);
      assert.equal(limited.$('#message').text(), 'En til');
    });

    test('the dashboard counts entries by status and freshness per county, oldest confirmation first', async () => {
      const page = await admin.get('/moderering/oversikt');
      assert.equal(page.status, 200);
      assert.match(page.$('main').text(), /Oslo/);
      assert.match(page.$('table').last().text(), /Sangkor i Fjordby/);
    });
  });
}
