import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { MINUTE, PASSWORD, TestClock, Visitor, anAccount, appOnClock } from './client.ts';

const WRONG = 'feil passord her';

for (const backend of backends()) {
  describe(`accounts: sign-in throttling per account and address on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock);
      await anAccount(database.db, { email: 'eier@example.no' });
      await anAccount(database.db, { email: 'treg@example.no' });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a stranger\'s failures from one address never lock the owner out from another', async () => {
      const attacker = new Visitor(app, '10.6.0.1');
      for (let i = 0; i < 12; i++) {
        const page = await attacker.signIn('eier@example.no', WRONG);
        assert.ok([401, 429].includes(page.status), String(page.status));
      }
      // the attacker's own pair is slowed down, also with the right password
      const slowed = await attacker.signIn('eier@example.no', PASSWORD);
      assert.equal(slowed.status, 429);
      // the owner, elsewhere, signs in at once
      const owner = await new Visitor(app, '10.6.0.2').signIn('eier@example.no', PASSWORD);
      assert.equal(owner.status, 303);
      assert.equal(owner.location, '/mine-tilbud');
    });

    test('repeated failures from one address on one account wait longer and longer, and the page says how long (in Norwegian)', async () => {
      const v = new Visitor(app, '10.6.0.3');
      for (let i = 0; i < 5; i++) assert.equal((await v.signIn('treg@example.no', WRONG)).status, 401, `failure ${i + 1} is free`);
      const waits: number[] = [];
      for (let round = 0; round < 4; round++) {
        const held = await v.signIn('treg@example.no', PASSWORD);
        assert.equal(held.status, 429, `round ${round}`);
        const said = /Vent (ett|\d+) minutt/.exec(held.$('#email-error').text())?.[1];
        const minutes = said === 'ett' ? 1 : Number(said);
        assert.ok(minutes > 0, held.$('#email-error').text());
        const retryAfter = Number(held.headers['retry-after']);
        assert.ok(retryAfter > (minutes - 1) * 60 && retryAfter <= minutes * 60, `Retry-After ${retryAfter} for ${minutes} minutes`);
        waits.push(minutes);
        // just before the wait is over it still holds; after it one more try is let through
        clock.advance(minutes * MINUTE - 30_000);
        assert.equal((await v.signIn('treg@example.no', PASSWORD)).status, 429);
        clock.advance(31_000);
        assert.equal((await v.signIn('treg@example.no', WRONG)).status, 401);
      }
      assert.deepEqual(waits, [1, 2, 4, 8]);
      // the right password after the wait signs in, and clears the slate for that address
      clock.advance(16 * MINUTE + 1000);
      assert.equal((await v.signIn('treg@example.no', PASSWORD)).status, 303);
      assert.equal((await new Visitor(app, '10.6.0.3').signIn('treg@example.no', WRONG)).status, 401);
    });

    test('an unknown address is slowed down exactly like a known one (no account enumeration)', async () => {
      const v = new Visitor(app, '10.6.0.4');
      for (let i = 0; i < 5; i++) assert.equal((await v.signIn('finnes.ikke@example.no', WRONG)).status, 401);
      const held = await v.signIn('finnes.ikke@example.no', WRONG);
      assert.equal(held.status, 429);
      assert.match(held.$('#email-error').text(), /Vent ett minutt/);
    });

    test('changing address within one IPv6 /64 does not start afresh', async () => {
      await anAccount(database.db, { email: 'v6@example.no' });
      for (let i = 1; i <= 5; i++) assert.equal((await new Visitor(app, `2001:db8:6:6::${i}`).signIn('v6@example.no', WRONG)).status, 401);
      assert.equal((await new Visitor(app, '2001:db8:6:6:abcd::99').signIn('v6@example.no', WRONG)).status, 429);
      assert.equal((await new Visitor(app, '2001:db8:6:7::1').signIn('v6@example.no', PASSWORD)).status, 303, 'another /64 is another address');
    });

    test('the per-address limit stays: 30 failures from one address stop it for every account, but no one else', async () => {
      const v = new Visitor(app, '10.6.1.1');
      await v.get('/logg-inn');
      for (let i = 0; i < 30; i++) await v.post('/logg-inn', { email: `person${i}@example.no`, password: WRONG });
      assert.equal((await v.post('/logg-inn', { email: 'eier@example.no', password: PASSWORD })).status, 429);
      assert.equal((await new Visitor(app, '10.6.1.2').signIn('eier@example.no', PASSWORD)).status, 303);
      // the window is 15 minutes
      clock.advance(16 * MINUTE);
      assert.equal((await v.signIn('eier@example.no', PASSWORD)).status, 303);
    });

    test('the throttle is kept in the database, so another instance on it agrees', async () => {
      const v = new Visitor(app, '10.6.0.5');
      for (let i = 0; i < 5; i++) await v.signIn('eier@example.no', WRONG);
      const other = await appOnClock(database.db, clock);
      try {
        assert.equal((await new Visitor(other, '10.6.0.5').signIn('eier@example.no', PASSWORD)).status, 429);
        assert.equal((await new Visitor(other, '10.6.0.6').signIn('eier@example.no', PASSWORD)).status, 303);
      } finally {
        await other.close();
      }
    });
  });
}
