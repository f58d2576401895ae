import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../src/directory/index.ts';
import { cutoff, freshnessOf, osloToday, sendFreshnessReminders } from '../../src/directory/freshness.ts';
import { accountsDb, runDueJobs } from '../../src/accounts/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../accounts/client.ts';
import { aService, anOrganization, store } from './factories.ts';

const today = osloToday();
const monthsAgo = (n: number, extraDays = 0) => {
  const d = new Date(`${cutoff(today, n)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
};
const query = (text = ''): SearchQuery => ({ text, place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 50 });

test('freshness: 12 months marks an entry, 18 months hides it (thresholds are settings)', () => {
  assert.equal(freshnessOf(monthsAgo(1)), 'fresh');
  assert.equal(freshnessOf(monthsAgo(12)), 'fresh', 'exactly 12 months is still within the year');
  assert.equal(freshnessOf(monthsAgo(12, 1)), 'stale');
  assert.equal(freshnessOf(monthsAgo(18, 1)), 'hidden');
  assert.equal(freshnessOf(monthsAgo(7), { staleMonths: 6, hiddenMonths: 9 }), 'stale');
  assert.equal(cutoff('2026-03-31', 1), '2026-02-28', 'month ends are clamped');
});

for (const backend of backends()) {
  describe(`freshness in the finder, reminders and the job queue on ${backend.name}`, { skip: backend.skip }, () => {
    let database: Database;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Ferskhet helse' });
    const fresh = aService(org, { name: 'Korverksted fersk', description: 'Kor for alle.', assuredDate: monthsAgo(1) });
    const stale = aService(org, { name: 'Korverksted gammel', description: 'Kor for alle.', assuredDate: monthsAgo(13) });
    const hidden = aService(org, { name: 'Korverksted glemt', description: 'Kor for alle.', assuredDate: monthsAgo(19) });
    const eleven = aService(org, { name: 'Elleve måneder', assuredDate: monthsAgo(11, 3) });

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [fresh, stale, hidden, eleven]);
      app = await testApp(database.db, { JOB_WORKER: 'off' });
      await anAccount(database.db, { email: 'eier@example.no', editorOf: [org.id] });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('the finder hides entries unconfirmed for 18 months, marks those past 12, and ranks them lower', async () => {
      const result = await searchServices(database.db, query('korverksted'));
      assert.deepEqual(result.hits.map((h) => [h.name, h.stale]), [['Korverksted fersk', false], ['Korverksted gammel', true]]);
      const page = await new Visitor(app).get('/tilbud?q=korverksted');
      assert.match(page.$('.hit').eq(1).text(), /Ikke bekreftet siste år/);
      assert.doesNotMatch(page.$('.hit').eq(0).text(), /Ikke bekreftet siste år/);
      assert.equal((await new Visitor(app).get(`/tilbud/${hidden.id}`)).status, 404);
      assert.equal((await app.inject({ method: 'GET', url: `/api/v1/services/${hidden.id}` })).statusCode, 404);
    });

    test('the editor still sees the hidden entry on their own page, and confirming brings it back', async () => {
      const editor = new Visitor(app, '10.6.0.1');
      await editor.signIn('eier@example.no', PASSWORD);
      const mine = await editor.get('/mine-tilbud');
      assert.match(mine.$('main').text(), /Korverksted glemt/);
      assert.match(mine.$('main').text(), /Skjult i søket/);
      await editor.post(`/mine-tilbud/tilbud/${hidden.id}/bekreft`, {});
      assert.equal((await new Visitor(app).get(`/tilbud/${hidden.id}`)).status, 200);
      assert.equal((await searchServices(database.db, query('korverksted'))).total, 3);
    });

    test('reminders go out at 11 and 12 months, once per stage and confirmation, however often the job runs', async () => {
      const sent = await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' });
      // eleven (stage 11) and stale (13 months: stage 12 only); fresh and just-confirmed get none
      assert.equal(sent, 2);
      const mails = await accountsDb(database.db).selectFrom('mail_outbox').select(['subject', 'body']).where('to_address', '=', 'eier@example.no').execute();
      assert.deepEqual(mails.map((m) => m.subject).sort(), ['Stemmer opplysningene om «Elleve måneder»?', 'Stemmer opplysningene om «Korverksted gammel»?']);
      assert.ok(mails.every((m) => m.body.includes('https://samklang.test/mine-tilbud')));
      assert.equal(await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' }), 0, 'nothing twice');
    });

    test('an entry with no editor waits for one: the reminder goes out once someone becomes its editor', async () => {
      const orphan = anOrganization({ name: 'Uten redaktør' });
      await store(database.db, [orphan], [aService(orphan, { name: 'Foreldreløst kor', assuredDate: monthsAgo(13) })]);
      assert.equal(await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' }), 0);
      await anAccount(database.db, { email: 'ny-eier@example.no', editorOf: [orphan.id] });
      assert.equal(await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' }), 1);
      const mails = await accountsDb(database.db).selectFrom('mail_outbox').select('subject').where('to_address', '=', 'ny-eier@example.no').execute();
      assert.deepEqual(mails.map((m) => m.subject), ['Stemmer opplysningene om «Foreldreløst kor»?']);
    });

    test('the job queue runs a due job once even when two workers poll at the same time, and keeps the next run in the database', async () => {
      let runs = 0;
      const job = { kind: 'test:count', run: async () => { runs++; await new Promise((r) => setTimeout(r, 50)); }, next: () => new Date(Date.now() + 3_600_000) };
      const [a, b] = await Promise.all([runDueJobs(accountsDb(database.db), [job]), runDueJobs(accountsDb(database.db), [job])]);
      assert.equal(runs, 1);
      assert.deepEqual([...a, ...b], ['test:count']);
      assert.deepEqual(await runDueJobs(accountsDb(database.db), [job]), [], 'not due again yet');
      const { rows } = await sql<{ pending: number; done: number }>`select count(*) filter (where done_at is null) as pending, count(*) filter (where done_at is not null) as done from job where kind = 'test:count'`.execute(database.db);
      assert.deepEqual(rows[0], { pending: 1, done: 1 });
    });

    test('a job that fails keeps its lease and is retried later, not in a tight loop', async () => {
      let tries = 0;
      const job = { kind: 'test:fail', run: async () => { tries++; throw new Error('boom'); }, next: () => new Date() };
      assert.deepEqual(await runDueJobs(accountsDb(database.db), [job]), []);
      assert.deepEqual(await runDueJobs(accountsDb(database.db), [job]), []);
      assert.equal(tries, 1);
      const { rows } = await sql<{ last_error: string }>`select last_error from job where kind = 'test:fail' and done_at is null`.execute(database.db);
      assert.equal(rows[0]!.last_error, 'boom');
    });
  });
}
