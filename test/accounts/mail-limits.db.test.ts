import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { queueRequestedMail } from '../../src/platform/mail/outbox.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from './client.ts';

const NEW_PLAN = { tittel: 'Musikk i rusomsorgen', virksomhet: 'Fjordby kommune', tjenestested: 'kommune', kommune: '1804', niva: 'oppfolging' };

for (const backend of backends()) {
  describe(`mail rate limits on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const visitor = () => new Visitor(app, `10.0.7.${ip++}`);
    const mailsTo = async (address: string) => Number((await database.db.selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n')).where(sql`lower(to_address)`, '=', address).executeTakeFirstOrThrow()).n);
    const signedIn = async (email: string) => {
      await anAccount(database.db, { email });
      const v = visitor();
      assert.equal((await v.signIn(email, PASSWORD)).status, 303);
      return v;
    };
    const newPlan = async (owner: Visitor) => {
      await owner.get('/planlegger/ny');
      const created = await owner.post('/planlegger/ny', NEW_PLAN);
      assert.equal(created.status, 303);
      return created.location!;
    };

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));

    test('verification mail: one per 15 minutes per account however often sign-in is tried, and the page says a link was sent', async () => {
      await anAccount(database.db, { email: 'uverifisert@example.no', verified: false });
      const v = visitor();
      const first = await v.signIn('uverifisert@example.no', PASSWORD);
      assert.equal(first.status, 403);
      assert.match(first.$('main').text(), /sendt deg en ny lenke/);
      for (let i = 0; i < 5; i++) {
        const again = await v.signIn('uverifisert@example.no', PASSWORD);
        assert.equal(again.status, 403);
        assert.match(again.$('main').text(), /nylig sendt deg en lenke.*om 15 minutter/s);
      }
      assert.equal(await mailsTo('uverifisert@example.no'), 1);
      // once the window has passed (the link was issued 16 minutes ago), a new link goes out
      await sql`update user_token set created_at = created_at - interval '16 minutes'`.execute(database.db);
      assert.equal((await v.signIn('uverifisert@example.no', PASSWORD)).status, 403);
      assert.equal(await mailsTo('uverifisert@example.no'), 2);
    });

    test('an invitation is mailed once: changing the role sends no new mail', async () => {
      const owner = await signedIn('eier1@fjordby.kommune.no');
      const plan = await newPlan(owner);
      await owner.get(`${plan}/deling`);
      for (const rolle of ['editor', 'viewer', 'editor', 'viewer']) {
        assert.equal((await owner.post(`${plan}/deling`, { epost: 'kollega1@fjordby.kommune.no', rolle })).status, 303);
      }
      assert.equal(await mailsTo('kollega1@fjordby.kommune.no'), 1);
      assert.match((await owner.get(`${plan}/deling`)).$('table').text(), /kollega1@fjordby\.kommune\.no.*Kan lese/s);
    });

    test('one invitation per request: 25 addresses in one request are refused with a Norwegian message and no mail', async () => {
      const owner = await signedIn('eier2@fjordby.kommune.no');
      const plan = await newPlan(owner);
      await owner.get(`${plan}/deling`);
      const addresses = Array.from({ length: 25 }, (_, i) => `mottaker${i}@example.no`);
      for (const epost of [addresses, addresses.join(','), addresses.join('; ')]) {
        const page = await owner.post(`${plan}/deling`, { epost, rolle: 'editor' });
        assert.equal(page.status, 400);
        assert.match(page.$('#epost-error').text(), /én person om gangen/);
        assert.equal(page.$('.ds-error-summary a[href="#epost"]').length, 1);
        assert.match(String(page.$('#epost').val()), /mottaker0@example\.no/, 'what was typed comes back');
      }
      for (const address of addresses) assert.equal(await mailsTo(address), 0);
    });

    test('per recipient: inviting, removing and inviting one address again stops after 5 mails in an hour', async () => {
      const owner = await signedIn('eier3@fjordby.kommune.no');
      const plan = await newPlan(owner);
      await owner.get(`${plan}/deling`);
      for (let i = 0; i < 5; i++) {
        assert.equal((await owner.post(`${plan}/deling`, { epost: 'offer@example.no', rolle: 'editor' })).status, 303);
        await owner.get(`${plan}/deling`);
        assert.equal((await owner.post(`${plan}/deling/fjern`, { epost: 'offer@example.no' })).status, 303);
        await owner.get(`${plan}/deling`);
      }
      const refused = await owner.post(`${plan}/deling`, { epost: 'offer@example.no', rolle: 'editor' });
      assert.equal(refused.status, 429);
      assert.match(refused.$('#epost-error').text(), /mange e-poster.*Prøv igjen om/);
      assert.equal(refused.$('#epost').val(), 'offer@example.no');
      assert.equal(await mailsTo('offer@example.no'), 5);
      assert.doesNotMatch((await owner.get(`${plan}/deling`)).$('table').text(), /offer@example\.no/, 'no one is added without the mail');
      // another account cannot mail the address either: the limit is the recipient's
      const other = await signedIn('eier4@fjordby.kommune.no');
      const otherPlan = await newPlan(other);
      await other.get(`${otherPlan}/deling`);
      assert.equal((await other.post(`${otherPlan}/deling`, { epost: 'OFFER@example.no', rolle: 'viewer' })).status, 429);
      assert.equal(await mailsTo('offer@example.no'), 5);
    });

    test('per sending account: 20 invitation mails an hour, then a Norwegian refusal', async () => {
      const owner = await signedIn('eier5@fjordby.kommune.no');
      const plan = await newPlan(owner);
      await owner.get(`${plan}/deling`);
      for (let i = 0; i < 20; i++) {
        assert.equal((await owner.post(`${plan}/deling`, { epost: `kollega${i}@example.no`, rolle: 'viewer' })).status, 303, `invitation ${i}`);
      }
      const refused = await owner.post(`${plan}/deling`, { epost: 'nummer21@example.no', rolle: 'viewer' });
      assert.equal(refused.status, 429);
      assert.match(refused.$('#epost-error').text(), /Du har sendt mange e-poster.*Prøv igjen om/);
      assert.equal(await mailsTo('nummer21@example.no'), 0);
      const sent = await database.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql`lower(to_address)`, 'like', 'kollega%@example.no').executeTakeFirstOrThrow();
      assert.equal(Number(sent.n), 20);
    });

    test('the limit holds under concurrency: 20 requests at once over several connections queue exactly 5 mails to one address', async () => {
      const attempts = await Promise.all(Array.from({ length: 20 }, () =>
        queueRequestedMail(database.db, 'samtidig@example.no', null, new Date(), async () => ({ subject: 'Samtidig', body: 'Hei' }))));
      assert.equal(attempts.filter((a) => a.queued).length, 5);
      assert.equal(await mailsTo('samtidig@example.no'), 5);
      const refused = attempts.find((a) => !a.queued);
      assert.ok(refused && !refused.queued && refused.limit === 'recipient' && refused.retryMinutes >= 59 && refused.retryMinutes <= 60);
    });

    test('per recipient also for mail anyone can cause: registering an existing address from many places mails its owner 5 times at most', async () => {
      await anAccount(database.db, { email: 'finnes@example.no' });
      for (let i = 0; i < 8; i++) {
        const v = visitor();
        await v.get('/registrer');
        const page = await v.post('/registrer', { name: '', email: 'finnes@example.no', password: 'et helt annet langt passord' });
        assert.equal(page.status, 200, 'the answer is the same whether or not a mail went out');
        assert.match(page.$('main').text(), /Sjekk e-posten/);
      }
      assert.equal(await mailsTo('finnes@example.no'), 5);
    });
  });
}
