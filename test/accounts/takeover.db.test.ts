import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { createAdmin } from '../../src/accounts/admin-create.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, lastMailTo, pathOf } from './client.ts';

const ATTACKERS = 'angriperens eget passord';

/**
 * Pre-registration takeover: someone registers another person's address with a password of their
 * choosing. Whatever the owner of the address then does with the mail, the attacker's password
 * must not open the account.
 */
for (const backend of backends()) {
  describe(`accounts: an address registered by someone else on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const visitor = () => new Visitor(app, `10.3.0.${ip++}`);

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));

    async function attackerRegisters(email: string) {
      const attacker = visitor();
      await attacker.get('/registrer');
      assert.equal((await attacker.post('/registrer', { name: 'Angriper', email, password: ATTACKERS })).status, 200);
      return pathOf((await lastMailTo(database.db, email)).link!);
    }

    test('the owner clicking the unsolicited verification link does not verify the attacker\'s password', async () => {
      const link = await attackerRegisters('offer@example.no');
      const owner = visitor();
      const page = await owner.get(link);
      assert.equal(page.status, 200);
      assert.equal(page.$('input#password[type=password]').length, 1, 'the page asks for the password chosen at registration');
      assert.equal(page.$(`a[href="/glemt-passord"]`).length, 1, 'and offers to choose a new one instead');
      // the owner does not know it: confirming without it, or with a guess, verifies nothing
      for (const password of ['', 'et eller annet passord']) {
        const refused = await owner.post(link, { password });
        assert.equal(refused.status, 400);
        assert.match(refused.$('#password-error').text(), /passordet/i);
      }
      const row = await database.db.selectFrom('app_user').select('email_verified_at').where('email', '=', 'offer@example.no').executeTakeFirstOrThrow();
      assert.equal(row.email_verified_at, null);
      const attempt = await visitor().signIn('offer@example.no', ATTACKERS);
      assert.notEqual(attempt.status, 303, 'the attacker cannot sign in');
      // choosing a password through "Glemt passord" (a mail to the same inbox) replaces the attacker's
      await owner.get('/glemt-passord');
      await owner.post('/glemt-passord', { email: 'offer@example.no' });
      const reset = pathOf((await lastMailTo(database.db, 'offer@example.no')).link!);
      await owner.get(reset);
      assert.equal((await owner.post(reset, { password: PASSWORD })).status, 200);
      assert.equal((await visitor().signIn('offer@example.no', ATTACKERS)).status, 401);
      assert.equal((await visitor().signIn('offer@example.no', PASSWORD)).status, 303);
      // the old verification link is spent with the rest
      assert.equal((await owner.post(link, { password: ATTACKERS })).status, 410);
    });

    test('the person who registered verifies by giving the password they chose, and only then', async () => {
      const v = visitor();
      await v.get('/registrer');
      await v.post('/registrer', { name: 'Ola', email: 'ola@example.no', password: PASSWORD });
      const link = pathOf((await lastMailTo(database.db, 'ola@example.no')).link!);
      await v.get(link);
      const done = await v.post(link, { password: PASSWORD });
      assert.equal(done.status, 200);
      assert.match(done.$('h1').text(), /bekreftet/);
      assert.equal((await visitor().signIn('ola@example.no', PASSWORD)).status, 303);
    });

    test('guessing the registrant\'s password on the verification page is slowed down like signing in', async () => {
      const link = await attackerRegisters('gjetter@example.no');
      const v = visitor();
      await v.get(link);
      for (let i = 0; i < 5; i++) assert.equal((await v.post(link, { password: `gjetning nummer ${i}` })).status, 400);
      const held = await v.post(link, { password: ATTACKERS });
      assert.equal(held.status, 429);
      assert.match(held.$('#password-error').text(), /Vent ett minutt/);
    });

    test('an admin made from an unverified account (npm run admin:create) keeps no password chosen before', async () => {
      await attackerRegisters('sjef@example.no');
      const { link } = await createAdmin(database.db, { publicUrl: 'https://samklang.test' }, { email: 'sjef@example.no', name: null });
      assert.notEqual((await visitor().signIn('sjef@example.no', ATTACKERS)).status, 303);
      const row = await database.db.selectFrom('app_user').select(['password_hash', 'is_admin']).where('email', '=', 'sjef@example.no').executeTakeFirstOrThrow();
      assert.deepEqual(row, { password_hash: null, is_admin: true });
      const owner = visitor();
      await owner.get(pathOf(link));
      assert.equal((await owner.post(pathOf(link), { password: PASSWORD })).status, 200);
      assert.equal((await visitor().signIn('sjef@example.no', PASSWORD)).status, 303);
    });
  });
}
