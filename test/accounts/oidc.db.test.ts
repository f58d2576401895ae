import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { CONTROL_NEXT, FOREIGN_NEXT, Visitor, anAccount, lastMailTo, pathOf } from './client.ts';

const PUBLIC_URL = 'http://samklang.test';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with its development login
 * and consent pages: any login name is accepted and becomes the subject.
 */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'samklang', client_secret: 'klienthemmelighet-for-test', redirect_uris: [`${PUBLIC_URL}/logg-inn/oidc/tilbake`], response_types: ['code'], grant_types: ['authorization_code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@example.no`, email_verified: !sub.startsWith('ubekreftet'), name: `OIDC ${sub}` }),
    }),
    cookies: { keys: ['test-cookie-key'] },
  });
  handler = provider.callback();
  return { issuer, server };
}

/** A browser at the provider: follows redirects, fills the login form, accepts consent, until it is sent back to us. */
async function signInAtProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = start;
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> ?? {}), cookie: cookie() } });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(PUBLIC_URL)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const $ = load(await response.text());
    const form = $('form').first();
    const body = new URLSearchParams();
    form.find('input').each((_, input) => {
      const name = $(input).attr('name');
      if (!name) return;
      body.set(name, name === 'login' ? login : name === 'password' ? 'vilkårlig' : ($(input).attr('value') ?? ''));
    });
    url = new URL(form.attr('action') ?? url, url).href;
    init = { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider never sent the browser back');
}

describe('single sign-on through a real OpenID Connect provider', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  let provider: { issuer: string; server: Server };

  before(async () => {
    database = await freshDatabase('pglite');
    provider = await startProvider();
    app = await testApp(database.db, { JOB_WORKER: 'off', PUBLIC_URL, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'samklang', OIDC_CLIENT_SECRET: 'klienthemmelighet-for-test' });
    await anAccount(database.db, { email: 'kari@example.no', name: 'Kari' });
  });
  after(async () => {
    await app.close();
    await new Promise<void>((resolve) => provider.server.close(() => resolve()));
    await database.close();
  });

  async function ssoAs(login: string, visitor = new Visitor(app, '10.8.0.1'), next = '/konto') {
    const login_page = await visitor.get('/logg-inn');
    assert.equal(login_page.$('a[href^="/logg-inn/oidc"]').length, 1, 'the sign-in page offers single sign-on');
    const start = await visitor.get(`/logg-inn/oidc?neste=${encodeURIComponent(next)}`);
    assert.equal(start.status, 303);
    assert.ok(start.location!.startsWith(`${provider.issuer}/auth?`));
    const params = new URL(start.location!).searchParams;
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.ok(params.get('state') && params.get('nonce'));
    const back = await signInAtProvider(start.location!, login);
    const callback = new URL(back);
    return { visitor, done: await visitor.get(`${callback.pathname}${callback.search}`) };
  }

  test('an existing account is linked by its verified email, and the person is signed in', async () => {
    const { visitor, done } = await ssoAs('kari');
    assert.equal(done.status, 303, done.body);
    assert.equal(done.location, '/konto');
    const account = await visitor.get('/konto');
    assert.equal(account.status, 200);
    assert.match(account.$('main').text(), /kari@example\.no/);
    const users = await database.db.selectFrom('app_user').select(['email', 'oidc_subject']).where('email', '=', 'kari@example.no').execute();
    assert.deepEqual(users, [{ email: 'kari@example.no', oidc_subject: 'kari' }]);
  });

  test('a new person gets an account with a verified email and no password', async () => {
    const { done } = await ssoAs('nils');
    assert.equal(done.status, 303);
    const user = await database.db.selectFrom('app_user').select(['email', 'password_hash', 'email_verified_at', 'name']).where('email', '=', 'nils@example.no').executeTakeFirstOrThrow();
    assert.equal(user.password_hash, null);
    assert.ok(user.email_verified_at);
    assert.equal(user.name, 'OIDC nils');
  });

  test('an email the provider has not verified is not linked to any account', async () => {
    const { done } = await ssoAs('ubekreftet');
    assert.equal(done.status, 400);
    assert.match(done.$('main').text(), /ikke bekreftet e-postadressen/);
  });

  test('a callback without the state cookie (a forged or replayed answer) is refused', async () => {
    const { done } = await ssoAs('kari');
    assert.equal(done.status, 303);
    const stranger = new Visitor(app, '10.8.0.9');
    const forged = await stranger.get('/logg-inn/oidc/tilbake?code=abc&state=xyz');
    assert.equal(forged.status, 400);
    assert.equal((await stranger.get('/konto')).status, 401);
  });

  test('pre-registration takeover: an unverified account someone else registered is linked without the password they chose', async () => {
    const attacker = new Visitor(app, '10.8.1.1');
    await attacker.get('/registrer');
    await attacker.post('/registrer', { name: 'Angriper', email: 'berit@example.no', password: 'angriperens eget passord' });
    const pendingLink = pathOf((await lastMailTo(database.db, 'berit@example.no')).link!);
    const { visitor, done } = await ssoAs('berit');
    assert.equal(done.status, 303, done.body);
    assert.equal((await visitor.get('/konto')).status, 200, 'the owner is signed in');
    const user = await database.db.selectFrom('app_user').select(['password_hash', 'name', 'email_verified_at', 'oidc_subject']).where('email', '=', 'berit@example.no').executeTakeFirstOrThrow();
    assert.equal(user.password_hash, null, 'the password chosen before anyone proved the address is gone');
    assert.equal(user.name, 'OIDC berit', 'and so is the name the registrant typed');
    assert.ok(user.email_verified_at);
    assert.equal(user.oidc_subject, 'berit');
    const attempt = await new Visitor(app, '10.8.1.2').signIn('berit@example.no', 'angriperens eget passord');
    assert.equal(attempt.status, 401);
    assert.equal((await new Visitor(app, '10.8.1.3').get(pendingLink)).status, 410, 'the old verification link no longer works');
  });

  test('a verified account keeps its password when it is linked', async () => {
    await anAccount(database.db, { email: 'siri@example.no', password: 'siris eget lange passord' });
    const { done } = await ssoAs('siri');
    assert.equal(done.status, 303);
    assert.equal((await new Visitor(app, '10.8.2.1').signIn('siri@example.no', 'siris eget lange passord')).status, 303);
  });

  test('the OIDC return never sends anyone to another host, whatever neste the start was given', async () => {
    for (const payload of FOREIGN_NEXT) {
      const { done } = await ssoAs('kari', new Visitor(app, '10.8.3.1'), payload);
      assert.equal(done.status, 303, payload);
      assert.equal(done.location, '/mine-tilbud', JSON.stringify(payload));
    }
    for (const payload of CONTROL_NEXT) {
      const start = await new Visitor(app, '10.8.3.2').get(`/logg-inn/oidc?neste=${encodeURIComponent(payload)}`);
      assert.equal(start.status, 400, JSON.stringify(payload));
      assert.match(start.$('main').text(), /ugyldig|nulltegn/);
    }
  });
});
