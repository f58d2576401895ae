import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { verifyPassword } from '../../src/accounts/passwords.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo, pathOf } from './client.ts';

const NEW_PASSWORD = 'blå båter i stille vann';

for (const backend of backends()) {
  describe(`account settings: name, email, password on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const browser = () => new Visitor(app, `10.0.9.${ip++}`);
    const signedIn = async (email: string, password = PASSWORD) => {
      const v = browser();
      assert.equal((await v.signIn(email, password)).status, 303, `sign-in of ${email}`);
      return v;
    };
    const account = (email: string) => database.db.selectFrom('app_user').select(['id', 'email', 'name', 'password_hash', 'email_verified_at'])
      .where(sql`lower(email)`, '=', email).executeTakeFirst();
    const mailCount = async (address: string) => Number((await database.db.selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n')).where(sql`lower(to_address)`, '=', address).executeTakeFirstOrThrow()).n);

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      for (const email of ['navn@example.no', 'passord@example.no', 'feil@example.no', 'flytter@example.no', 'opptatt@example.no', 'kapres@example.no', 'treg@example.no']) {
        await anAccount(database.db, { email, name: 'Gammelt Navn' });
      }
    });

    test('the account page links to every setting', async () => {
      const v = await signedIn('navn@example.no');
      const page = await v.get('/konto');
      for (const href of ['/konto/navn', '/konto/e-post', '/konto/passord', '/konto/innlogginger']) assert.equal(page.$(`main a[href="${href}"]`).length, 1, href);
    });

    test('change name: saved and shown; too long is refused beside the field with the text kept; the form needs its token', async () => {
      const v = await signedIn('navn@example.no');
      assert.equal((await v.get('/konto/navn')).$('#navn').val(), 'Gammelt Navn');
      const tooLong = 'x'.repeat(201);
      const refused = await v.post('/konto/navn', { navn: tooLong });
      assert.equal(refused.status, 400);
      assert.match(refused.$('title').text(), /^Feil:/);
      assert.match(refused.$('#navn-error').text(), /høyst 200 tegn/);
      assert.equal(refused.$('#navn').val(), tooLong);
      assert.equal(refused.$('.ds-error-summary a[href="#navn"]').length, 1);
      // a NUL, which a paste can bring along unseen and PostgreSQL cannot store, is dropped before the form reads the name
      // (the shared input guard, input-guard.ts): what is checked is the text the person sees
      const nul = await v.post('/konto/navn', { navn: 'x'.repeat(200) + '\u0000' });
      assert.equal(nul.status, 303, 'the 200 characters the person sees are saved');
      assert.equal((await account('navn@example.no'))!.name, 'x'.repeat(200));
      await v.get('/konto/navn');
      assert.equal((await v.post('/konto/navn', { navn: 'Gammelt Navn' })).status, 303);
      await v.get('/konto/navn');
      const control = await v.post('/konto/navn', { navn: 'Ny\u0001Navnesen' });
      assert.equal(control.status, 400, 'another control character is refused beside the field');
      assert.match(control.$('#navn-error').text(), /kontrolltegn/);
      assert.equal((await v.post('/konto/navn', { navn: 'Ny Navnesen' }, { csrf: null })).status, 403);
      assert.equal((await account('navn@example.no'))!.name, 'Gammelt Navn');
      const saved = await v.post('/konto/navn', { navn: '  Ny Navnesen ' });
      assert.equal(saved.status, 303);
      const page = await v.get(saved.location!);
      assert.match(page.$('main').text(), /Navnet er lagret/);
      assert.match(page.$('main dl').text(), /Ny Navnesen/);
      assert.equal((await account('navn@example.no'))!.name, 'Ny Navnesen');
    });

    test('change password: a wrong current password is refused and nothing changes', async () => {
      const v = await signedIn('feil@example.no');
      await v.get('/konto/passord');
      const before = (await account('feil@example.no'))!.password_hash;
      const wrong = await v.post('/konto/passord', { gjeldende: 'ikke mitt passord i det hele tatt', passord: NEW_PASSWORD });
      assert.equal(wrong.status, 400);
      assert.match(wrong.$('#gjeldende-error').text(), /nåværende passordet er feil/);
      assert.equal(wrong.$('.ds-error-summary a[href="#gjeldende"]').length, 1);
      assert.equal(wrong.$('#gjeldende').attr('value'), undefined, 'a password is never sent back');
      const empty = await v.post('/konto/passord', { gjeldende: '', passord: NEW_PASSWORD });
      assert.match(empty.$('#gjeldende-error').text(), /Skriv det nåværende/);
      assert.equal((await account('feil@example.no'))!.password_hash, before);
      assert.equal((await v.get('/konto')).status, 200, 'still signed in');
    });

    test('change password: guessing the current one is stopped after 5 tries in 15 minutes, even when the right one comes next', async () => {
      const v = await signedIn('treg@example.no');
      await v.get('/konto/passord');
      for (let i = 0; i < 5; i++) assert.equal((await v.post('/konto/passord', { gjeldende: `gjetning nummer ${i} her`, passord: NEW_PASSWORD })).status, 400);
      const blocked = await v.post('/konto/passord', { gjeldende: PASSWORD, passord: NEW_PASSWORD });
      assert.equal(blocked.status, 429);
      assert.match(blocked.$('#gjeldende-error').text(), /For mange forsøk/);
      assert.ok(await verifyPassword((await account('treg@example.no'))!.password_hash!, PASSWORD));
    });

    test('change password: the password rules apply to the new one', async () => {
      const v = await signedIn('feil@example.no');
      await v.get('/konto/passord');
      for (const [password, message] of [['kort', /minst 12 tegn/], ['password1234', /mest brukte/], ['aaaaaaaaaaaaaaa', /gjentar/]] as const) {
        const page = await v.post('/konto/passord', { gjeldende: PASSWORD, passord: password });
        assert.equal(page.status, 400, password);
        assert.match(page.$('#passord-error').text(), message);
      }
    });

    test('change password: with the current one it changes, every other session ends, this one goes on, and the owner is told by mail', async () => {
      const v = await signedIn('passord@example.no');
      const elsewhere = await signedIn('passord@example.no');
      await v.get('/konto/passord');
      const changed = await v.post('/konto/passord', { gjeldende: PASSWORD, passord: NEW_PASSWORD });
      assert.equal(changed.status, 303);
      const page = await v.get(changed.location!);
      assert.equal(page.status, 200, 'this browser stays signed in');
      assert.match(page.$('main').text(), /Passordet er endret/);
      assert.equal((await elsewhere.get('/konto')).status, 401, 'the other session ended');
      const row = (await account('passord@example.no'))!;
      assert.ok(await verifyPassword(row.password_hash!, NEW_PASSWORD));
      assert.equal(await verifyPassword(row.password_hash!, PASSWORD), false);
      assert.equal((await browser().signIn('passord@example.no', PASSWORD)).status, 401);
      assert.equal((await browser().signIn('passord@example.no', NEW_PASSWORD)).status, 303);
      assert.match((await lastMailTo(database.db, 'passord@example.no')).subject, /Passordet ditt i Samklang er endret/);
    });

    test('change email: needs the current password; a link goes to the new address, a notice to the old; nothing changes until the link is used', async () => {
      const v = await signedIn('flytter@example.no');
      await v.get('/konto/e-post');
      const wrong = await v.post('/konto/e-post', { epost: 'ny.adresse@example.no', gjeldende: 'ikke mitt passord i det hele tatt' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.$('#gjeldende-error').text(), /feil/);
      assert.equal(wrong.$('#epost').val(), 'ny.adresse@example.no', 'what was typed comes back');
      const invalid = await v.post('/konto/e-post', { epost: 'ikke en adresse', gjeldende: PASSWORD });
      assert.equal(invalid.status, 400);
      assert.match(invalid.$('#epost-error').text(), /gyldig e-postadresse/);
      assert.equal(invalid.$('#epost').val(), 'ikke en adresse');
      const nul = await v.post('/konto/e-post', { epost: 'ny.adresse\u0000@example.no', gjeldende: 'ikke det riktige' });
      assert.equal(nul.status, 400, 'refused for the wrong password, not a 500 for the NUL');
      assert.equal(nul.$('#epost').val(), 'ny.adresse@example.no', 'the address comes back as the person sees it');
      assert.equal(await mailCount('ny.adresse@example.no'), 0);

      const sent = await v.post('/konto/e-post', { epost: 'Ny.Adresse@example.no', gjeldende: PASSWORD });
      assert.equal(sent.status, 200);
      assert.match(sent.$('main').text(), /Sjekk e-posten/);
      const link = (await lastMailTo(database.db, 'ny.adresse@example.no')).link!;
      assert.match(link, /^https:\/\/samklang\.test\/konto\/ny-e-post\//);
      assert.match((await lastMailTo(database.db, 'flytter@example.no')).body, /ny\.adresse@example\.no/);
      // unverified, the new address has no effect: the account keeps the old one, and signs in with it only
      assert.ok(await account('flytter@example.no'));
      assert.equal(await account('ny.adresse@example.no'), undefined);
      assert.equal((await browser().signIn('ny.adresse@example.no', PASSWORD)).status, 401);
      assert.equal((await browser().signIn('flytter@example.no', PASSWORD)).status, 303);
      assert.match((await v.get('/konto')).$('main').text(), /Venter på bekreftelse: ny\.adresse@example\.no/);

      // opening the link shows a button (a link checker that follows it changes nothing)
      const confirm = await browser().get(pathOf(link));
      assert.equal(confirm.status, 200);
      assert.match(confirm.$('main').text(), /ny\.adresse@example\.no/);
      assert.equal(await account('ny.adresse@example.no'), undefined);
      const reader = browser();
      await reader.get(pathOf(link));
      const done = await reader.post(pathOf(link), {});
      assert.equal(done.status, 200);
      assert.match(done.$('h1').text(), /E-postadressen er endret/);
      const moved = (await account('ny.adresse@example.no'))!;
      assert.ok(moved.email_verified_at);
      assert.equal(await account('flytter@example.no'), undefined);
      assert.equal((await browser().signIn('ny.adresse@example.no', PASSWORD)).status, 303);
      assert.equal((await browser().signIn('flytter@example.no', PASSWORD)).status, 401);
      assert.equal((await reader.post(pathOf(link), {})).status, 410, 'single use');
    });

    test('change email: an address another account has is never given: no link is sent, and a link confirmed after it was taken is refused', async () => {
      const v = await signedIn('kapres@example.no');
      await v.get('/konto/e-post');
      const page = await v.post('/konto/e-post', { epost: 'opptatt@example.no', gjeldende: PASSWORD });
      assert.equal(page.status, 200, 'the same answer as for a free address: the form tells no one which addresses have accounts');
      assert.equal(await mailCount('opptatt@example.no'), 0);
      assert.ok(await account('kapres@example.no'));

      // a free address is asked for, then someone registers it before the link is used
      await v.get('/konto/e-post');
      await v.post('/konto/e-post', { epost: 'ledig@example.no', gjeldende: PASSWORD });
      const link = (await lastMailTo(database.db, 'ledig@example.no')).link!;
      await anAccount(database.db, { email: 'ledig@example.no' });
      const reader = browser();
      await reader.get(pathOf(link));
      const refused = await reader.post(pathOf(link), {});
      assert.equal(refused.status, 409);
      assert.match(refused.$('main').text(), /hører nå til en annen konto/);
      assert.ok(await account('kapres@example.no'), 'the old address stays');
    });

    test('change email: choosing a new password (as the notice to the old address advises) cancels a pending change', async () => {
      await anAccount(database.db, { email: 'offer@example.no' });
      const thief = await signedIn('offer@example.no');
      await thief.get('/konto/e-post');
      assert.equal((await thief.post('/konto/e-post', { epost: 'tyv@example.no', gjeldende: PASSWORD })).status, 200);
      const link = (await lastMailTo(database.db, 'tyv@example.no')).link!;
      assert.match((await lastMailTo(database.db, 'offer@example.no')).body, /tyv@example\.no.*velge et nytt passord/s);
      // the owner follows the notice: a new password through "Glemt passord"
      const owner = browser();
      await owner.get('/glemt-passord');
      await owner.post('/glemt-passord', { email: 'offer@example.no' });
      const reset = pathOf((await lastMailTo(database.db, 'offer@example.no')).link!);
      await owner.get(reset);
      assert.equal((await owner.post(reset, { password: NEW_PASSWORD })).status, 200);
      assert.equal((await thief.get('/konto')).status, 401, 'the thief\'s session ended');
      const late = browser();
      assert.equal((await late.get(pathOf(link))).status, 410);
      assert.equal(await account('tyv@example.no'), undefined);
      assert.ok(await account('offer@example.no'));
    });

    test('change email: the same address, and a form without its token, are refused', async () => {
      const v = await signedIn('opptatt@example.no');
      await v.get('/konto/e-post');
      const same = await v.post('/konto/e-post', { epost: 'OPPTATT@example.no', gjeldende: PASSWORD });
      assert.equal(same.status, 400);
      assert.match(same.$('#epost-error').text(), /adressen du bruker nå/);
      assert.equal((await v.post('/konto/e-post', { epost: 'annen@example.no', gjeldende: PASSWORD }, { csrf: null })).status, 403);
      assert.equal(await mailCount('annen@example.no'), 0);
    });
  });
}
