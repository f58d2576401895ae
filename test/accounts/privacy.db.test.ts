import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo, pathOf } from './client.ts';

const NEW_PLAN = { virksomhet: 'Fjordby kommune', tjenestested: 'kommune', kommune: '1804', niva: 'oppfolging' };
// a password the strength check accepts however strict it gets
const STRONG = 'Kvernhus-Lyngbakke-93-tåkelur';

/**
 * Deleting an account takes the person's plans and memberships with it, and nothing keyed by their
 * email comes back for whoever registers the same address later; the data download holds every
 * kind of record Samklang keeps about the account.
 */
for (const backend of backends()) {
  describe(`account deletion and data download on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const as = async (email: string, password = PASSWORD) => {
      const visitor = new Visitor(app, `10.0.7.${ip++}`);
      const page = await visitor.signIn(email, password);
      assert.equal(page.status, 303, `sign-in of ${email}`);
      return visitor;
    };
    const newPlan = async (visitor: Visitor, tittel: string) => {
      await visitor.get('/planlegger/ny');
      const created = await visitor.post('/planlegger/ny', { ...NEW_PLAN, tittel });
      assert.equal(created.status, 303);
      return created.location!;
    };
    const invite = async (visitor: Visitor, planUrl: string, epost: string, rolle: 'editor' | 'viewer') => {
      await visitor.get(`${planUrl}/deling`);
      assert.equal((await visitor.post(`${planUrl}/deling`, { epost, rolle })).status, 303);
    };
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(database.db)).rows[0]!.n);
    /** Registers through the pages and follows the link in the verification mail, as a person would. */
    const register = async (email: string) => {
      const visitor = new Visitor(app, `10.0.8.${ip++}`);
      await visitor.get('/registrer');
      assert.equal((await visitor.post('/registrer', { name: 'Ny person', email, password: STRONG })).status, 200);
      const link = pathOf((await lastMailTo(database.db, email)).link!);
      await visitor.get(link);
      assert.equal((await visitor.post(link, { password: STRONG })).status, 200);
      return as(email, STRONG);
    };
    const deleteAccount = async (visitor: Visitor, email: string) => {
      await visitor.get('/konto/slett');
      assert.equal((await visitor.post('/konto/slett', { bekreft: email })).status, 200);
    };

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));

    test('deleting an account: its own plans go, shared plans stay without it, and the same email registered again sees none of them', async () => {
      const aliceId = await anAccount(database.db, { email: 'alice@fjordby.no', name: 'Alice' });
      await anAccount(database.db, { email: 'bjorn@fjordby.no' });
      await anAccount(database.db, { email: 'cecilie@fjordby.no' });
      const alice = await as('alice@fjordby.no');
      const bjorn = await as('bjorn@fjordby.no');
      const cecilie = await as('cecilie@fjordby.no');

      const alone = await newPlan(alice, 'Alices egen plan');
      const shared = await newPlan(alice, 'Felles plan');
      await invite(alice, shared, 'cecilie@fjordby.no', 'viewer');
      await invite(alice, shared, 'bjorn@fjordby.no', 'editor');
      const bjornsPlan = await newPlan(bjorn, 'Bjørns plan');
      await invite(bjorn, bjornsPlan, 'alice@fjordby.no', 'editor');
      // an invitation to an address nobody has registered yet waits for that address
      await invite(alice, shared, 'kommer-senere@fjordby.no', 'viewer');
      assert.equal((await alice.get(bjornsPlan)).status, 200);

      // the confirm page says, before anything happens, what becomes of each plan
      const confirm = await alice.get('/konto/slett');
      const plans = confirm.$('#planer-som-berores');
      assert.equal(plans.length, 1, 'the confirm page lists the plans affected');
      const text = plans.text().replace(/\s+/g, ' ');
      assert.match(text, /Alices egen plan[^.]*slettes/);
      assert.match(text, /Felles plan[^.]*bjorn@fjordby\.no[^.]*eier/);
      assert.match(text, /Bjørns plan[^.]*fjernes/);

      await deleteAccount(alice, 'alice@fjordby.no');
      assert.equal(await count(sql`select count(*) as n from establishment_plan where title = 'Alices egen plan'`), 0, 'the plan she alone had is deleted');
      assert.equal(await count(sql`select count(*) as n from establishment_plan_member where user_id = ${aliceId}`), 0);

      // the shared plan lives on: Bjørn owns it now, Cecilie still reads it, and Alice is not on it
      const members = await bjorn.get(`${shared}/deling`);
      assert.equal(members.status, 200);
      assert.match(members.$('table').text(), /bjorn@fjordby\.no\s*Eier/);
      assert.match(members.$('table').text(), /cecilie@fjordby\.no/);
      assert.doesNotMatch(members.$('table').text(), /alice@/);
      assert.equal((await cecilie.get(shared)).status, 200);
      assert.equal((await bjorn.get(bjornsPlan)).status, 200);
      assert.doesNotMatch((await bjorn.get(`${bjornsPlan}/deling`)).$('table').text(), /alice@/);

      // someone registers alice@ again: no plan of the old account, by list or by URL
      const again = await register('alice@fjordby.no');
      assert.doesNotMatch((await again.get('/planlegger')).$('main').text(), /Alices egen plan|Felles plan|Bjørns plan/);
      for (const url of [alone, shared, bjornsPlan]) assert.equal((await again.get(url)).status, 404, url);

      // the invitation to an address without an account is kept and taken up by that address
      const later = await register('kommer-senere@fjordby.no');
      assert.equal((await later.get(shared)).status, 200);
      assert.match((await later.get('/planlegger')).$('main').text(), /Felles plan/);
    });

    test('an invitation binds to the first account that takes it up; after that account is deleted, a new account with the address gets nothing', async () => {
      await anAccount(database.db, { email: 'eier2@fjordby.no' });
      const owner = await as('eier2@fjordby.no');
      const plan = await newPlan(owner, 'Plan med invitasjon');
      await invite(owner, plan, 'vikar@fjordby.no', 'editor');
      const first = await register('vikar@fjordby.no');
      assert.equal((await first.get(plan)).status, 200);
      await deleteAccount(first, 'vikar@fjordby.no');
      const second = await register('vikar@fjordby.no');
      assert.equal((await second.get(plan)).status, 404);
      assert.doesNotMatch((await owner.get(`${plan}/deling`)).$('table').text(), /vikar@/);
    });

    test('an account deleted before it took up an invitation leaves no invitation behind for the next account with that address', async () => {
      await anAccount(database.db, { email: 'eier3@fjordby.no' });
      const owner = await as('eier3@fjordby.no');
      const plan = await newPlan(owner, 'Plan for sommervikar');
      await invite(owner, plan, 'sommer@fjordby.no', 'editor');
      await anAccount(database.db, { email: 'sommer@fjordby.no' });
      // this account never opens the planner, then deletes itself
      await deleteAccount(await as('sommer@fjordby.no'), 'sommer@fjordby.no');
      assert.equal(await count(sql`select count(*) as n from establishment_plan_invitation where email = 'sommer@fjordby.no'`), 0);
      const next = await register('sommer@fjordby.no');
      assert.equal((await next.get(plan)).status, 404);
    });

    test('an unverified account cannot take up an invitation to its address', async () => {
      await anAccount(database.db, { email: 'eier4@fjordby.no' });
      const owner = await as('eier4@fjordby.no');
      const plan = await newPlan(owner, 'Plan for ubekreftet');
      await anAccount(database.db, { email: 'ubekreftet@fjordby.no', verified: false });
      await invite(owner, plan, 'ubekreftet@fjordby.no', 'editor');
      assert.equal(await count(sql`select count(*) as n from establishment_plan_member m join app_user u on u.id = m.user_id where u.email = 'ubekreftet@fjordby.no'`), 0);
      assert.equal(await count(sql`select count(*) as n from establishment_plan_invitation where email = 'ubekreftet@fjordby.no'`), 1);
    });

    test('a moderator who edited and reviewed the handbook: the download lists it, and deletion takes the name out of its history', async () => {
      const ritaId = await anAccount(database.db, { email: 'rita@nettverket.no', name: 'Rita Redaktør', admin: true });
      await anAccount(database.db, { email: 'other-admin@nettverket.no', admin: true });
      const rita = await as('rita@nettverket.no');
      const form = await rita.get('/veileder/forankring/rediger');
      const values = { title: form.$('#title').val() as string, summary: form.$('#summary').text(), sources: form.$('#sources').text(), body: `${form.$('#body').text()}\n\nEt nytt avsnitt.`, note: 'La til et avsnitt' };
      assert.equal((await rita.post('/veileder/forankring/rediger', { ...values, handling: 'lagre' })).status, 303);
      await rita.get('/veileder/forankring');
      assert.equal((await rita.post('/veileder/forankring/gjennomgatt', {})).status, 303);
      const data = JSON.parse((await rita.get('/konto/mine-data.json')).body) as { handbookRevisions: { note: string }[]; handbookReviews: { slug: string }[] };
      assert.ok(data.handbookRevisions.some((r) => r.note === 'La til et avsnitt'));
      assert.ok(data.handbookReviews.some((r) => r.slug === 'forankring'));

      await deleteAccount(rita, 'rita@nettverket.no');
      const history = await (await as('other-admin@nettverket.no')).get('/veileder/forankring/historikk');
      assert.doesNotMatch(history.$('main').text(), /Rita/);
      assert.match(history.$('tbody tr').first().text(), /en konto som er slettet.*La til et avsnitt/s);
      assert.equal(await count(sql`select count(*) as n from handbook_section where reviewed_by like '%Rita%' or reviewed_by_id = ${ritaId}`), 0);
    });

    test('the data download holds every kind of record about the account', async () => {
      const organization = anOrganization({ name: 'Nedlasting AS' });
      const service = aService(organization, { name: 'Nedlastingstilbud' });
      await store(database.db, [organization], [service]);
      const id = await anAccount(database.db, { email: 'dora@fjordby.no', name: 'Dora', editorOf: [organization.id] });
      await anAccount(database.db, { email: 'eva@fjordby.no' });
      const dora = await as('dora@fjordby.no');
      const eva = await as('eva@fjordby.no');
      const own = await newPlan(dora, 'Doras plan');
      await invite(dora, own, 'eva@fjordby.no', 'viewer');
      const evasPlan = await newPlan(eva, 'Evas plan');
      await invite(eva, evasPlan, 'dora@fjordby.no', 'editor');
      await dora.get(evasPlan);
      const page = await dora.get(`${own}/sjekkliste`);
      const item = page.$('fieldset.checklist-item').first().attr('id')!;
      // every item's status as the form sends it (the open ones are checked already)
      const statuses = Object.fromEntries(page.$('main input[type=radio][checked]').map((_, el) => [[page.$(el).attr('name')!, String(page.$(el).val())]]).get());
      assert.equal((await dora.post(`${own}/sjekkliste`, { ...statuses, [`${item}-status`]: 'done', [`${item}-ansvarlig`]: 'Dora' })).status, 303);

      const runId = randomUUID();
      await sql`insert into change_request (id, service_id, organization_id, is_new, proposed, status, created_by) values (${randomUUID()}, ${service.id}, ${organization.id}, false, '{}', 'draft', ${id})`.execute(database.db);
      await sql`insert into organization_claim (id, organization_id, user_id, note, status) values (${randomUUID()}, ${organization.id}, ${id}, 'Jeg jobber her', 'pending')`.execute(database.db);
      await sql`insert into import_run (id, created_by, channel, source, size_bytes, status, report) values (${runId}, ${id}, 'page', 'tilbud.csv', 10, 'checked', '{}')`.execute(database.db);
      await sql`insert into error_report (id, service_id, message, reporter_email) values (${randomUUID()}, ${service.id}, 'Feil telefonnummer', 'Dora@fjordby.no')`.execute(database.db);
      await sql`insert into audit_log (id, resource_id, resource_type, last_action_type, field_name, previous_value, replacement_value, updated_by) values (${randomUUID()}, ${service.id}, 'service', 'update', 'name', 'a', 'b', ${id})`.execute(database.db);
      await sql`insert into audit_log (id, resource_id, resource_type, last_action_type, field_name, previous_value, replacement_value, updated_by) values (${randomUUID()}, ${organization.id}, 'organization_editor', 'claim', 'user_id', '', ${id}, 'system')`.execute(database.db);

      const download = await dora.get('/konto/mine-data.json');
      assert.equal(download.status, 200);
      assert.match(String(download.headers['content-disposition']), /attachment/);
      const data = JSON.parse(download.body) as Record<string, unknown[]> & { user: { email: string } };
      assert.equal(data.user.email, 'dora@fjordby.no');
      assert.doesNotMatch(download.body, /argon2|password_hash|id_hash|token_hash/, 'no secrets in the download');
      const kinds: [string, (rows: any[]) => boolean][] = [
        ['editorOf', (rows) => rows.some((r) => r.organization_name === 'Nedlasting AS')],
        ['sessions', (rows) => rows.length >= 1],
        ['tokens', (rows) => Array.isArray(rows)],
        ['auditEntries', (rows) => rows.some((r) => r.field_name === 'name')],
        ['auditEntriesAboutYou', (rows) => rows.some((r) => r.resource_type === 'organization_editor')],
        ['mails', (rows) => rows.some((r) => /Evas plan/.test(r.subject))],
        ['changeRequests', (rows) => rows.length === 1],
        ['organizationClaims', (rows) => rows.some((r) => r.note === 'Jeg jobber her')],
        ['imports', (rows) => rows.some((r) => r.id === runId && r.source === 'tilbud.csv')],
        ['errorReports', (rows) => rows.some((r) => r.message === 'Feil telefonnummer')],
        ['plans', (rows) => rows.some((r) => r.title === 'Doras plan' && r.role === 'owner' && r.items.some((i: any) => i.owner === 'Dora'))
          && rows.some((r) => r.title === 'Evas plan' && r.role === 'editor')],
        ['planInvitationsSent', (rows) => Array.isArray(rows)],
      ];
      for (const [kind, check] of kinds) {
        assert.ok(Array.isArray(data[kind]), `the download has ${kind}`);
        assert.ok(check(data[kind]!), `${kind} holds the account's records: ${JSON.stringify(data[kind])}`);
      }

      // after deletion no column of any table holds the account's id, address or the address's hash,
      // except the append-only audit log, whose entries keep the id as a pseudonym
      await deleteAccount(dora, 'dora@fjordby.no');
      const needles = [id, 'dora@fjordby.no', createHash('sha256').update('dora@fjordby.no').digest('hex')];
      const { rows: columns } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'uuid', 'jsonb', 'character varying') and table_name not like 'kysely_%' and table_name <> 'audit_log'`.execute(database.db);
      const left: string[] = [];
      for (const { table_name, column_name } of columns) {
        const column = sql.ref(`${table_name}.${column_name}`);
        const found = await count(sql`select count(*) as n from ${sql.table(table_name)} where ${sql.join(needles.map((needle) => sql`lower(${column}::text) like ${`%${needle}%`}`), sql` or `)}`);
        if (found > 0) left.push(`${table_name}.${column_name}`);
      }
      assert.deepEqual(left, [], 'nothing about the deleted account is left');
      // her plan was shared with a reader, who owns it now
      assert.equal(await count(sql`select count(*) as n from establishment_plan p join establishment_plan_member m on m.plan_id = p.id join app_user u on u.id = m.user_id
        where p.title = 'Doras plan' and m.role = 'owner' and u.email = 'eva@fjordby.no'`), 1);
      assert.equal(await count(sql`select count(*) as n from error_report where message = 'Feil telefonnummer' and reporter_email is null`), 1, 'the report stays, without the address');
    });
  });
}
