import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';
import { HOUR, MINUTE, PASSWORD, TestClock, Visitor, anAccount, appOnClock, lastMailTo, pathOf } from './client.ts';

/**
 * Lifetimes measured on the app's clock, moved forward by the test (no SQL that fakes an old
 * timestamp): the reset link's hour, the verification link's day, and the hour of the error-report limit.
 */
for (const backend of backends()) {
  describe(`accounts: link lifetimes and limit windows on the app's clock on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    const org = anOrganization();
    const service = aService(org, { name: 'Korøving' });
    let ip = 10;
    const visitor = () => new Visitor(app, `10.4.0.${ip++}`);

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [service]);
      app = await appOnClock(database.db, clock, { PUBLIC_URL: 'https://samklang.test' });
      await anAccount(database.db, { email: 'kari@example.no' });
      await anAccount(database.db, { email: 'ola@example.no' });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function resetLink(email: string) {
      const v = visitor();
      await v.get('/glemt-passord');
      assert.equal((await v.post('/glemt-passord', { email })).status, 200);
      return pathOf((await lastMailTo(database.db, email)).link!);
    }

    test('a reset link still works after 59 minutes and has expired after 61', async () => {
      const works = await resetLink('kari@example.no');
      const expires = await resetLink('ola@example.no');
      clock.advance(59 * MINUTE);
      const v = visitor();
      assert.equal((await v.get(works)).status, 200);
      assert.equal((await v.post(works, { password: 'nytt langt passord for meg' })).status, 200);
      clock.advance(2 * MINUTE);
      const late = visitor();
      const page = await late.get(expires);
      assert.equal(page.status, 410);
      assert.match(page.$('main').text(), /utløpt/);
      // a form sent from a page shown before the hour ran out is refused too
      await late.get('/logg-inn');
      assert.equal((await late.post(expires, { password: 'nytt langt passord for meg' })).status, 410);
      assert.equal((await visitor().signIn('ola@example.no', PASSWORD)).status, 303, 'the password is unchanged');
    });

    async function register(email: string) {
      const v = visitor();
      await v.get('/registrer');
      assert.equal((await v.post('/registrer', { name: '', email, password: PASSWORD })).status, 200);
      return pathOf((await lastMailTo(database.db, email)).link!);
    }

    test('a verification link still works after 23 hours and has expired after 25', async () => {
      const works = await register('tidlig@example.no');
      const expires = await register('sen@example.no');
      clock.advance(23 * HOUR);
      const v = visitor();
      assert.equal((await v.get(works)).status, 200);
      assert.equal((await v.post(works, { password: PASSWORD })).status, 200);
      assert.equal((await visitor().signIn('tidlig@example.no', PASSWORD)).status, 303);
      clock.advance(2 * HOUR);
      const late = visitor();
      const page = await late.get(expires);
      assert.equal(page.status, 410);
      assert.match(page.$('main').text(), /utløpt/);
      await late.get('/logg-inn');
      assert.equal((await late.post(expires, { password: PASSWORD })).status, 410);
    });

    test('"Meld fra om feil": the sixth report within the hour is refused, and the limit lifts after the hour, not before', async () => {
      const person = visitor();
      const url = `/tilbud/${service.id}/meld-feil`;
      await person.get(url);
      const report = (message: string) => person.post(url, { message, email: '', nettsted: '' });
      for (let i = 0; i < 5; i++) assert.equal((await report(`Feil nummer ${i}`)).status, 200);
      assert.equal((await report('For tidlig')).status, 429);
      clock.advance(59 * MINUTE);
      assert.equal((await report('Fortsatt for tidlig')).status, 429);
      clock.advance(2 * MINUTE);
      // the refused tries were not counted: five more go through, then the limit holds again
      for (let i = 0; i < 5; i++) assert.equal((await report(`Ny time, feil ${i}`)).status, 200);
      assert.equal((await report('Én for mye')).status, 429);
    });
  });
}
