import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../../accounts/client.ts';
import { aService, anOrganization, store } from '../../factories.ts';
import { serviceForm } from './self-service-helpers.ts';

// Issue #10, item 5: confirming an entry published the editor's login as HSDS assurer_email.
const LOGIN = 'kari.person@privat.example';
const ROLE = 'post@kantfall.example';

for (const backend of backends()) {
  describe(`the assurer published in open data is the organisation, never the person, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let editor: Visitor;
    let admin: Visitor;
    const org = anOrganization({ name: 'Kantfall kommune', email: ROLE });
    const bare = anOrganization({ name: 'Uten adresse' });
    const byPage = aService(org, { name: 'Bekreftet på siden' });
    const byApi = aService(org, { name: 'Bekreftet gjennom API' });
    const noRole = aService(bare, { name: 'Bekreftet uten rolleadresse' });

    /** Every public form a service's assurer_email appears in. */
    const forms = (id: string) => [
      '/hsds/services?per_page=500', `/hsds/services?per_page=500&search=${encodeURIComponent('Bekreftet')}`, '/hsds/services?format=ndjson',
      '/hsds/services?full=true&per_page=500', `/hsds/services/${id}`, '/hsds/service_at_locations?full=true&per_page=500', '/hsds/service_at_locations?per_page=500',
      `/hsds/organizations/${org.id}?full_service=true`, '/hsds/organizations?full_service=true&per_page=500', '/hsds/tabular.json',
      `/api/v1/services/${id}`, '/api/v1/services.csv', '/fhir/HealthcareService', `/fhir/HealthcareService/${id}`,
    ];

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org, bare], [byPage, byApi, noRole]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: LOGIN, editorOf: [org.id, bare.id] });
      await anAccount(database.db, { email: 'moderator@example.no', admin: true });
      editor = new Visitor(app, '10.9.0.1');
      admin = new Visitor(app, '10.9.0.2');
      await editor.signIn(LOGIN, PASSWORD);
      await admin.signIn('moderator@example.no', PASSWORD);
    });

    async function assurerOf(id: string) {
      const { rows } = await sql<{ assurer_email: string | null; assured: boolean }>`
        select assurer_email, assured_date = (now() at time zone 'Europe/Oslo')::date as assured from service where id = ${id}`.execute(database.db);
      return rows[0];
    }

    async function assertNoLogin(id: string) {
      for (const url of forms(id)) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.ok(!response.body.toLowerCase().includes(LOGIN), `${url} publishes the editor's login`);
      }
    }

    test('"Bekreft at opplysningene stemmer" on the page: the organisation\'s address is the assurer, in every HSDS form', async () => {
      await editor.get('/mine-tilbud');
      assert.equal((await editor.post(`/mine-tilbud/tilbud/${byPage.id}/bekreft`, {})).status, 200);
      assert.deepEqual(await assurerOf(byPage.id), { assurer_email: ROLE, assured: true });
      await assertNoLogin(byPage.id);
      const hsds = JSON.parse((await app.inject({ method: 'GET', url: `/hsds/services/${byPage.id}` })).body) as { assurer_email?: string };
      assert.equal(hsds.assurer_email, ROLE);
    });

    test('the editor API\'s confirmation does the same', async () => {
      await editor.get('/mine-tilbud');
      const response = await editor.json('POST', `/api/v1/mine/services/${byApi.id}/assure`, {}, { 'x-csrf-token': editor.csrf });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(await assurerOf(byApi.id), { assurer_email: ROLE, assured: true });
      await assertNoLogin(byApi.id);
    });

    test('an organisation without an address of its own publishes no assurer at all', async () => {
      await editor.get('/mine-tilbud');
      assert.equal((await editor.post(`/mine-tilbud/tilbud/${noRole.id}/bekreft`, {})).status, 200);
      assert.deepEqual(await assurerOf(noRole.id), { assurer_email: null, assured: true });
      const hsds = JSON.parse((await app.inject({ method: 'GET', url: `/hsds/services/${noRole.id}` })).body) as Record<string, unknown>;
      assert.equal('assurer_email' in hsds, false);
      await assertNoLogin(noRole.id);
    });

    test('a change approved by a moderator confirms the entry with the organisation as assurer, not the submitter', async () => {
      await editor.get(`/mine-tilbud/tilbud/${byPage.id}/endre`);
      const locationId = (await sql<{ location_id: string }>`select location_id from service_at_location where service_id = ${byPage.id}`.execute(database.db)).rows[0]!.location_id;
      const sent = await editor.post(`/mine-tilbud/tilbud/${byPage.id}/endre`, serviceForm({ name: 'Bekreftet på siden', 'location-0-id': locationId }));
      assert.equal(sent.location, '/mine-tilbud?melding=sendt');
      await sql`update service set assurer_email = null where id = ${byPage.id}`.execute(database.db);
      const { rows } = await sql<{ id: string }>`select id from change_request where service_id = ${byPage.id} and status = 'submitted'`.execute(database.db);
      await admin.get(`/moderering/endring/${rows[0]!.id}`);
      assert.equal((await admin.post(`/moderering/endring/${rows[0]!.id}`, { handling: 'godkjenn' })).status, 200);
      assert.equal((await assurerOf(byPage.id))!.assurer_email, ROLE);
      await assertNoLogin(byPage.id);
    });
  });
}
