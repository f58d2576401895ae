import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { freshDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';
import { PASSWORD, Visitor } from './client.ts';

interface Received { from: string; to: string[]; data: string }

describe('mail through a real SMTP server', () => {
  let database: OpenedDatabase;
  let server: SMTPServer;
  let app: FastifyInstance;
  const received: Received[] = [];
  let port = 0;

  before(async () => {
    database = await freshDatabase('pglite');
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    app = await testApp(database.db, { JOB_WORKER: 'off', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'Samklang <samklang@example.no>', PUBLIC_URL: 'https://samklang.test' });
  });
  after(async () => {
    await app.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  test('a registration mail is delivered over SMTP with the verification link, and marked sent in the outbox', async () => {
    const v = new Visitor(app, '10.7.0.1');
    await v.get('/registrer');
    await v.post('/registrer', { name: 'Siri', email: 'siri@example.no', password: PASSWORD });
    await app.mailer.deliver();
    const mail = received.find((r) => r.to.includes('siri@example.no'));
    assert.ok(mail, 'delivered');
    assert.equal(mail.from, 'samklang@example.no');
    assert.match(mail.data, /Subject: Bekreft e-postadressen din i Samklang/);
    assert.match(mail.data.replace(/=\r?\n/g, ''), /https:\/\/samklang\.test\/konto\/bekreft\/[A-Za-z0-9_-]{43}/);
    const row = await database.db.selectFrom('mail_outbox').select(['sent_at', 'attempts']).where('to_address', '=', 'siri@example.no').executeTakeFirstOrThrow();
    assert.ok(row.sent_at);
    assert.equal(row.attempts, 1);
  });

  test('when the SMTP server is down the mail waits in the outbox with the error, and goes out when it is back', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const v = new Visitor(app, '10.7.0.2');
    await v.get('/glemt-passord');
    await database.db.insertInto('app_user').values({ id: '0b7d7c1e-3b7d-4c59-9e0a-5d2b8f4e7a13', email: 'per@example.no', name: null, password_hash: null, email_verified_at: new Date(), oidc_issuer: null, oidc_subject: null }).execute();
    await v.post('/glemt-passord', { email: 'per@example.no' });
    assert.equal(await app.mailer.deliver(), 0);
    const waiting = await database.db.selectFrom('mail_outbox').select(['sent_at', 'last_error']).where('to_address', '=', 'per@example.no').executeTakeFirstOrThrow();
    assert.equal(waiting.sent_at, null);
    assert.match(waiting.last_error ?? '', /ECONNREFUSED|connect/i);
    server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => { data += c.toString('utf8'); });
      stream.on('end', () => { received.push({ from: '', to: session.envelope.rcptTo.map((r) => r.address), data }); callback(); });
    } });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    assert.equal(await app.mailer.deliver(), 1);
    assert.ok(received.some((r) => r.to.includes('per@example.no')));
  });
});
