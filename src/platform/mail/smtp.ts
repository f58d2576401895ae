import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';

export const MAX_ATTEMPTS = 5;

export interface Mailer {
  /** sends what waits in the outbox (nothing without SMTP); never throws; returns how many were sent */
  deliver(): Promise<number>;
  /** starts a delivery without making the caller wait; close() waits for it */
  kick(): void;
  close(): Promise<void>;
}

type Claimed = { id: string; to_address: string; subject: string; body: string };

/**
 * Sends outbox mail through SMTP. A row is claimed for two minutes in one statement with SKIP
 * LOCKED, so two instances never send one mail at the same time, and no transaction stays open
 * while the SMTP server answers.
 */
export function createMailer(db: Db, config: Pick<Config, 'smtp'>, log: { error(obj: object, msg: string): void }): Mailer {
  const smtp = config.smtp;
  let transport: Transporter | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const claim = async (): Promise<Claimed | undefined> => (await sql<Claimed>`
    update mail_outbox set locked_until = now() + interval '2 minutes', attempts = attempts + 1
    where id = (
      select id from mail_outbox
      where sent_at is null and attempts < ${MAX_ATTEMPTS} and (locked_until is null or locked_until < now())
      order by created_at limit 1 for update skip locked)
    returning id, to_address, subject, body`.execute(db)).rows[0];

  async function deliverAll(): Promise<number> {
    if (!smtp) return 0;
    transport ??= nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.port === 465,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    });
    let sent = 0;
    for (let mail = await claim(); mail; mail = await claim()) {
      try {
        await transport.sendMail({ from: smtp.from, to: mail.to_address, subject: mail.subject, text: mail.body });
        await db.updateTable('mail_outbox').set({ sent_at: sql`now()`, locked_until: null, last_error: null }).where('id', '=', mail.id).execute();
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db.updateTable('mail_outbox').set({ locked_until: null, last_error: message.slice(0, 500) }).where('id', '=', mail.id).execute();
        log.error({ err: error, mail: mail.id }, 'mail not sent; the job retries it');
        break;
      }
    }
    return sent;
  }

  const deliver = (): Promise<number> => {
    const next = running.then(deliverAll).catch((error: unknown) => {
      log.error({ err: error }, 'mail delivery failed');
      return 0;
    });
    running = next;
    return next;
  };
  return {
    deliver,
    kick: () => void deliver(),
    close: async () => {
      await running;
      transport?.close();
    },
  };
}
