import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { reindexServices } from '../../../../src/directory/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../../accounts/client.ts';
import { aService, anOrganization, store } from '../../factories.ts';
import { serviceForm } from './self-service-helpers.ts';

// Issue #10, item 6: whoever first registered a real organisation's number owned it, and it was
// published at once in HSDS and FHIR. A new organisation and its first editor now wait for a
// moderator, like a claim; the person may draft services meanwhile.
const NUMBER = '974760673';
const NAME = 'Kantfall musikkforening';

for (const backend of backends()) {
  describe(`a new organisation is moderated before it is published or owned, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let squatter: Visitor;
    let real: Visitor;
    let admin: Visitor;
    let organizationId: string;

    /** Every public place an organisation or its offers appear. */
    const publicUrls = (id: string) => [
      '/tilbud?q=kantfall', '/api/v1/services?q=kantfall', '/api/v1/services.csv', '/hsds/organizations', '/hsds/organizations?full=true',
      '/hsds/organizations?format=ndjson&full_service=true', `/hsds/organizations?search=${encodeURIComponent('Kantfall')}`, '/hsds/services?full=true',
      '/hsds/service_at_locations?full=true', '/hsds/tabular.json', `/fhir/Organization?identifier=${NUMBER}`, '/fhir/Organization', '/fhir/HealthcareService',
      '/fhir/Location', `/fhir/Location?organization=Organization/${id}`,
    ];
    async function assertPublishedNowhere(id: string, texts: string[]) {
      for (const url of publicUrls(id)) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        // a FHIR bundle's links repeat the search parameters: what is published is in its entries
        const body = url.startsWith('/fhir/') ? JSON.stringify((JSON.parse(response.body) as { entry?: unknown[] }).entry ?? []) : response.body;
        for (const text of texts) assert.ok(!body.includes(text), `${url} publishes ${text}`);
      }
      for (const url of [`/hsds/organizations/${id}`, `/fhir/Organization/${id}`]) {
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
    }

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'forst@example.no' });
      await anAccount(database.db, { email: 'ekte@example.no' });
      await anAccount(database.db, { email: 'moderator@example.no', admin: true });
      squatter = new Visitor(app, '10.11.0.1');
      real = new Visitor(app, '10.11.0.2');
      admin = new Visitor(app, '10.11.0.3');
      await squatter.signIn('forst@example.no', PASSWORD);
      await real.signIn('ekte@example.no', PASSWORD);
      await admin.signIn('moderator@example.no', PASSWORD);
    });

    test('registering a number gives neither ownership nor publication: the organisation is nowhere public and the person is no editor', async () => {
      await squatter.get('/registrer-tilbud');
      const created = await squatter.post('/registrer-tilbud/ny-organisasjon', { orgnr: NUMBER, orgName: NAME, website: 'https://kantfall.example', orgEmail: 'post@kantfall.example' });
      assert.equal(created.status, 303);
      organizationId = created.location!.split('/')[2]!.split('?')[0]!;
      const form = await squatter.get(created.location!);
      assert.equal(form.status, 200, 'the person may draft services meanwhile');
      assert.match(form.$('main').text(), /venter på godkjenning/);
      await assertPublishedNowhere(organizationId, [NAME, NUMBER]);
      assert.equal((await squatter.get('/import')).status, 403, 'not an editor, so no import either');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from organization_editor where organization_id = ${organizationId}`.execute(database.db);
      assert.equal(rows[0]!.n, 0);
      const mine = await squatter.get('/mine-tilbud');
      assert.match(mine.$('main').text(), new RegExp(`${NAME}.*Venter på godkjenning`));
    });

    test('drafts and submissions for it are kept, but nothing is published before the organisation is approved', async () => {
      await squatter.get(`/mine-tilbud/${organizationId}/nytt-tilbud`);
      const sent = await squatter.post(`/mine-tilbud/${organizationId}/nytt-tilbud`, serviceForm({ name: 'Kantfall korps' }));
      assert.equal(sent.location, '/mine-tilbud?melding=sendt');
      assert.equal((await real.get(`/mine-tilbud/${organizationId}/nytt-tilbud`)).status, 403, 'a stranger may not draft for it');
      const { rows } = await sql<{ id: string }>`select id from change_request where organization_id = ${organizationId} and status = 'submitted'`.execute(database.db);
      await admin.get(`/moderering/endring/${rows[0]!.id}`);
      const refused = await admin.post(`/moderering/endring/${rows[0]!.id}`, { handling: 'godkjenn' });
      assert.equal(refused.status, 409);
      assert.match(refused.$('main').text(), /ikke godkjent ennå/);
      await assertPublishedNowhere(organizationId, [NAME, NUMBER, 'Kantfall korps']);
    });

    test('the real organisation claims the number; the squatter\'s request is rejected and the real one\'s approved', async () => {
      await real.get('/registrer-tilbud');
      const exists = await real.post('/registrer-tilbud/ny-organisasjon', { orgnr: NUMBER, orgName: 'Kantfall musikkforening', website: '', orgEmail: '' });
      assert.equal(exists.status, 409);
      assert.equal((await real.post('/registrer-tilbud/krev-organisasjon', { organizationId, note: 'Jeg er leder.' })).status, 200);
      // a claim on a registration that waits gives no access to it, nor to its maker's drafts
      assert.equal((await real.get(`/mine-tilbud/${organizationId}/nytt-tilbud`)).status, 403);
      const mine = (await real.get('/mine-tilbud')).$('main').text();
      assert.doesNotMatch(mine, /Kantfall korps/);
      assert.match(mine, new RegExp(`Venter på godkjenning som redaktør: ${NAME}`));
      const queue = await admin.get('/moderering');
      const claims = queue.$('form[action^="/moderering/krav/"]').map((_, f) => ({ action: queue.$(f).attr('action')!, text: queue.$(f).parent().text() })).get();
      const first = claims.find((c) => c.text.includes('forst@example.no'))!;
      const second = claims.find((c) => c.text.includes('ekte@example.no'))!;
      assert.equal((await admin.post(first.action, { handling: 'avvis' })).status, 303);
      // another claim still waits: the organisation stays, unpublished
      await assertPublishedNowhere(organizationId, [NAME, NUMBER]);
      assert.equal((await admin.post(second.action, { handling: 'godkjenn' })).status, 303);
      assert.match((await lastMailTo(database.db, 'ekte@example.no')).subject, /Du er redaktør/);
      assert.equal((await real.get(`/mine-tilbud/${organizationId}/nytt-tilbud`)).status, 200);
      assert.equal((await squatter.get(`/mine-tilbud/${organizationId}/nytt-tilbud`)).status, 403);
      // now it is published: HSDS and FHIR know it
      assert.equal((await app.inject({ method: 'GET', url: `/hsds/organizations/${organizationId}` })).statusCode, 200);
      const fhir = JSON.parse((await app.inject({ method: 'GET', url: `/fhir/Organization?identifier=${NUMBER}` })).body) as { total: number };
      assert.equal(fhir.total, 1);
    });

    test('a rejected registration is removed with its drafts, and its number is free for the real organisation', async () => {
      await squatter.get('/registrer-tilbud');
      const created = await squatter.post('/registrer-tilbud/ny-organisasjon', { orgnr: '923609016', orgName: 'Falsk forening', website: '', orgEmail: '' });
      const id = created.location!.split('/')[2]!.split('?')[0]!;
      await squatter.get(`/mine-tilbud/${id}/nytt-tilbud`);
      await squatter.post(`/mine-tilbud/${id}/nytt-tilbud`, serviceForm({ name: 'Falskt tilbud', handling: 'lagre' }));
      const queue = await admin.get('/moderering');
      const action = queue.$('form[action^="/moderering/krav/"]').filter((_, f) => queue.$(f).parent().text().includes('Falsk forening')).attr('action')!;
      assert.equal((await admin.post(action, { handling: 'avvis' })).status, 303);
      assert.match((await lastMailTo(database.db, 'forst@example.no')).body, /slettet/);
      const { rows } = await sql<{ n: number }>`select (select count(*) from organization where id = ${id})::int + (select count(*) from change_request where organization_id = ${id})::int as n`.execute(database.db);
      assert.equal(rows[0]!.n, 0);
      await real.get('/registrer-tilbud');
      const again = await real.post('/registrer-tilbud/ny-organisasjon', { orgnr: '923609016', orgName: 'Ekte forening', website: '', orgEmail: '' });
      assert.equal(again.status, 303);
    });

    test('an organisation awaiting approval publishes none of its offers, however they got there', async () => {
      const org = anOrganization({ name: 'Ventende etat', organizationNumber: '910747711' });
      const service = aService(org, { name: 'Ventende tilbud' });
      await store(database.db, [org], [service]);
      await sql`update organization set awaiting_approval = true where id = ${org.id}`.execute(database.db);
      await database.db.transaction().execute((trx) => reindexServices(trx, [service.id]));
      await assertPublishedNowhere(org.id, ['Ventende etat', 'Ventende tilbud', service.id]);
      for (const url of [`/tilbud/${service.id}`, `/api/v1/services/${service.id}`, `/hsds/services/${service.id}`, `/fhir/HealthcareService/${service.id}`]) {
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
    });
  });
}
