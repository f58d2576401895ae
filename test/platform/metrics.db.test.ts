import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { newId } from '../../src/platform/ids.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { backends } from '../helpers/db.ts';
import { testApp, appSuite } from '../helpers/app.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const scrape = (app: FastifyInstance, authorization?: string) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

/** The value of one series in Prometheus text (0 when absent). */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

for (const backend of backends()) {
  describe(`GET /metrics on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const ok = () => scrape(app, `Bearer ${TOKEN}`).then((r) => r.body);

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', METRICS_TOKEN: TOKEN } });
    before(() => ({ database, app } = suite));

    test('is the site\'s ordinary 404 without the bearer token, and Prometheus text with it', async () => {
      const unknownPage = await app.inject({ method: 'GET', url: '/finnes-ikke' });
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, TOKEN]) {
        const response = await scrape(app, authorization);
        assert.equal(response.statusCode, 404, String(authorization));
        // the same page; only its own address differs (the language switch links to the page itself)
        assert.equal(response.body.replaceAll('/metrics', '/finnes-ikke'), unknownPage.body);
      }
      const response = await scrape(app, `Bearer ${TOKEN}`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.match(response.body, /^# HELP process_resident_memory_bytes/m);
      assert.match(response.body, /^nodejs_heap_size_used_bytes \d+/m);
    });

    test('is not served at all without METRICS_TOKEN', async () => {
      const plain = await testApp(database.db, { JOB_WORKER: 'off' });
      try {
        assert.equal((await scrape(plain, `Bearer ${TOKEN}`)).statusCode, 404);
      } finally {
        await plain.close();
      }
    });

    test('counts requests per route pattern and status class, never per raw URL', async () => {
      const id = newId();
      await app.inject({ method: 'GET', url: `/tilbud/${id}?q=noe` });
      await app.inject({ method: 'GET', url: '/healthz' });
      await app.inject({ method: 'GET', url: `/finnes/ikke/${id}` });
      const text = await ok();
      assert.equal(value(text, 'samklang_http_requests_total{method="GET",route="/tilbud/:id",status_class="4xx"}'), 1);
      assert.equal(value(text, 'samklang_http_requests_total{method="GET",route="/healthz",status_class="2xx"}'), 1);
      assert.ok(value(text, 'samklang_http_requests_total{method="GET",route="(unmatched)",status_class="4xx"}') >= 1);
      assert.equal(value(text, 'samklang_http_request_duration_seconds_count{method="GET",route="/healthz",status_class="2xx"}'), 1);
      assert.ok(!text.includes(id), 'no raw URL in a label');
    });

    test('reports database query time, and pool use on PostgreSQL', async () => {
      const text = await ok();
      assert.ok(value(text, `samklang_db_query_duration_seconds_count{backend="${backend.name}",outcome="ok"}`) > 0);
      if (backend.name === 'postgres') {
        assert.ok(value(text, 'samklang_db_pool_connections{pool="primary",state="total"}') >= 1);
        assert.match(text, /^samklang_db_pool_connections\{pool="primary",state="waiting"\} \d+/m);
        assert.ok(value(text, 'samklang_db_pool_max_connections{pool="primary"}') >= 1);
      }
    });

    test('reports the mail outbox backlog as it is when scraped', async () => {
      const before = value(await ok(), 'samklang_mail_outbox_unsent{state="pending"}');
      for (const attempts of [0, 1, 5]) {
        await database.db.insertInto('mail_outbox').values({ id: newId(), to_address: 'a@example.no', subject: 's', body: 'b', attempts }).execute();
      }
      const text = await ok();
      assert.equal(value(text, 'samklang_mail_outbox_unsent{state="pending"}'), before + 2);
      assert.ok(value(text, 'samklang_mail_outbox_unsent{state="failed"}') >= 1);
      assert.ok(value(text, 'samklang_mail_outbox_oldest_pending_seconds') >= 0);
    });

    test('counts scheduled job runs and failures per kind', async () => {
      const kinds = { good: `metrics-test-good-${backend.name}`, bad: `metrics-test-bad-${backend.name}` };
      const later = () => new Date(Date.now() + 3_600_000);
      await runDueJobs(database.db, [
        { kind: kinds.good, run: async () => {}, next: later },
        { kind: kinds.bad, run: async () => { throw new Error('fails on purpose'); }, next: later },
      ]);
      const text = await ok();
      assert.equal(value(text, `samklang_job_runs_total{kind="${kinds.good}"}`), 1);
      assert.equal(value(text, `samklang_job_failures_total{kind="${kinds.good}"}`), 0);
      assert.equal(value(text, `samklang_job_runs_total{kind="${kinds.bad}"}`), 1);
      assert.equal(value(text, `samklang_job_failures_total{kind="${kinds.bad}"}`), 1);
    });

    test('counts hits and misses of the finder\'s caches and the atlas cache', async () => {
      const start = await ok();
      const count = (text: string, cache: string, result: string) => value(text, `samklang_cache_lookups_total{cache="${cache}",result="${result}"}`);
      const url = `/api/v1/services?q=${backend.name}-cache-test`;
      await app.inject({ method: 'GET', url });
      await app.inject({ method: 'GET', url }); // the same answer, kept whole
      await app.inject({ method: 'GET', url: `${url}&antall=10` }); // another answer, from the same counts
      await app.inject({ method: 'GET', url: '/api/v1/coverage' });
      await app.inject({ method: 'GET', url: '/api/v1/coverage' });
      const end = await ok();
      assert.ok(count(end, 'search', 'miss') > count(start, 'search', 'miss'), 'the first search misses');
      assert.ok(count(end, 'search', 'hit') > count(start, 'search', 'hit'), 'the same search in pages of another size hits');
      assert.equal(count(end, 'finder_api', 'hit') - count(start, 'finder_api', 'hit'), 1, 'the same answer again is kept whole');
      assert.equal(count(end, 'finder_api', 'miss') - count(start, 'finder_api', 'miss'), 2);
      assert.ok(count(end, 'atlas', 'hit') - count(start, 'atlas', 'hit') >= 1, 'the second atlas view hits');
      assert.ok(count(end, 'atlas', 'miss') + count(end, 'atlas', 'hit') - count(start, 'atlas', 'miss') - count(start, 'atlas', 'hit') === 2);
    });
  });
}

describe('METRICS_TOKEN', () => {
  test('is checked at start: too short a token is refused, and its value never echoed', () => {
    assert.equal(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken, TOKEN);
    assert.equal(loadConfig({}).metricsToken, undefined);
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'short-secret' }),
      (error: unknown) => error instanceof ConfigError && /METRICS_TOKEN must be 32/.test(error.message) && !error.message.includes('short-secret'));
  });
});
