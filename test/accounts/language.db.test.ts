import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { inLanguageOf } from '../../src/accounts/index.ts';
import { queueMail } from '../../src/platform/mail/outbox.ts';
import { msg, withLanguage } from '../../src/platform/i18n/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from './client.ts';

// Mail in the recipient's language (issue 17): an account keeps the language its person last chose,
// and mail to it — from someone else's action or a scheduled job — is written in that language.
for (const backend of backends()) {
  describe(`the account's language (${backend.name})`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const languageOf = async (email: string) =>
      (await database.db.selectFrom('app_user').select('language').where('email', '=', email).executeTakeFirstOrThrow()).language;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));

    test('an account made in English keeps English; its verification mail is in English', async () => {
      const v = new Visitor(app, '10.9.0.1');
      await v.get('/registrer?lang=en');
      await v.post('/registrer', { name: 'Ann', email: 'ann@example.no', password: PASSWORD });
      assert.equal(await languageOf('ann@example.no'), 'en');
      const mail = await lastMailTo(database.db, 'ann@example.no');
      assert.equal(mail.subject, withLanguage('en', () => msg.accounts.mail.verifySubject));
    });

    test('choosing a language while signed in makes it the account\'s; the browser\'s guess alone does not', async () => {
      await anAccount(database.db, { email: 'nils@example.no' });
      const v = new Visitor(app, '10.9.0.2');
      await v.signIn('nils@example.no', PASSWORD);
      assert.equal(await languageOf('nils@example.no'), 'nb', 'made in bokmål');
      await app.inject({ method: 'GET', url: '/om', headers: { cookie: v.cookieHeader, 'accept-language': 'en' } });
      assert.equal(await languageOf('nils@example.no'), 'nb', 'Accept-Language is only a guess');
      await v.get('/om?lang=nn');
      assert.equal(await languageOf('nils@example.no'), 'nn');
      const download = await v.json('GET', '/konto/mine-data.json');
      assert.equal(JSON.parse(download.body).user.language, 'nn', 'the data download holds it');
    });

    test('mail to someone else is written in their language, whatever the sender reads', async () => {
      await anAccount(database.db, { email: 'eng@example.no' });
      await database.db.updateTable('app_user').set({ language: 'en' }).where('email', '=', 'eng@example.no').execute();
      const compose = () => queueMail(database.db, { to: 'eng@example.no', subject: msg.accounts.mail.verifySubject, body: msg.accounts.mail.signature });
      await withLanguage('nb', () => inLanguageOf(database.db, 'eng@example.no', compose));
      assert.equal((await lastMailTo(database.db, 'eng@example.no')).subject, withLanguage('en', () => msg.accounts.mail.verifySubject));
      // an address with no account: the sender's language
      await withLanguage('nn', () => inLanguageOf(database.db, 'ingen@example.no', () => queueMail(database.db, { to: 'ingen@example.no', subject: msg.accounts.mail.verifySubject, body: '-' })));
      assert.equal((await lastMailTo(database.db, 'ingen@example.no')).subject, withLanguage('nn', () => msg.accounts.mail.verifySubject));
    });
  });
}
