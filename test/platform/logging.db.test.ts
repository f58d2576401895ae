import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { redactUrl, requestIdGenerator, scrubLine } from '../../src/platform/http/logging.ts';
import { freshDatabase } from '../helpers/db.ts';
import { Visitor, lastMailTo, pathOf } from '../accounts/client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the log of a real app: request ids on every line, no secrets', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];

  before(async () => {
    database = await freshDatabase('pglite');
    const config = loadConfig({ LOG_LEVEL: 'debug', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' });
    app = await createApp(database.db, { ...config, logDestination: { write: (line) => void lines.push(line) } });
    // code that logs through the app's logger (not the request's) while handling a request
    app.get('/logg-test', async (request) => {
      app.log.warn({ email: 'skjult@example.no', note: `for ${request.headers['x-who'] ?? ''}` }, 'logged through app.log');
      return 'ok';
    });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  test('signing up, resetting a password, signing in and following tokened links leave no secret in the log', async () => {
    const email = 'logg.sjekk@example.no';
    const passwords = ['første passord for loggen', 'andre passord for loggen'];
    const v = new Visitor(app, '10.9.8.7');
    const secrets: string[] = [email, encodeURIComponent(email), ...passwords, ...passwords.map((p) => encodeURIComponent(p).replace(/%20/g, '+'))];

    await v.get('/registrer');
    secrets.push(v.csrf);
    assert.equal((await v.post('/registrer', { name: 'Logg', email, password: passwords[0]! })).status, 200);
    const verify = pathOf((await lastMailTo(database.db, email)).link!);
    secrets.push(verify.split('/').pop()!);
    assert.equal((await v.get(verify)).status, 200);
    assert.equal((await v.post(verify, { password: passwords[0]! })).status, 200);

    await v.get('/glemt-passord');
    assert.equal((await v.post('/glemt-passord', { email })).status, 200);
    const reset = pathOf((await lastMailTo(database.db, email)).link!);
    secrets.push(reset.split('/').pop()!);
    assert.equal((await v.get(reset)).status, 200);
    assert.equal((await v.post(reset, { password: passwords[1]! })).status, 200);

    assert.equal((await v.signIn(email, passwords[1]!)).status, 303);
    secrets.push(...v.cookies.values(), v.csrf);
    assert.equal((await v.get('/konto')).status, 200);

    // tokens in query strings (an OpenID Connect callback, a link someone made up), an
    // Authorization header and a proxy's request id the app must not trust (TRUST_PROXY is off)
    const code = 'Zq8-authorisation-code-0123456789';
    const state = 'state-value-9876543210-abcdef';
    await v.get(`/logg-inn/oidc/tilbake?code=${code}&state=${state}`);
    await v.get(`/tilbud?token=${code}&email=${encodeURIComponent(email)}&q=rus`);
    const bearer = 'bearer-secret-abcdefghijklmnopqrstuvwxyz012345';
    const spoofed = await app.inject({ method: 'GET', url: '/logg-test', headers: { authorization: `Bearer ${bearer}`, 'x-request-id': 'spoofed-id', 'x-who': email } });
    assert.match(String(spoofed.headers['x-request-id']), UUID, 'a request id of our own, sent back');
    secrets.push(code, state, bearer);

    const log = lines.join('');
    for (const secret of secrets) {
      assert.ok(secret.length >= 8, `a real secret: ${secret}`);
      assert.ok(!log.includes(secret), `the log holds a secret: ${secret}`);
    }
    assert.ok(!/@example\.no|%40example/i.test(log), 'no email address');
    assert.match(log, /"url":"\/nytt-passord\/\[redacted\]"/);
    assert.match(log, /code=\[redacted\]&state=\[redacted\]/);
    assert.match(log, /q=rus/);

    const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string; req?: unknown });
    assert.ok(entries.filter((e) => e.msg === 'incoming request').length >= 12, 'one line per request at debug');
    const missing = entries.filter((e) => typeof e.reqId !== 'string' || !UUID.test(e.reqId));
    assert.deepEqual(missing, [], 'every line carries its request id');
    const viaAppLog = entries.find((e) => e.msg === 'logged through app.log')!;
    assert.equal(viaAppLog.reqId, spoofed.headers['x-request-id']);
    assert.ok(!entries.some((e) => e.reqId === 'spoofed-id'));
  });
});

describe('request ids', () => {
  const raw = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as IncomingMessage;

  test('come from a trusted proxy only when short and plain, else are ours', () => {
    const trusted = requestIdGenerator(true);
    assert.equal(trusted(raw('abc-123_def.ghi:9')), 'abc-123_def.ghi:9');
    for (const bad of ['', 'a b', 'x'.repeat(129), 'id\nforged line', '{"json":1}', 'ø']) assert.match(trusted(raw(bad)), UUID, bad);
    assert.match(requestIdGenerator(false)(raw('abc-123')), UUID);
  });
});

describe('redaction of what is logged', () => {
  test('token route parameters and secret query values leave the logged URL', () => {
    assert.equal(redactUrl('/nytt-passord/AbC123?x=1', '/nytt-passord/:token'), '/nytt-passord/[redacted]?x=1');
    assert.equal(redactUrl('/tilbud/42', '/tilbud/:id'), '/tilbud/42');
    assert.equal(redactUrl('/a?code=1&state=2&q=rus&e%2Dpost=x&token'), '/a?code=[redacted]&state=[redacted]&q=rus&e%2Dpost=[redacted]&token');
  });

  test('every written line loses email addresses and token-like strings, and keeps ids, hashes and slugs', () => {
    const token = 'Ab3_-'.repeat(9);
    const id = '0b6f3a52-6f43-4c1c-9d3e-8e1f6a0b2c3d';
    const digest = 'a'.repeat(64);
    const slug = 'tilbud-for-ungdom-med-rusproblemer-i-nord-norge';
    const line = `{"msg":"Key (email)=(Kari.Nordmann+x@Example.NO) ${token} ${id} ${digest} ${slug} kari%40example.no"}`;
    assert.equal(scrubLine(line), `{"msg":"Key (email)=([email]) [redacted] ${id} ${digest} ${slug} [email]"}`);
  });
});
