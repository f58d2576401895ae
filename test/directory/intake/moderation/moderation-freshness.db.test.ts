import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../../../src/directory/index.ts';
import { cutoff, freshnessOf, osloToday, sendFreshnessReminders } from '../../../../src/directory/freshness.ts';
import { runDueJobs } from '../../../../src/platform/jobs.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../../accounts/client.ts';
import { aService, anOrganization, store } from '../../factories.ts';

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
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Ferskhet helse' });
    const fresh = aService(org, { name: 'Korverksted fersk', description: 'Kor for alle.', assuredDate: monthsAgo(1) });
    // fresh and stale differ only in freshness: same text (one word of the name), so their text rank
    // ties and name order alone would put the stale one ('eldre' < 'fersk') first
    const stale = aService(org, { name: 'Korverksted eldre', description: 'Kor for alle.', assuredDate: monthsAgo(13) });
    const hidden = aService(org, { name: 'Korverksted glemt', description: 'Kor for alle.', assuredDate: monthsAgo(19) });
    const eleven = aService(org, { name: 'Elleve måneder', assuredDate: monthsAgo(11, 3) });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [fresh, stale, hidden, eleven]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'eier@example.no', editorOf: [org.id] });
    });

    test('the finder hides entries unconfirmed for 18 months, marks those past 12, and ranks them lower', async () => {
      const result = await searchServices(database.db, query('korverksted'));
      assert.deepEqual(result.hits.map((h) => [h.name, h.stale]), [['Korverksted fersk', false], ['Korverksted eldre', true]]);
      // without search words: fresh entries first, then by name
      const all = (await searchServices(database.db, query())).hits.map((h) => h.name);
      assert.deepEqual(all, ['Elleve måneder', 'Korverksted fersk', 'Korverksted eldre']);
      const page = await new Visitor(app).get('/tilbud?q=korverksted');
      assert.match(page.$('.hit').eq(1).text(), /Ikke bekreftet siste år/);
      assert.doesNotMatch(page.$('.hit').eq(0).text(), /Ikke bekreftet siste år/);
      assert.equal((await new Visitor(app).get(`/tilbud/${hidden.id}`)).status, 404);
      assert.equal((await app.inject({ method: 'GET', url: `/api/v1/services/${hidden.id}` })).statusCode, 404);
    });

    // each test below makes its own organisation, entries and editor: none relies on what an earlier test did
    test('the editor still sees the hidden entry on their own page, and confirming brings it back', async () => {
      const own = anOrganization({ name: 'Glemt helse' });
      const forgotten = aService(own, { name: 'Sangverksted glemt', description: 'Sang for alle.', assuredDate: monthsAgo(19) });
      await store(database.db, [own], [forgotten]);
      await anAccount(database.db, { email: 'glemt-eier@example.no', editorOf: [own.id] });
      assert.equal((await searchServices(database.db, query('sangverksted'))).total, 0);
      const editor = new Visitor(app, '10.6.0.1');
      await editor.signIn('glemt-eier@example.no', PASSWORD);
      const mine = await editor.get('/mine-tilbud');
      assert.match(mine.$('main').text(), /Sangverksted glemt/);
      assert.match(mine.$('main').text(), /Skjult i søket/);
      // its public page answers 404 while it is hidden, so its name is not a link to it
      assert.equal(mine.$(`main a[href="/tilbud/${forgotten.id}"]`).length, 0);
      await editor.post(`/mine-tilbud/tilbud/${forgotten.id}/bekreft`, {});
      assert.equal((await new Visitor(app).get(`/tilbud/${forgotten.id}`)).status, 200);
      assert.equal((await editor.get('/mine-tilbud')).$(`main a[href="/tilbud/${forgotten.id}"]`).length, 1, 'linked again once confirmed');
      assert.equal((await searchServices(database.db, query('sangverksted'))).total, 1);
    });

    const subjectsTo = async (address: string) => (await database.db.selectFrom('mail_outbox').select(['subject', 'body']).where('to_address', '=', address).execute());

    test('reminders go out at 11 and 12 months, once per stage and confirmation, however often the job runs', async () => {
      const own = anOrganization({ name: 'Påminnelse helse' });
      await store(database.db, [own], [
        aService(own, { name: 'Påminnelse elleve', assuredDate: monthsAgo(11, 3) }),
        aService(own, { name: 'Påminnelse tretten', assuredDate: monthsAgo(13) }),
        aService(own, { name: 'Påminnelse fersk', assuredDate: monthsAgo(1) }),
      ]);
      await anAccount(database.db, { email: 'paminnelse@example.no', editorOf: [own.id] });
      const sent = await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' });
      // eleven (stage 11) and thirteen (stage 12 only); the fresh one gets none
      assert.ok(sent >= 2, `sent ${sent}`);
      const mails = await subjectsTo('paminnelse@example.no');
      assert.deepEqual(mails.map((m) => m.subject).sort(), ['Stemmer opplysningene om «Påminnelse elleve»?', 'Stemmer opplysningene om «Påminnelse tretten»?']);
      assert.ok(mails.every((m) => m.body.includes('https://samklang.test/mine-tilbud')));
      assert.equal(await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' }), 0, 'nothing twice');
      assert.equal((await subjectsTo('paminnelse@example.no')).length, 2);
    });

    test('an entry with no editor waits for one: the reminder goes out once someone becomes its editor', async () => {
      const orphan = anOrganization({ name: 'Uten redaktør' });
      await store(database.db, [orphan], [aService(orphan, { name: 'Foreldreløst kor', assuredDate: monthsAgo(13) })]);
      await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' });
      const { rows } = await sql<{ n: number }>`select count(*) as n from mail_outbox where subject like ${'%Foreldreløst kor%'}`.execute(database.db);
      assert.equal(rows[0]!.n, 0, 'no mail while nobody edits it');
      await anAccount(database.db, { email: 'ny-eier@example.no', editorOf: [orphan.id] });
      assert.ok(await sendFreshnessReminders(database.db, { publicUrl: 'https://samklang.test' }) >= 1);
      assert.deepEqual((await subjectsTo('ny-eier@example.no')).map((m) => m.subject), ['Stemmer opplysningene om «Foreldreløst kor»?']);
    });

    test('the job queue runs a due job once even when two workers poll at the same time, and keeps the next run in the database', async () => {
      let runs = 0;
      const job = { kind: 'test:count', run: async () => { runs++; await new Promise((r) => setTimeout(r, 50)); }, next: () => new Date(Date.now() + 3_600_000) };
      const [a, b] = await Promise.all([runDueJobs(database.db, [job]), runDueJobs(database.db, [job])]);
      assert.equal(runs, 1);
      assert.deepEqual([...a, ...b], ['test:count']);
      assert.deepEqual(await runDueJobs(database.db, [job]), [], 'not due again yet');
      const { rows } = await sql<{ pending: number; done: number }>`select count(*) filter (where done_at is null) as pending, count(*) filter (where done_at is not null) as done from job where kind = 'test:count'`.execute(database.db);
      assert.deepEqual(rows[0], { pending: 1, done: 1 });
    });

    test('a job that fails keeps its lease and is retried later, not in a tight loop', async () => {
      let tries = 0;
      const job = { kind: 'test:fail', run: async () => { tries++; throw new Error('boom'); }, next: () => new Date() };
      assert.deepEqual(await runDueJobs(database.db, [job]), []);
      assert.deepEqual(await runDueJobs(database.db, [job]), []);
      assert.equal(tries, 1);
      const { rows } = await sql<{ last_error: string }>`select last_error from job where kind = 'test:fail' and done_at is null`.execute(database.db);
      assert.equal(rows[0]!.last_error, 'boom');
    });
  });
}
