import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { openPostgres, readerOf, type OpenedDatabase } from '../../../src/platform/db/index.ts';
import { lsnValue, WROTE_COOKIE } from '../../../src/platform/db/read-routing.ts';
import { prepareDatabase } from '../../../src/setup.ts';
import { startCluster } from '../../../scripts/pg-cluster.ts';
import { testApp } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../accounts/client.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

// Issue #18, item 2: public reads from a streaming replica (DATABASE_READ_URL), and a person who
// saved something always reads it back, however far the replica lags.
const cluster = await startCluster([], { replica: true });
if ('reason' in cluster && process.env.CI === 'true') throw new Error(`a primary and a streaming replica are required in CI: ${cluster.reason}`);
const skip = 'reason' in cluster ? `no PostgreSQL primary with a replica: ${cluster.reason}` : false;

describe('public reads go to the streaming replica, and a person\'s own writes are read back from the primary', { skip }, () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let editor: Visitor;
  const org = anOrganization({ name: 'Replikaby kommune', email: 'post@replikaby.example' });
  const service = aService(org, { name: 'Musikkterapi i replikaen', assuredDate: '2026-06-01' });
  const hsds = (url: string) => `/hsds/services/${service.id}${url}`;

  before(async () => {
    if (!('url' in cluster)) return;
    database = await openPostgres(cluster.url, 5, cluster.replicaUrl);
    await prepareDatabase(database.db, { demoData: false });
    await store(database.db, [org], [service]);
    await anAccount(database.db, { email: 'redaktor@replikaby.example', editorOf: [org.id] });
    app = await testApp(database.db, { JOB_WORKER: 'off' });
    editor = new Visitor(app, '10.18.0.1');
    await editor.signIn('redaktor@replikaby.example', PASSWORD);
    await caughtUp();
  });
  after(async () => {
    await app?.close();
    await database?.close();
    if ('url' in cluster) cluster.stop();
  });

  const onReplica = async <T>(query: string): Promise<T> => {
    const { rows } = await sql.raw<{ value: T }>(query).execute(readerOf(database.db));
    return rows[0]!.value;
  };
  /** Waits (polling the replica, no fixed sleep) until it has replayed everything the primary has written. */
  async function caughtUp() {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(database.db);
    const target = lsnValue(rows[0]!.lsn);
    for (;;) {
      const replayed = await onReplica<string | null>('select pg_last_wal_replay_lsn()::text as value');
      if (replayed && lsnValue(replayed) >= target) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const assuredDate = async (visitor: Visitor | null) => {
    const response = visitor ? await visitor.json('GET', hsds('')) : await app.inject({ method: 'GET', url: hsds('') });
    assert.equal(response.statusCode, 200, response.body);
    return (JSON.parse(response.body) as { assured_date: string }).assured_date;
  };

  test('the read handle is the replica (a hot standby), the app\'s own handle the primary', async () => {
    assert.equal(await onReplica<boolean>('select pg_is_in_recovery() as value'), true);
    const { rows } = await sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(database.db);
    assert.equal(rows[0]!.standby, false);
  });

  test('every public read path answers from the replica (none of them writes through the read handle)', async () => {
    for (const url of ['/tilbud?q=musikk', `/tilbud/${service.id}`, '/api/v1/services?q=musikk', '/api/v1/services.csv', '/hsds/services', '/fhir/HealthcareService', '/dekning']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
    }
  });

  test('with replay paused, anonymous reads show the replica\'s data, while the editor who just confirmed the entry sees the confirmation', async () => {
    assert.equal(await assuredDate(null), '2026-06-01');
    await onReplica('select pg_wal_replay_pause()::text as value');
    try {
      // a change on the primary that the paused replica does not have: anonymous readers do not see it yet
      await sql`update service set fte = 0.5 where id = ${service.id}`.execute(database.db);
      await editor.get('/mine-tilbud');
      const confirmed = await editor.post(`/mine-tilbud/tilbud/${service.id}/bekreft`, {});
      assert.equal(confirmed.status, 200);
      assert.ok(editor.cookies.has(WROTE_COOKIE), 'the write marks the browser with the primary\'s WAL position');
      const today = (await sql<{ d: string }>`select (now() at time zone 'Europe/Oslo')::date as d`.execute(database.db)).rows[0]!.d;

      // the editor reads their own write back, on every public read path
      assert.equal(await assuredDate(editor), today);
      const finder = await editor.json('GET', `/api/v1/services/${service.id}`);
      assert.ok(finder.body.includes(today), 'the finder API shows the editor their confirmation');
      const page = await editor.get(`/tilbud/${service.id}`);
      assert.equal(page.status, 200);
      // anyone else reads the replica, which has not replayed the change yet (the finder keeps that answer)
      assert.equal(await assuredDate(null), '2026-06-01');
      const finderSearch = '/api/v1/services?q=replikaen';
      const anonymous = await app.inject({ method: 'GET', url: finderSearch });
      assert.equal(JSON.parse(anonymous.body).items[0].assured_date, '2026-06-01');
      // signed out, the editor is anonymous but still reads the primary: the finder's kept answers
      // and the shared read of their stamp are per routing, so they never see the replica's
      assert.equal((await editor.post('/logg-ut', {})).status, 303);
      const signedOut = await editor.json('GET', finderSearch);
      assert.equal(JSON.parse(signedOut.body).items[0].assured_date, today);
      const other = new Visitor(app, '10.18.0.2');
      assert.equal(await assuredDate(other), '2026-06-01');
    } finally {
      await onReplica('select pg_wal_replay_resume()::text as value');
    }
    await caughtUp();
    const today = await assuredDate(null);
    assert.notEqual(today, '2026-06-01', 'once replayed, everyone sees the confirmation');
    // the editor's next read finds the replica caught up: back to the replica, and the mark is cleared
    assert.equal(await assuredDate(editor), today);
    await editor.get(`/tilbud/${service.id}`);
    assert.equal(editor.cookies.has(WROTE_COOKIE), false);
  });
});
