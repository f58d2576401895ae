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

for (const backend of backends()) {
  describe(`role boundaries on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const orgA = anOrganization({ name: 'Organisasjon A' });
    const orgB = anOrganization({ name: 'Organisasjon B' });
    const serviceA = aService(orgA, { name: 'Tilbud hos A' });
    const serviceB = aService(orgB, { name: 'Tilbud hos B' });
    let editorA: Visitor;
    let editorB: Visitor;
    let draftOfA: string;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [orgA, orgB], [serviceA, serviceB]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'a@example.no', editorOf: [orgA.id] });
      await anAccount(database.db, { email: 'b@example.no', editorOf: [orgB.id] });
      editorA = new Visitor(app, '10.4.0.1');
      editorB = new Visitor(app, '10.4.0.2');
      await editorA.signIn('a@example.no', PASSWORD);
      await editorB.signIn('b@example.no', PASSWORD);
      await editorA.get(`/mine-tilbud/${orgA.id}/nytt-tilbud`);
      await editorA.post(`/mine-tilbud/${orgA.id}/nytt-tilbud`, serviceForm({ name: 'Utkast hos A', handling: 'lagre' }));
      const { rows } = await sql<{ id: string }>`select id from change_request where proposed->>'name' = 'Utkast hos A'`.execute(database.db);
      draftOfA = rows[0]!.id;
    });

    test('an editor sees only their own organisation in "Mine tilbud"', async () => {
      const mine = await editorB.get('/mine-tilbud');
      assert.match(mine.$('main').text(), /Tilbud hos B/);
      assert.doesNotMatch(mine.$('main').text(), /Tilbud hos A|Utkast hos A/);
    });

    test('by URL: another organisation\'s forms, drafts and confirm button answer 403 and change nothing', async () => {
      await editorB.get('/mine-tilbud');
      for (const url of [`/mine-tilbud/${orgA.id}/nytt-tilbud`, `/mine-tilbud/tilbud/${serviceA.id}/endre`, `/mine-tilbud/utkast/${draftOfA}`]) {
        assert.equal((await editorB.get(url)).status, 403, `GET ${url}`);
        assert.equal((await editorB.post(url, serviceForm({ name: 'Kapret' }))).status, 403, `POST ${url}`);
      }
      assert.equal((await editorB.post(`/mine-tilbud/tilbud/${serviceA.id}/bekreft`, {})).status, 403);
      const { rows } = await sql<{ n: number }>`select count(*) as n from change_request where proposed->>'name' = 'Kapret'`.execute(database.db);
      assert.equal(rows[0]!.n, 0);
      const { rows: assured } = await sql<{ assured_date: string }>`select assured_date from service where id = ${serviceA.id}`.execute(database.db);
      assert.equal(assured[0]!.assured_date, serviceA.assuredDate);
    });

    test('by API: another organisation\'s service answers 403 problem+json; your own works with the CSRF header', async () => {
      await editorB.get('/mine-tilbud');
      const headers = { 'x-csrf-token': editorB.csrf };
      const assure = await editorB.json('POST', `/api/v1/mine/services/${serviceA.id}/assure`, {}, headers);
      assert.equal(assure.statusCode, 403);
      assert.equal(assure.headers['content-type'], 'application/problem+json; charset=utf-8');
      const change = await editorB.json('POST', `/api/v1/mine/services/${serviceA.id}/change-requests`, { submit: true, service: { ...draftBody(), name: 'Kapret' } }, headers);
      assert.equal(change.statusCode, 403);
      const own = await editorB.json('POST', `/api/v1/mine/services/${serviceB.id}/assure`, {}, headers);
      assert.equal(own.statusCode, 200);
      assert.match(own.json().assured_date, /^\d{4}-\d{2}-\d{2}$/);
      const list = await editorB.json('GET', '/api/v1/mine/services');
      assert.deepEqual(list.json().items.map((s: { name: string }) => s.name), ['Tilbud hos B']);
      const proposed = await editorB.json('POST', `/api/v1/mine/services/${serviceB.id}/change-requests`, { submit: true, service: draftBody() }, headers);
      assert.equal(proposed.statusCode, 201, proposed.body);
      const anonymous = await new Visitor(app).json('POST', `/api/v1/mine/services/${serviceB.id}/assure`, {});
      assert.equal(anonymous.statusCode, 401);
    });

    test('moderation is for admins only, by page and by form', async () => {
      for (const url of ['/moderering', '/moderering/oversikt', `/moderering/historikk/${serviceA.id}`, '/moderering/utboks']) {
        assert.equal((await editorA.get(url)).status, 403, url);
        assert.equal((await new Visitor(app).get(url)).status, 401, url);
      }
      assert.equal((await editorA.post(`/moderering/endring/${draftOfA}`, { handling: 'godkjenn' })).status, 403);
    });
  });
}

function draftBody() {
  return {
    name: 'Tilbud hos B', description: 'Oppdatert beskrivelse.', status: 'active', email: null, url: null, applicationProcess: null,
    feesDescription: null, eligibilityDescription: null, waitTime: null, minimumAge: null, maximumAge: null, fte: 1,
    terms: ['niva:lavterskel', 'felt:rus'], languages: ['nb'], phones: [], contacts: [], schedules: [],
    locations: [{ id: '5d0f6a8e-3b7d-4c59-9e0a-5d2b8f4e7a13', name: 'Huset', address1: 'Testgata 1', postalCode: '0150', city: 'Oslo', isConfidential: false, latitude: null, longitude: null, transportation: null, description: null, accessibility: [], accessibilityDescription: null }],
  };
}
