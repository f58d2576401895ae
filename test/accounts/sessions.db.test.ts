import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { MINUTE, PASSWORD, TestClock, Visitor, anAccount, appOnClock } from './client.ts';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

for (const backend of backends()) {
  describe(`sessions: idle timeout, list of one's sessions, sign out everywhere on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const browser = (userAgent?: string) => new Visitor(app, `10.0.8.${ip++}`, userAgent);
    const signedIn = async (email: string, userAgent?: string) => {
      const v = browser(userAgent);
      assert.equal((await v.signIn(email, PASSWORD)).status, 303);
      return v;
    };
    const clock = new TestClock();
    /** Puts the application's clock `minutes` ahead of real time. */
    const later = (minutes: number) => clock.set(minutes * MINUTE);

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock);
      for (const email of ['kari@example.no', 'ola@example.no', 'aktiv@example.no', 'treg@example.no']) await anAccount(database.db, { email });
    });
    afterEach(() => clock.set(0));
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a session ends after 2 hours without use; each use within them moves the end', async () => {
      const v = await signedIn('treg@example.no');
      later(119);
      assert.equal((await v.get('/konto')).status, 200, '119 minutes idle: still signed in');
      later(119 + 119);
      assert.equal((await v.get('/konto')).status, 200, 'used 119 minutes ago: still signed in');
      later(119 + 119 + 121);
      const idle = await v.get('/konto');
      assert.equal(idle.status, 401, '121 minutes idle: signed out');
      assert.match(idle.$('main').text(), /må logge inn/);
    });

    test('a form sent after the session ended idle says so (not "form expired") and changes nothing', async () => {
      const v = await signedIn('treg@example.no');
      await v.get('/konto/navn');
      later(121);
      const page = await v.post('/konto/navn', { navn: 'Skrevet lenge' });
      assert.equal(page.status, 403);
      assert.match(page.$('h1').text(), /Du er logget ut/);
      assert.match(page.$('main').text(), /Gå tilbake i nettleseren/);
      const row = await database.db.selectFrom('app_user').select('name').where('email', '=', 'treg@example.no').executeTakeFirstOrThrow();
      assert.equal(row.name, null);
    });

    test('"last seen" is written at most once a minute, not on every request', async () => {
      const v = await signedIn('aktiv@example.no');
      const lastSeen = async () => (await database.db.selectFrom('user_session as s').innerJoin('app_user as u', 'u.id', 's.user_id')
        .select('s.last_seen_at').where('u.email', '=', 'aktiv@example.no').executeTakeFirstOrThrow()).last_seen_at.getTime();
      const start = await lastSeen();
      later(0.5);
      for (let i = 0; i < 5; i++) assert.equal((await v.get('/konto')).status, 200);
      assert.equal(await lastSeen(), start, 'no write within the first minute');
      later(1.5);
      await v.get('/konto');
      assert.ok(await lastSeen() > start + MINUTE, 'written once a minute had passed');
    });

    test('an active session still ends 14 days after sign-in', async () => {
      const v = await signedIn('aktiv@example.no');
      let minutes = 0;
      for (; minutes < 14 * 24 * 60 - 100; minutes += 100) {
        later(minutes);
        assert.equal((await v.get('/konto')).status, 200, `${minutes} minutes after sign-in`);
      }
      later(14 * 24 * 60 + 1);
      assert.equal((await v.get('/konto')).status, 401);
    });

    test('the session list shows only one\'s own sessions, with the browser, and marks this one', async () => {
      const here = await signedIn('kari@example.no', FIREFOX_LINUX);
      await signedIn('kari@example.no', CHROME_WINDOWS);
      await signedIn('ola@example.no', SAFARI_IPHONE);
      const page = await here.get('/konto/innlogginger');
      assert.equal(page.status, 200);
      const rows = page.$('main table tbody tr');
      assert.equal(rows.length, 2, 'Kari\'s two sessions, not Ola\'s');
      assert.match(rows.eq(0).text(), /Firefox på Linux.*Denne nettleseren/);
      assert.match(rows.eq(1).text(), /Chrome på Windows/);
      assert.doesNotMatch(rows.eq(1).text(), /Denne nettleseren/);
      assert.doesNotMatch(page.$('main').text(), /iOS|Safari/);
      assert.equal(page.$('form[action="/konto/innlogginger/logg-ut-andre"] input[name=_csrf]').length, 1);
      assert.match((await here.get('/konto')).$('a[href="/konto/innlogginger"]').text(), /logget inn/);
    });

    test('"logg ut alle andre steder" ends the other sessions and keeps this one; "logg ut overalt" ends this one too; both need the form token', async () => {
      const a = await signedIn('ola@example.no', FIREFOX_LINUX);
      const b = await signedIn('ola@example.no', CHROME_WINDOWS);
      const c = await signedIn('ola@example.no');
      const kari = await signedIn('kari@example.no');
      await a.get('/konto/innlogginger');
      // another site's form (no token) changes nothing
      assert.equal((await a.post('/konto/innlogginger/logg-ut-andre', {}, { csrf: null })).status, 403);
      assert.equal((await b.get('/konto')).status, 200);
      await a.get('/konto/innlogginger');
      const ended = await a.post('/konto/innlogginger/logg-ut-andre', {});
      assert.equal(ended.status, 303);
      const list = await a.get(ended.location!);
      assert.match(list.$('main').text(), /logget ut alle andre steder/);
      assert.equal(list.$('main table tbody tr').length, 1);
      assert.equal((await b.get('/konto')).status, 401);
      assert.equal((await c.get('/konto')).status, 401);
      assert.equal((await a.get('/konto')).status, 200);
      assert.equal((await kari.get('/konto')).status, 200, 'other people\'s sessions are untouched');
      const d = await signedIn('ola@example.no');
      await a.get('/konto/innlogginger');
      const all = await a.post('/konto/innlogginger/logg-ut-alle', {});
      assert.equal(all.status, 303);
      assert.equal(all.location, '/logg-inn');
      assert.equal((await a.get('/konto')).status, 401);
      assert.equal((await d.get('/konto')).status, 401);
      assert.equal((await kari.get('/konto')).status, 200);
    });
  });
}
