import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Algorithm, verify } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { ARGON2 } from '../../src/accounts/passwords.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo, pathOf } from './client.ts';

/**
 * How passwords are stored, checked against the PHC string itself and the argon2 library directly,
 * not through the app's own hash and verify functions (which a fault could change together).
 */
const B64 = '[A-Za-z0-9+/]';
const phc = new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}\\$${B64}{22,}\\$${B64}{43,}$`);

async function assertStored(stored: string | null, password: string) {
  assert.ok(stored, 'a hash is stored');
  assert.match(stored, phc, 'argon2id with the configured memory, iterations and lanes');
  assert.notEqual(stored, password);
  assert.ok(!stored.includes(password), 'the password is nowhere in what is stored');
  assert.equal(await verify(stored, password), true, 'the argon2 library accepts the password');
  assert.equal(await verify(stored, `${password}x`), false);
}

test('argon2id parameters meet at least OWASP\'s first choice (19 MiB, 2 iterations, 1 lane)', () => {
  assert.equal(ARGON2.algorithm, Algorithm.Argon2id);
  assert.ok(ARGON2.memoryCost >= 19_456, `memory ${ARGON2.memoryCost} KiB`);
  assert.ok(ARGON2.timeCost >= 2, `iterations ${ARGON2.timeCost}`);
  assert.ok(ARGON2.parallelism >= 1);
});

for (const backend of backends()) {
  describe(`accounts: passwords are stored as argon2id hashes on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const stored = async (email: string) => (await database.db.selectFrom('app_user').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()).password_hash;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));

    test('registration, a reset and the test accounts all store argon2id, never the password', async () => {
      const v = new Visitor(app, '10.2.0.1');
      await v.get('/registrer');
      await v.post('/registrer', { name: '', email: 'ny@example.no', password: PASSWORD });
      await assertStored(await stored('ny@example.no'), PASSWORD);
      await v.get('/glemt-passord');
      await v.post('/glemt-passord', { email: 'ny@example.no' });
      const reset = pathOf((await lastMailTo(database.db, 'ny@example.no')).link!);
      await v.get(reset);
      await v.post(reset, { password: 'et helt annet passord nå' });
      await assertStored(await stored('ny@example.no'), 'et helt annet passord nå');
      await anAccount(database.db, { email: 'fabrikk@example.no' });
      await assertStored(await stored('fabrikk@example.no'), PASSWORD);
      // the same password twice gives two hashes (a fresh salt each time)
      await anAccount(database.db, { email: 'fabrikk2@example.no' });
      assert.notEqual(await stored('fabrikk@example.no'), await stored('fabrikk2@example.no'));
    });
  });
}
