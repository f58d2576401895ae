import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/pg-cluster.ts';
import { createDatabase, logged, makeCertificate, missingTools, postgresServer, startInstance, startNginx, until, waitUntilListening, type Instance } from '../../scripts/ops-stack.ts';
import { migrations } from '../../migrations/index.ts';
import { DEMO_SERVICES } from '../../src/setup.ts';

// Issue #18, item 1: two real app processes on one PostgreSQL server behind Debian's nginx, with
// the shipped ops/nginx/samklang.conf. Sessions, CSRF, rate limits, jobs, the mail outbox and the
// caches behave as with one instance; SIGTERM during a burst fails no request; two instances
// starting at once on an empty database migrate and seed once.

const CI = process.env.CI === 'true';
const PASSWORD = 'demo-redaktor-samklang';

const absent = missingTools({ postgresUrl: process.env.TEST_DATABASE_URL });
if (absent && CI) throw new Error(`nginx, openssl and PostgreSQL are required in CI: ${absent}`);

interface Response { status: number; headers: http.IncomingHttpHeaders; body: string }

describe('two instances behind nginx on one PostgreSQL server', { skip: absent ? `SKIPPED: ${absent}` : false }, () => {
  let dir = '';
  let dropDatabase: () => Promise<void> = async () => {};
  let databaseUrl = '';
  let pool: pg.Pool;
  const instances: Instance[] = [];
  let nginx: ChildProcess | undefined;
  let httpsPort = 0;
  let cert: Buffer;
  const smtp: { to: string[]; subject: string }[] = [];
  let smtpServer: SMTPServer;
  let accessLog = '';
  let answered = 0;

  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;

  /** A request through nginx over TLS, from a chosen loopback address (nginx limits per client address). */
  function call(method: string, path: string, options: { from?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    return new Promise((resolve, reject) => {
      const request = https.request({
        host: '127.0.0.1', port: httpsPort, servername: 'localhost', ca: cert, method, path, agent: false,
        localAddress: options.from ?? '127.0.0.1',
        headers: { host: `localhost:${httpsPort}`, ...(options.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...options.headers },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          answered++;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString('utf8') });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(options.body);
    });
  }

  /** A browser: cookies kept between requests, the CSRF token read from the last form. */
  class Browser {
    readonly cookies = new Map<string, string>();
    csrf = '';
    constructor(readonly from: string) {}
    async send(method: string, path: string, form?: Record<string, string>): Promise<Response> {
      const body = form ? new URLSearchParams({ _csrf: this.csrf, ...form }).toString() : undefined;
      const response = await call(method, path, { from: this.from, body, headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of [response.headers['set-cookie'] ?? []].flat()) {
        const [pair] = line.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
      if (token) this.csrf = token;
      return response;
    }
    get = (path: string) => this.send('GET', path);
    post = (path: string, form: Record<string, string>) => this.send('POST', path, form);
    async signIn(email: string, password = PASSWORD) {
      await this.get('/logg-inn');
      return this.post('/logg-inn', { email, password });
    }
  }

  /**
   * nginx's access log once it holds a line for every answer received (nginx writes a request's
   * line after sending the answer, so a line may trail the answer by a moment).
   */
  async function accessLines(): Promise<string[]> {
    return until('nginx to log every answer', async () => {
      const lines = readFileSync(accessLog, 'utf8').split('\n').filter(Boolean);
      return lines.length >= answered && lines;
    });
  }
  /** Which instance (port) answered each request for `path`, from nginx's access log. */
  const answeredBy = async (path: string): Promise<number[]> => (await accessLines())
    .filter((line) => line.includes(` ${path} HTTP`))
    .map((line) => Number(/upstream=[\d.]+:(\d+)/.exec(line)?.[1] ?? 0));

  function start(port: number, smtpPort: number) {
    instances.push(startInstance({
      port,
      env: {
        DATABASE_URL: databaseUrl, TRUST_PROXY: 'on', PUBLIC_URL: `https://localhost:${httpsPort}`, DEMO_DATA: 'on', LOG_LEVEL: 'info',
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'samklang@ops.example', DATA_DIR: join(dir, `data-${port}`),
      },
    }));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samklang-ops-'));
    // the database: an empty one on the harness's server, or a throw-away cluster of our own
    const server = await postgresServer(process.env.TEST_DATABASE_URL);
    const database = await createDatabase(server.url, 'samklang_ops');
    databaseUrl = database.url;
    dropDatabase = async () => {
      await database.drop();
      server.stop();
    };
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // at teardown the database is dropped with force right after pool.end(): a backend still closing
    // then reports "terminating connection due to administrator command" to its client, which the
    // pool re-emits; without a listener that is an uncaught exception (as the app's pools, src/platform/db)
    pool.on('error', () => {});

    smtpServer = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => { data += c.toString('utf8'); });
        stream.on('end', () => {
          smtp.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(data)?.[1] ?? '' });
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtpServer.listen(smtpPort, '127.0.0.1', resolve));

    // the certificate nginx terminates TLS with
    cert = makeCertificate(dir);

    // both instances at once, on the empty database
    const [port1, port2, httpPort] = [await freePort(), await freePort(), await freePort()];
    httpsPort = await freePort();
    start(port1, smtpPort);
    start(port2, smtpPort);

    // nginx with the shipped configuration; only addresses, ports and paths replaced
    const proxy = startNginx({ dir, upstreams: [port1, port2], httpPort, httpsPort });
    nginx = proxy.child;
    accessLog = proxy.accessLog;

    await waitUntilListening(instances);
    await until('nginx to answer', async () => (await call('GET', '/healthz').catch(() => ({ status: 0 }))).status === 200);
  });

  after(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    if (nginx && nginx.exitCode === null) nginx.kill('SIGQUIT');
    await new Promise<void>((resolve) => smtpServer ? smtpServer.close(() => resolve()) : resolve());
    await pool?.end();
    await dropDatabase();
    // OPS_TEST_KEEP=1 keeps nginx's logs and the instances' folder for a look after a failure
    if (dir && !process.env.OPS_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
    else if (dir) writeFileSync(join(dir, 'instances.log'), instances.map((i) => `== ${i.port}\n${i.out.join('\n')}`).join('\n'));
  });

  test('two instances starting at once on an empty database: one runs the migrations and the first-start content, the other finds them done', async () => {
    const ready = instances.map((instance) => logged(instance, 'database ready') as { migrations: string[]; demoServicesLoaded: number });
    assert.deepEqual(ready.map((r) => r.migrations.length).sort((a, b) => a - b), [0, Object.keys(migrations).length]);
    assert.deepEqual(ready.map((r) => r.demoServicesLoaded).sort((a, b) => a - b), [0, DEMO_SERVICES]);
    assert.equal(Number((await q<{ n: string }>('select count(*) as n from service where is_demo'))[0]!.n), DEMO_SERVICES);
    // the handbook's sections are inserted from content/ at first start: once each, with one revision each
    const [sections] = await q<{ sections: string; slugs: string; revisions: string }>(
      'select (select count(*) from handbook_section) as sections, (select count(distinct slug) from handbook_section) as slugs, (select count(*) from handbook_revision) as revisions');
    assert.ok(Number(sections!.sections) > 0);
    assert.equal(sections!.sections, sections!.slugs);
    assert.equal(sections!.revisions, sections!.sections);
    assert.equal(Number((await q<{ n: string }>("select count(*) as n from app_user where email like '%@demo.samklang.example'"))[0]!.n), 2);
  });

  test('a session made through one instance works on the other, and forms made on one are accepted by the other (CSRF)', async () => {
    const browser = new Browser('127.0.0.2');
    const signedIn = await browser.signIn('redaktor@demo.samklang.example');
    assert.equal(signedIn.status, 303, signedIn.body.slice(0, 300));
    assert.match([signedIn.headers['set-cookie'] ?? []].flat().join('\n'), /; Secure/i, 'behind TLS the session cookie is Secure');
    for (let i = 0; i < 6; i++) assert.equal((await browser.get('/konto')).status, 200, 'signed in on whichever instance answers');
    assert.deepEqual([...new Set(await answeredBy('/konto'))].sort(), instances.map((i) => i.port).sort(), 'requests landed on both instances');
    // the sign-in form came from one instance and was posted to the other
    const logins = (await accessLines()).filter((l) => l.startsWith('127.0.0.2 ') && l.includes(' /logg-inn HTTP'));
    const ports = logins.map((l) => /upstream=[\d.]+:(\d+)/.exec(l)![1]);
    assert.notEqual(ports[0], ports[1], 'the form (GET) and its POST went to different instances');
    // a form on a page from one instance, posted through the other: the name change is saved
    await browser.get('/konto/navn');
    const saved = await browser.post('/konto/navn', { navn: 'Redaktør Gjennom Proxyen' });
    assert.ok(saved.status < 400, `${saved.status} ${saved.body.slice(0, 200)}`);
    assert.equal((await q<{ name: string }>("select name from app_user where email = 'redaktor@demo.samklang.example'"))[0]!.name, 'Redaktør Gjennom Proxyen');
  });

  test('through nginx the app sees https and the client\'s own address, not one the client made up; answers are compressed', async () => {
    const page = await call('GET', '/tilbud', { from: '127.0.0.3', headers: { 'accept-encoding': 'gzip', 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.match(String(page.headers['strict-transport-security']), /max-age=/);
    // the sign-in limit per pair (account, address) counts the real address whatever X-Forwarded-For says
    const email = 'admin@demo.samklang.example';
    for (let i = 0; i < 5; i++) {
      const browser = new Browser('127.0.0.4');
      await browser.get('/logg-inn');
      const wrong = await browser.send('POST', '/logg-inn', { email, password: `feil-${i}` });
      assert.equal(wrong.status, 401);
    }
    const spoofing = new Browser('127.0.0.4');
    await spoofing.get('/logg-inn');
    const body = new URLSearchParams({ _csrf: spoofing.csrf, email, password: 'demo-moderator-samklang' }).toString();
    const throttled = await call('POST', '/logg-inn', { from: '127.0.0.4', body, headers: { 'x-forwarded-for': '198.51.100.7', cookie: [...spoofing.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(throttled.status, 429, 'five wrong passwords through both instances: the sixth try waits, whatever address the client claims');
    assert.ok(Number(throttled.headers['retry-after']) > 0);
    assert.equal(new Set(await answeredBy('/logg-inn')).size, 2);
  });

  test('nginx\'s limit is shared by both instances: a burst past it from one address gets 429 from nginx, other addresses are served', async () => {
    const answers = await Promise.all(Array.from({ length: 70 }, () => call('GET', '/healthz', { from: '127.0.0.5' })));
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.filter((s) => s === 429).length > 0, 'past the burst of 40, nginx refuses');
    assert.ok(statuses.filter((s) => s === 200).length >= 40, 'the burst itself is served');
    assert.equal((await call('GET', '/healthz', { from: '127.0.0.6' })).status, 200);
  });

  test('scheduled jobs ran once across both instances: one finished run and one next run per kind', async () => {
    // each instance's worker looks for due jobs 5 s after start; wait until nothing due is left
    await until('the first runs of every job', async () => (await q<{ n: string }>('select count(*) as n from job where done_at is null and run_at <= now()'))[0]!.n === '0' &&
      Number((await q<{ n: string }>('select count(*) as n from job where done_at is not null'))[0]!.n) > 0);
    const kinds = await q<{ kind: string; done: string; pending: string; attempts: string }>(
      'select kind, count(*) filter (where done_at is not null) as done, count(*) filter (where done_at is null) as pending, (max(attempts) filter (where done_at is not null))::text as attempts from job group by kind order by kind');
    assert.ok(kinds.length >= 2, JSON.stringify(kinds));
    for (const kind of kinds) assert.deepEqual({ kind: kind.kind, done: kind.done, pending: kind.pending, attempts: kind.attempts }, { kind: kind.kind, done: '1', pending: '1', attempts: '1' });
  });

  test('the mail outbox is sent once: both instances deliver at the same time, each mail reaches the SMTP server once', async () => {
    await until('mail queued at first start to go out', async () => (await q<{ n: string }>('select count(*) as n from mail_outbox where sent_at is null'))[0]!.n === '0');
    const before = smtp.length;
    for (let i = 0; i < 12; i++) {
      await pool.query('insert into mail_outbox (id, to_address, subject, body) values (gen_random_uuid(), $1, $2, $3)', [`mottaker${i}@ops.example`, `Utboks ${i}`, 'Fiktiv e-post fra testen.']);
    }
    // two registrations, one through each instance: each queues its mail and starts a delivery
    for (const n of [1, 2]) {
      const browser = new Browser(`127.0.0.${10 + n}`);
      await browser.get('/registrer');
      const registered = await browser.post('/registrer', { email: `ny${n}@ops.example`, name: `Ny ${n}`, password: 'fire tilfeldige ord her' });
      assert.equal(registered.status, 200, registered.body.slice(0, 200));
    }
    assert.equal(new Set((await answeredBy('/registrer')).slice(-4)).size, 2);
    await until('the outbox to be empty', async () => (await q<{ n: string }>('select count(*) as n from mail_outbox where sent_at is null'))[0]!.n === '0');
    const sent = smtp.slice(before);
    assert.equal(sent.length, 14);
    const recipients = sent.map((m) => m.to.join(','));
    assert.equal(new Set(recipients).size, 14, 'no mail was sent twice');
  });

  test('caches follow the database: after a write through one instance, the CSV export and search of both show it', async () => {
    const editor = new Browser('127.0.0.20');
    await editor.signIn('redaktor@demo.samklang.example');
    const mine = await editor.get('/mine-tilbud');
    const today = (await q<{ d: string }>("select to_char((now() at time zone 'Europe/Oslo')::date, 'YYYY-MM-DD') as d"))[0]!.d;
    // one of the editor's entries not confirmed today
    const ids = [...mine.body.matchAll(/\/mine-tilbud\/tilbud\/([0-9a-f-]{36})\//g)].map((m) => m[1]!);
    const [{ id }] = await q<{ id: string }>("select id from service where id = any($1::uuid[]) and assured_date <> $2::date order by id limit 1", [ids, today]) as [{ id: string }];
    const csvRow = async () => {
      const csv = await call('GET', '/api/v1/services.csv', { from: '127.0.0.21' });
      assert.equal(csv.status, 200);
      return csv.body.split('\n').find((line) => line.includes(id)) ?? '';
    };
    // both instances build and keep the export (and the search behind it)
    const before = [await csvRow(), await csvRow()];
    assert.equal(before[0], before[1]);
    assert.ok(before[0]!.length > 0 && !before[0]!.includes(today));
    assert.equal(new Set((await answeredBy('/api/v1/services.csv')).slice(-2)).size, 2);
    await editor.get('/mine-tilbud');
    assert.equal((await editor.post(`/mine-tilbud/tilbud/${id}/bekreft`, {})).status, 200);
    const after = [await csvRow(), await csvRow()];
    assert.ok(after.every((row) => row.includes(today)), `the confirmation shows on both instances: ${after.join(' / ')}`);
  });

  test('SIGTERM to one instance during a burst of requests: every request is answered, the instance drains and exits 0', async () => {
    const [{ id }] = await q<{ id: string }>('select id from service where is_demo order by id limit 1') as [{ id: string }];
    const urls = ['/tilbud?q=musikk', '/api/v1/services?q=musikk', `/tilbud/${id}`, '/hsds/services?per_page=5', `/api/v1/services/${id}`, '/fhir/HealthcareService?_count=5'];
    const total = 120;
    const statuses: number[] = [];
    let next = 0;
    let done = 0;
    const stopping = instances[0]!;
    let signalled = false;
    const worker = async (n: number) => {
      while (next < total) {
        const i = next++;
        const answer = await call('GET', urls[i % urls.length]!, { from: `127.0.1.${1 + ((n + i) % 30)}` }).catch((error: Error) => ({ status: -1, body: error.message }));
        statuses[i] = answer.status;
        done++;
        if (done === 24 && !signalled) {
          signalled = true;
          stopping.child.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    assert.equal(signalled, true);
    assert.deepEqual(statuses.filter((s) => s !== 200), [], 'no request failed');
    assert.equal(await stopping.exited, 0, `the stopped instance exits cleanly:\n${stopping.out.slice(-5).join('\n')}`);
    assert.ok(stopping.out.some((l) => l.includes('drained')));
    assert.equal((await call('GET', '/tilbud')).status, 200, 'the other instance serves alone');
  });
});
