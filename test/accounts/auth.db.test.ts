import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo, pathOf } from './client.ts';

for (const backend of backends()) {
  describe(`accounts: sign-in, registration and links on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ipCounter = 10;
    const visitor = () => new Visitor(app, `10.0.0.${ipCounter++}`);

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'kari@example.no' });
    });

    test('register, verify through the link in the outbox, then sign in', async () => {
      const v = visitor();
      await v.get('/registrer');
      const sent = await v.post('/registrer', { name: 'Ola', email: 'Ola@Example.no', password: PASSWORD });
      assert.equal(sent.status, 200);
      assert.match(sent.$('main').text(), /Sjekk e-posten/);
      const mail = await lastMailTo(database.db, 'ola@example.no');
      assert.match(mail.link!, /^https:\/\/samklang\.test\/konto\/bekreft\//);
      // before verification the account cannot sign in; the link just sent stays the one to use
      // (a new one goes out at most every 15 minutes: test/accounts/mail-limits.db.test.ts)
      const early = await v.signIn('ola@example.no', PASSWORD);
      assert.equal(early.status, 403);
      assert.match(early.$('main').text(), /nylig sendt deg en lenke/);
      const fresh = await lastMailTo(database.db, 'ola@example.no');
      assert.equal(fresh.link, mail.link);
      const confirm = await v.get(pathOf(fresh.link!));
      assert.equal(confirm.status, 200);
      const done = await v.post(pathOf(fresh.link!), { password: PASSWORD });
      assert.equal(done.status, 200);
      assert.match(done.$('h1').text(), /bekreftet/);
      // single use
      assert.equal((await v.post(pathOf(fresh.link!), { password: PASSWORD })).status, 410);
      const signedIn = await v.signIn('OLA@example.no', PASSWORD);
      assert.equal(signedIn.status, 303);
      assert.equal(signedIn.location, '/mine-tilbud');
      const account = await v.get('/konto');
      assert.equal(account.status, 200);
      assert.match(account.$('main').text(), /ola@example.no/);
    });

    test('registering an address that has an account says the same and mails the owner instead', async () => {
      const v = visitor();
      await v.get('/registrer');
      const page = await v.post('/registrer', { name: '', email: 'kari@example.no', password: 'et annet langt passord' });
      assert.equal(page.status, 200);
      assert.match(page.$('main').text(), /Sjekk e-posten/);
      const mail = await lastMailTo(database.db, 'kari@example.no');
      assert.match(mail.body, /allerede en konto/);
    });

    test('password policy: length over complexity, common passwords refused, errors beside the field with the values kept', async () => {
      const v = visitor();
      await v.get('/registrer');
      const refused = [
        ['kort', /minst 12 tegn/], ['password1234', /mest brukte/], ['Sommer2024!!', /mest brukte/], ['aaaaaaaaaaaaaaa', /gjentar/],
        // guessable though long: found by the strength estimator, with the reason and advice in Norwegian
        ['passordpassord', /gjentar ord/], ['sommer2024sommer', /vanlige ord|årstall/], ['qwertyuiopasdf', /tastatur|mest brukte/],
      ] as const;
      for (const [password, message] of refused) {
        const page = await v.post('/registrer', { name: 'Per', email: 'per@example.no', password });
        assert.equal(page.status, 400, password);
        assert.match(page.$('#password-error').text(), message);
        assert.equal(page.$('#email').attr('value'), 'per@example.no');
        assert.equal(page.$('#password').attr('value'), undefined, 'a password is never sent back');
        assert.equal(page.$('.ds-error-summary a[href="#password"]').length, 1);
      }
      // a long passphrase without digits or symbols is fine
      const ok = await v.post('/registrer', { name: 'Per', email: 'per@example.no', password: 'gule hus ved fjorden' });
      assert.equal(ok.status, 200);
    });

    test('a wrong password and an unknown email get the same message', async () => {
      const v = visitor();
      const wrong = await v.signIn('kari@example.no', 'feil passord her');
      const unknown = await v.signIn('ingen@example.no', 'feil passord her');
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.equal(wrong.$('#email-error').text(), unknown.$('#email-error').text());
    });

    test('rate limit per IP address: 30 failures from one address lock it for every account', async () => {
      const v = new Visitor(app, '10.1.1.1');
      await v.get('/logg-inn');
      for (let i = 0; i < 30; i++) await v.post('/logg-inn', { email: `person${i}@example.no`, password: 'feil passord her' });
      assert.equal((await v.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD })).status, 429);
      assert.equal((await visitor().signIn('kari@example.no', PASSWORD)).status, 303);
    });

    test('session fixation: signing in issues a new session id, and a planted cookie is never accepted', async () => {
      const attacker = visitor();
      attacker.cookies.set('samklang_sesjon', 'planted-by-attacker');
      await attacker.get('/logg-inn');
      const page = await attacker.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD });
      assert.equal(page.status, 303);
      const issued = attacker.cookies.get('samklang_sesjon')!;
      assert.notEqual(issued, 'planted-by-attacker');
      // signing in again in the same browser rotates the id and ends the old session
      await attacker.get('/konto');
      const again = await attacker.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD });
      assert.equal(again.status, 303);
      assert.notEqual(attacker.cookies.get('samklang_sesjon'), issued);
      const stale = new Visitor(app);
      stale.cookies.set('samklang_sesjon', issued);
      assert.equal((await stale.get('/konto')).status, 401);
      // the session is stored hashed: the cookie value is nowhere in the table
      const rows = await database.db.selectFrom('user_session').select('id_hash').execute();
      assert.ok(rows.every((r) => r.id_hash !== attacker.cookies.get('samklang_sesjon')));
    });

    test('cookies are HttpOnly, SameSite=Lax, and Secure when the public address is https', async () => {
      const v = visitor();
      await v.get('/logg-inn');
      const response = await app.inject({ method: 'POST', url: '/logg-inn', remoteAddress: '10.2.2.2', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: v.cookieHeader }, payload: new URLSearchParams({ _csrf: v.csrf, email: 'kari@example.no', password: PASSWORD }).toString() });
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('samklang_sesjon='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Secure/);
    });

    test('CSRF: a form without the token, with a wrong one, or with another browser\'s is refused before anything changes', async () => {
      const v = visitor();
      await v.signIn('kari@example.no', PASSWORD);
      await v.get('/konto');
      for (const csrf of [null, 'feil', new Visitor(app).csrf || 'x'.repeat(43)]) {
        const page = await v.post('/logg-ut', {}, { csrf });
        assert.equal(page.status, 403);
        assert.match(page.$('h1').text(), /utløpt/);
      }
      assert.equal((await v.get('/konto')).status, 200, 'still signed in');
      const other = visitor();
      await other.get('/logg-inn');
      const stolen = await v.post('/logg-ut', {}, { csrf: other.csrf });
      assert.equal(stolen.status, 403);
      // a sign-in form without a token is refused too (login CSRF)
      const bare = visitor();
      assert.equal((await bare.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD }, { csrf: null })).status, 403);
      // JSON with a session cookie needs the header; problem+json on refusal
      const api = await v.json('POST', '/api/v1/mine/services/00000000-0000-4000-8000-000000000000/assure', {});
      assert.equal(api.statusCode, 403);
      assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(api.json().type, 'https://samklang.no/problems/csrf');
      const logout = await v.post('/logg-ut', {});
      assert.equal(logout.status, 303);
      assert.equal((await v.get('/konto')).status, 401);
    });

    test('password reset: one-hour, single-use link; all sessions end; the same answer for unknown addresses', async () => {
      const signedIn = visitor();
      await signedIn.signIn('kari@example.no', PASSWORD);
      const v = visitor();
      await v.get('/glemt-passord');
      const unknown = await v.post('/glemt-passord', { email: 'ukjent@example.no' });
      const known = await v.post('/glemt-passord', { email: 'kari@example.no' });
      assert.equal(unknown.status, 200);
      assert.equal(unknown.$('main').text(), known.$('main').text());
      const mail = await lastMailTo(database.db, 'kari@example.no');
      assert.match(mail.subject, /Nytt passord/);
      const path = pathOf(mail.link!);
      await v.get(path);
      const weak = await v.post(path, { password: 'qwertyuiop123' });
      assert.equal(weak.status, 400);
      assert.match(weak.$('#password-error').text(), /mest brukte/);
      const done = await v.post(path, { password: 'nytt langt passord for meg' });
      assert.equal(done.status, 200);
      assert.equal((await v.post(path, { password: 'enda et nytt passord her' })).status, 410, 'single use');
      assert.equal((await signedIn.get('/konto')).status, 401, 'other sessions ended');
      assert.equal((await visitor().signIn('kari@example.no', 'nytt langt passord for meg')).status, 303);
      // restore for the other tests
      await v.get('/glemt-passord');
      await v.post('/glemt-passord', { email: 'kari@example.no' });
      const again = pathOf((await lastMailTo(database.db, 'kari@example.no')).link!);
      await v.get(again);
      await v.post(again, { password: PASSWORD });
    });

    // expiry on the app's clock: see lifetimes.db.test.ts
    test('an unknown link says so (404)', async () => {
      assert.equal((await visitor().get('/nytt-passord/ukjent-lenke-som-ikke-finnes')).status, 404);
      assert.equal((await visitor().get('/konto/bekreft/ukjent-lenke-som-ikke-finnes')).status, 404);
    });

    test('pages that need an account answer with the sign-in page (401); admin pages answer 403 to others', async () => {
      const anonymous = visitor();
      const page = await anonymous.get('/konto');
      assert.equal(page.status, 401);
      assert.equal(page.$('form[action="/logg-inn"] input[name=neste]').val(), '/konto');
      const v = visitor();
      await v.signIn('kari@example.no', PASSWORD);
      assert.equal((await v.get('/moderering/utboks')).status, 403);
      await anAccount(database.db, { email: 'admin@example.no', admin: true });
      const admin = visitor();
      await admin.signIn('admin@example.no', PASSWORD);
      const outbox = await admin.get('/moderering/utboks');
      assert.equal(outbox.status, 200);
      assert.match(outbox.$('main').text(), /kari@example.no/);
    });

    test('after sign-in only a path on this site is followed, never another host', async () => {
      const v = visitor();
      await v.get('/logg-inn');
      const page = await v.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD, neste: '//evil.example/' });
      assert.equal(page.location, '/mine-tilbud');
    });
  });
}
