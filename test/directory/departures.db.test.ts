import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase, Db } from '../../src/platform/db/index.ts';
import { importSource } from '../../src/directory/intake/imports/pipeline/index.ts';
import { publishService, assureService } from '../../src/directory/intake/self-service/publish.ts';
import { loadServiceAggregate } from '../../src/directory/queries.ts';
import { cutoff, osloToday } from '../../src/directory/freshness.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { tempFile } from '../opendata/examples.ts';
import { aLocation, aService, anOrganization, store } from './factories.ts';

type Doc = Record<string, any>;
const OLD = new Date('2020-01-01T00:00:00Z');

// Consumers that sync ask for what changed since their last visit (HSDS modified_after, FHIR
// meta.lastUpdated): a change to any part of a service moves the service, and a service that
// leaves the public set is told as such (src/directory/departures.ts).
for (const backend of backends()) {
  describe(`syncing consumers see changes to parts and departures, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let db: Db;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Synk kommune' });
    const service = aService(org, {
      name: 'Synkes', phones: [{ number: '11223344', description: null }],
      schedules: [{ byday: 'MO', opensAt: '09:00', closesAt: '15:00', description: null }],
      locations: [aLocation({ name: 'Synkhuset' })],
    });
    const deleted = aService(org, { name: 'Slettes', locations: [] });
    const forgotten = aService(org, { name: 'Glemmes', locations: [] });

    const changedSince = async (since: Date) => {
      const page = (await app.inject(`/hsds/services?modified_after=${since.toISOString()}&per_page=100`)).json() as Doc;
      return page.contents as Doc[];
    };
    /** Imports one stored row of a table with a field changed, as HSDS tabular JSON. */
    const importChanged = async (table: string, where: string, field: string, value: unknown) => {
      const { rows } = await sql<Doc>`select * from ${sql.table(table)} where ${sql.ref(where)} = ${service.id} limit 1`.execute(db);
      const row = Object.fromEntries(Object.entries({ ...rows[0], [field]: value }).filter(([, v]) => v !== null));
      const report = await importSource(db, tempFile(`${table}.json`, JSON.stringify({ [table]: [row] })), { dryRun: false });
      assert.ok(report.ok, JSON.stringify(report.problems));
      assert.equal(report.changes.length, 1, JSON.stringify(report.changes));
    };

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [service, deleted, forgotten]) });
    before(() => ({ database, db, app } = suite));

    const kinds: [string, () => Promise<void>][] = [
      ['phone', () => importChanged('phone', 'service_id', 'number', '99887766')],
      ['schedule', () => importChanged('schedule', 'service_id', 'closes_at', '16:00')],
      ['service_at_location', () => importChanged('service_at_location', 'service_id', 'description', 'I andre etasje')],
      ['location', async () => {
        const { rows } = await sql<Doc>`select l.* from location l join service_at_location sal on sal.location_id = l.id where sal.service_id = ${service.id}`.execute(db);
        const row = Object.fromEntries(Object.entries({ ...rows[0], transportation: 'Buss 20' }).filter(([, v]) => v !== null));
        assert.ok((await importSource(db, tempFile('location.json', JSON.stringify({ location: [row] })), { dryRun: false })).ok);
      }],
      ['address', async () => {
        const { rows } = await sql<Doc>`select a.* from address a join service_at_location sal on sal.location_id = a.location_id where sal.service_id = ${service.id}`.execute(db);
        const row = Object.fromEntries(Object.entries({ ...rows[0], address_1: 'Nygata 2' }).filter(([, v]) => v !== null));
        assert.ok((await importSource(db, tempFile('address.json', JSON.stringify({ address: [row] })), { dryRun: false })).ok);
      }],
    ];
    for (const [kind, change] of kinds) {
      test(`a ${kind} changed by an import moves the service's last_modified and FHIR meta.lastUpdated`, async () => {
        await db.updateTable('service').set({ last_modified: OLD }).where('id', '=', service.id).execute();
        const since = new Date(Date.now() - 1000);
        assert.ok(!(await changedSince(since)).some((s) => s.id === service.id), 'not changed before');
        await change();
        const found = (await changedSince(since)).find((s) => s.id === service.id);
        assert.ok(found, `${kind}: modified_after finds it`);
        assert.ok(new Date(found.last_modified) >= since);
        const fhir = (await app.inject(`/fhir/HealthcareService/${service.id}`)).json() as Doc;
        assert.ok(new Date(fhir.meta.lastUpdated) >= since, fhir.meta.lastUpdated);
      });
    }

    test('a new organisation moves only the services an import moves to it', async () => {
      await db.updateTable('service').set({ last_modified: OLD }).where('id', '=', service.id).execute();
      const since = new Date(Date.now() - 1000);
      const imported = async (tables: Record<string, Doc[]>) => {
        const report = await importSource(db, tempFile('tabeller.json', JSON.stringify(tables)), { dryRun: false });
        assert.ok(report.ok, JSON.stringify(report.problems));
      };
      // applyPlan looks up no services for a new row that names nothing: only a row pointing to it can lead there
      await imported({ organization: [{ id: randomUUID(), name: 'Ny forening uten tilbud', description: '' }] });
      assert.ok(!(await changedSince(since)).some((s) => s.id === service.id), 'an organisation nobody belongs to moves nobody');
      const home = { id: randomUUID(), name: 'Nytt hjem for Synkes', description: '' };
      const { rows: [row] } = await sql<Doc>`select * from service where id = ${service.id}`.execute(db);
      await imported({ organization: [home], service: [Object.fromEntries(Object.entries({ ...row, organization_id: home.id }).filter(([, v]) => v !== null))] });
      const found = (await changedSince(since)).find((s) => s.id === service.id);
      assert.ok(found, 'the service moved to the new organisation');
      assert.equal(found.organization.name, home.name);
      await db.updateTable('service').set({ organization_id: org.id }).where('id', '=', service.id).execute();
    });

    test('an editor\'s change (published through self-service or moderation) and a confirmation move last_modified', async () => {
      await db.updateTable('service').set({ last_modified: OLD }).where('id', '=', service.id).execute();
      const since = new Date(Date.now() - 1000);
      const aggregate = (await loadServiceAggregate(db, service.id))!;
      await db.transaction().execute((trx) => publishService(trx, { ...aggregate, phones: [{ number: '55555555', description: null }] }, 'system', null, false));
      assert.ok((await changedSince(since)).some((s) => s.id === service.id));
      await db.updateTable('service').set({ last_modified: OLD }).where('id', '=', service.id).execute();
      await db.transaction().execute((trx) => assureService(trx, service.id, 'system'));
      assert.ok((await changedSince(since)).some((s) => s.id === service.id), 'a confirmation too');
    });

    test('a deleted service is listed to syncing consumers as inactive when it left, and FHIR answers 410 Gone', async () => {
      const since = new Date(Date.now() - 1000);
      await db.deleteFrom('service').where('id', '=', deleted.id).execute();
      const gone = (await changedSince(since)).find((s) => s.id === deleted.id);
      assert.ok(gone, 'in the changes');
      assert.equal(gone.status, 'inactive');
      assert.equal(gone.name, 'Slettes');
      assert.ok(new Date(gone.last_modified) >= since);
      const ndjson = (await app.inject(`/hsds/services?modified_after=${since.toISOString()}&format=ndjson`)).body;
      assert.ok(ndjson.includes(deleted.id));
      // a full list without modified_after is the public set only
      assert.ok(!((await app.inject('/hsds/services?per_page=100')).json() as Doc).contents.some((s: Doc) => s.id === deleted.id));
      assert.equal((await app.inject(`/hsds/services/${deleted.id}`)).statusCode, 404);
      const fhir = await app.inject(`/fhir/HealthcareService/${deleted.id}`);
      assert.equal(fhir.statusCode, 410);
      assert.equal((fhir.json() as Doc).issue[0].code, 'deleted');
      // older than the sync's modified_after: not told again
      assert.ok(!(await changedSince(new Date(Date.now() + 60_000))).some((s) => s.id === deleted.id));
    });

    test('a service hidden for want of confirmation is listed as inactive from the day it was hidden; by id it is 404 (a confirmation brings it back)', async () => {
      const confirmed = cutoff(osloToday(), 19);
      await db.updateTable('service').set({ assured_date: confirmed }).where('id', '=', forgotten.id).execute();
      const twoMonthsAgo = new Date(Date.now() - 60 * 86_400_000);
      const hidden = (await changedSince(twoMonthsAgo)).find((s) => s.id === forgotten.id);
      assert.ok(hidden, 'in the changes');
      assert.equal(hidden.status, 'inactive');
      // it left a month after 18 months: about 30 days ago
      const left = new Date(hidden.last_modified).getTime();
      assert.ok(left > twoMonthsAgo.getTime() && left < Date.now(), hidden.last_modified);
      assert.equal((await app.inject(`/hsds/services/${forgotten.id}`)).statusCode, 404);
      assert.equal((await app.inject(`/fhir/HealthcareService/${forgotten.id}`)).statusCode, 404);
      // a search or classification filter does not list departures (they are no longer classified)
      assert.ok(!((await app.inject(`/hsds/services?modified_after=${twoMonthsAgo.toISOString()}&search=Glemmes`)).json() as Doc).contents.some((s: Doc) => s.id === forgotten.id));
    });
  });
}
