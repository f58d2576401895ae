import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { pruneRegistrations } from '../../../src/network/events/reminders.ts';
import { cancel, cancelByToken, checkGuestToken, confirmGuest, promote, register, type RegistrationContext } from '../../../src/network/events/registration.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { anAccount, lastMailTo, pathOf } from '../../accounts/client.ts';
import { DAY, anEvent, statuses } from './helpers.ts';

const ctx = (now = new Date()): RegistrationContext => ({ publicUrl: 'http://samklang.test', now });
const tokenOf = (link: string | null) => pathOf(link!).split('/').pop()!;

for (const backend of backends()) {
  describe(`event registration on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let users: string[] = [];

    before(async () => {
      database = await freshDatabase(backend.name);
      users = [];
      for (let i = 0; i < 24; i++) users.push(await anAccount(database.db, { email: `person${i}@example.no`, name: `Person ${i}` }));
    });
    after(async () => {
      await database.close();
    });

    test('many sign-ups at the same moment never overbook: exactly the capacity registered, the rest waiting in order', async () => {
      const db = database.db;
      const capacity = 5;
      const eventId = await anEvent(db, { capacity });
      const results = await Promise.all(users.slice(0, 20).map((userId) => register(db, ctx(), eventId, { kind: 'account', userId })));
      assert.ok(results.every((r) => r.ok));
      assert.deepEqual(await statuses(db, eventId), { registered: capacity, waiting: 15 });
      assert.equal(results.filter((r) => r.ok && r.kind === 'account' && r.status === 'registered').length, capacity);
      // the waiting list has an order: no two share a place in it
      const waiting = await db.selectFrom('network_registration').select('waiting_since').where('event_id', '=', eventId).where('status', '=', 'waiting').execute();
      assert.equal(waiting.length, 15);
      assert.ok(waiting.every((row) => row.waiting_since !== null));
    });

    test('a cancellation gives the place to the first on the waiting list, who is mailed', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 2 });
      const now = new Date();
      const [a, b, c, d] = users;
      for (const [i, userId] of [a, b, c, d].entries()) await register(db, ctx(new Date(now.getTime() + i * 1000)), eventId, { kind: 'account', userId: userId! });
      assert.deepEqual(await statuses(db, eventId), { registered: 2, waiting: 2 });
      const first = await db.selectFrom('network_registration').select('id').where('event_id', '=', eventId).where('user_id', '=', a!).executeTakeFirstOrThrow();
      const result = await cancel(db, ctx(), first.id, a!);
      assert.equal(result.promoted.length, 1);
      const promoted = await db.selectFrom('network_registration').select(['user_id', 'status']).where('id', '=', result.promoted[0]!).executeTakeFirstOrThrow();
      assert.equal(promoted.user_id, c, 'the one who waited longest');
      assert.deepEqual(await statuses(db, eventId), { registered: 2, waiting: 1, cancelled: 1 });
      const mail = await lastMailTo(db, 'person2@example.no');
      assert.match(mail.subject, /Du har fått plass/);
      // cancelling a waiting registration promotes nobody
      const waitingRow = await db.selectFrom('network_registration').select('id').where('event_id', '=', eventId).where('user_id', '=', d!).executeTakeFirstOrThrow();
      assert.deepEqual((await cancel(db, ctx(), waitingRow.id, d!)).promoted, []);
      // registering again after cancelling gets a new place in the queue, not the old one
      assert.deepEqual(await register(db, ctx(), eventId, { kind: 'account', userId: a! }), { ok: true, kind: 'account', status: 'waiting', registrationId: first.id, already: false });
    });

    test('raising the capacity promotes as many as fit', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 1 });
      for (const userId of users.slice(0, 4)) await register(db, ctx(), eventId, { kind: 'account', userId });
      await db.updateTable('network_event').set({ capacity: 3 }).where('id', '=', eventId).execute();
      assert.equal((await promote(db, ctx(), eventId)).length, 2);
      assert.deepEqual(await statuses(db, eventId), { registered: 3, waiting: 1 });
    });

    test('the deadline, a draft, a cancelled event and an event that has started take no registrations', async () => {
      const db = database.db;
      const userId = users[0]!;
      const deadlinePassed = await anEvent(db, { registrationDeadline: new Date(Date.now() - 60_000) });
      assert.deepEqual(await register(db, ctx(), deadlinePassed, { kind: 'account', userId }), { ok: false, reason: 'deadline' });
      assert.deepEqual(await register(db, ctx(), await anEvent(db, { status: 'draft' }), { kind: 'account', userId }), { ok: false, reason: 'not_open' });
      assert.deepEqual(await register(db, ctx(), await anEvent(db, { status: 'cancelled' }), { kind: 'account', userId }), { ok: false, reason: 'not_open' });
      assert.deepEqual(await register(db, ctx(), await anEvent(db, { daysAhead: -1 }), { kind: 'account', userId }), { ok: false, reason: 'started' });
      assert.deepEqual(await register(db, ctx(), '00000000-0000-4000-8000-000000000000', { kind: 'account', userId }), { ok: false, reason: 'not_found' });
      assert.deepEqual(await statuses(db, deadlinePassed), {});
    });

    test('a guest holds no place until the mailed link is followed; the link is hashed, single-use and expires', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 1 });
      assert.deepEqual(await register(db, ctx(), eventId, { kind: 'guest', name: 'Gjest En', email: 'Gjest.En@Example.no ' }), { ok: true, kind: 'guest' });
      assert.deepEqual(await statuses(db, eventId), { unconfirmed: 1 });
      const mail = await lastMailTo(db, 'gjest.en@example.no');
      assert.match(mail.subject, /Bekreft påmeldingen/);
      const token = tokenOf(mail.link);
      const stored = await db.selectFrom('network_registration_token').select('token_hash').execute();
      assert.ok(stored.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)), 'only the hash is stored');
      // an account fills the only place meanwhile: the guest, confirming later, waits
      await register(db, ctx(), eventId, { kind: 'account', userId: users[5]! });
      assert.deepEqual(await confirmGuest(db, ctx(), token), { ok: true, eventId, status: 'waiting' });
      assert.deepEqual(await confirmGuest(db, ctx(), token), { ok: true, eventId, status: 'waiting' }, 'a second click changes nothing');
      const waitingMail = await lastMailTo(db, 'gjest.en@example.no');
      assert.match(waitingMail.subject, /venteliste/);
      // the account cancels: the guest gets the place and a mail with a link to cancel
      const accountRow = await db.selectFrom('network_registration').select('id').where('event_id', '=', eventId).where('user_id', '=', users[5]!).executeTakeFirstOrThrow();
      await cancel(db, ctx(), accountRow.id, users[5]!);
      const placeMail = await lastMailTo(db, 'gjest.en@example.no');
      assert.match(placeMail.subject, /Du har fått plass/);
      const cancelToken = tokenOf(placeMail.body.match(/https?:\/\/\S+avmeld\/\S+/)![0]);
      assert.deepEqual(await cancelByToken(db, ctx(), cancelToken), { ok: true, eventId, status: 'cancelled' });
      const guestRows = await db.selectFrom('network_registration').select('id').where('guest_email', '=', 'gjest.en@example.no').execute();
      assert.equal(guestRows.length, 0, "a guest's registration is deleted when they cancel");
      assert.deepEqual(await checkGuestToken(db, cancelToken, 'cancel', new Date()), { ok: false, reason: 'unknown' });
    });

    test('past the deadline nobody new gets in, but someone with a place may still correct their needs', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { registrationDeadline: new Date(Date.now() + DAY) });
      await register(db, ctx(), eventId, { kind: 'account', userId: users[7]! });
      const later = ctx(new Date(Date.now() + 2 * DAY));
      const needs = { dietary: 'Nøttefri', accessibility: '', interpretation: '', other: '' };
      assert.equal((await register(db, later, eventId, { kind: 'account', userId: users[7]! }, needs)).ok, true);
      assert.deepEqual(await register(db, later, eventId, { kind: 'account', userId: users[8]! }), { ok: false, reason: 'deadline' });
      const row = await db.selectFrom('network_registration').select('needs_dietary').where('event_id', '=', eventId).where('user_id', '=', users[7]!).executeTakeFirstOrThrow();
      assert.equal(row.needs_dietary, 'Nøttefri');
    });

    test('housekeeping removes unconfirmed guests once their link has expired and guests a year after the event, and keeps accounts', async () => {
      const db = database.db;
      const soon = await anEvent(db);
      await register(db, ctx(), soon, { kind: 'guest', name: 'Aldri Bekreftet', email: 'aldri@example.no' });
      const old = await anEvent(db, { daysAhead: -400 });
      const { newId } = await import('../../../src/platform/ids.ts');
      await db.insertInto('network_registration').values([
        { id: newId(), event_id: old, guest_email: 'gammel@example.no', guest_name: 'Gammel Gjest', status: 'registered' },
        { id: newId(), event_id: old, user_id: users[9]!, status: 'registered' },
      ]).execute();
      await pruneRegistrations(db, new Date());
      assert.deepEqual(await statuses(db, soon), { unconfirmed: 1 }, 'the link still works');
      await pruneRegistrations(db, new Date(Date.now() + 2 * DAY));
      assert.deepEqual(await statuses(db, soon), {});
      assert.deepEqual(await statuses(db, old), { registered: 1 });
    });

    test('an expired confirmation link gives no place', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { daysAhead: 10 });
      await register(db, ctx(), eventId, { kind: 'guest', name: 'Gjest To', email: 'gjest.to@example.no' });
      const token = tokenOf((await lastMailTo(db, 'gjest.to@example.no')).link);
      const later = new Date(Date.now() + 2 * DAY);
      assert.deepEqual(await confirmGuest(db, ctx(later), token), { ok: false, reason: 'expired' });
      assert.deepEqual(await statuses(db, eventId), { unconfirmed: 1 });
      assert.deepEqual(await confirmGuest(db, ctx(), 'not-a-real-token-at-all-xyz'), { ok: false, reason: 'unknown' });
    });

    test('a guest who signs up twice is not told apart from a new one, and gets no second place', async () => {
      const db = database.db;
      const eventId = await anEvent(db);
      await register(db, ctx(), eventId, { kind: 'guest', name: 'Gjest Tre', email: 'gjest.tre@example.no' });
      await confirmGuest(db, ctx(), tokenOf((await lastMailTo(db, 'gjest.tre@example.no')).link));
      assert.deepEqual(await register(db, ctx(), eventId, { kind: 'guest', name: 'Gjest Tre', email: 'gjest.tre@example.no' }), { ok: true, kind: 'guest' });
      assert.match((await lastMailTo(db, 'gjest.tre@example.no')).subject, /allerede påmeldt/);
      assert.deepEqual(await statuses(db, eventId), { registered: 1 });
    });

    test('guest sign-ups mail at most the recipient limit; a refused one leaves nothing behind', async () => {
      const db = database.db;
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await register(db, ctx(), await anEvent(db), { kind: 'guest', name: 'Gjest Fire', email: 'gjest.fire@example.no' }));
      assert.equal(results.filter((r) => r.ok).length, 5);
      assert.equal(results[5]!.ok ? null : results[5]!.reason, 'mail_limit');
      const rows = await db.selectFrom('network_registration').select('id').where('guest_email', '=', 'gjest.fire@example.no').execute();
      assert.equal(rows.length, 5);
    });
  });
}
