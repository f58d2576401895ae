import { sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import type { AccountsTx } from '../tables.ts';

export interface Mail {
  to: string;
  subject: string;
  /** plain text: links stay readable in every client */
  body: string;
}

/**
 * Every mail is written here first, in the caller's transaction, so a mail is never sent for a
 * change that was rolled back and never lost when the SMTP server is down. Without SMTP it stays
 * here, and admins read it on the outbox page.
 */
export async function queueMail(db: AccountsTx, mail: Mail): Promise<string> {
  const id = newId();
  await db.insertInto('mail_outbox').values({ id, to_address: mail.to, subject: mail.subject, body: mail.body }).execute();
  return id;
}

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

export async function listOutbox(db: AccountsTx, limit = 100): Promise<OutboxRow[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at, sentAt: r.sent_at, lastError: r.last_error }));
}

/** Mail is kept 90 days, then removed by the nightly job (it may hold links and addresses). */
export async function pruneOutbox(db: AccountsTx): Promise<void> {
  await db.deleteFrom('mail_outbox').where('created_at', '<', sql<Date>`now() - interval '90 days'`).execute();
}
