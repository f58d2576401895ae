import { sql } from 'kysely';
import { newId } from '../ids.ts';
import { msg } from '../i18n/index.ts';
import type { Tx } from '../db/index.ts';
import { normaliseEmail } from '../text.ts';

export interface Mail {
  to: string;
  subject: string;
  /** plain text: links stay readable in every client */
  body: string;
}

/**
 * Every mail is written here first, in the caller's transaction, so a mail is never sent for a
 * change that was rolled back and never lost when the SMTP server is down. Without SMTP it stays
 * here, and admins read it on the outbox page. This is for mail the application sends on its own
 * (reminders, moderation decisions); mail a request causes goes through queueRequestedMail.
 */
export async function queueMail(db: Tx, mail: Mail): Promise<string> {
  const id = newId();
  await db.insertInto('mail_outbox').values({ id, to_address: mail.to, subject: mail.subject, body: mail.body }).execute();
  return id;
}

/**
 * How much mail requests may cause. Per recipient address, so no one's inbox can be flooded
 * through Samklang whoever asks; per signed-in account, so one account cannot mail many people.
 */
export const MAIL_LIMITS = {
  recipient: [{ max: 5, minutes: 60 }, { max: 20, minutes: 24 * 60 }],
  sender: [{ max: 20, minutes: 60 }, { max: 50, minutes: 24 * 60 }],
} as const;

export type Queued = { queued: true; id: string } | { queued: false; limit: 'recipient' | 'sender'; retryMinutes: number };

/** What to tell the person whose mail was not queued. */
export const mailLimitMessage = (refused: { limit: 'recipient' | 'sender'; retryMinutes: number }): string =>
  msg.accounts.mailLimit[refused.limit](refused.retryMinutes);

// one key for every request's mail: counting and queueing run one at a time across processes and
// instances (the lock is held until the caller's transaction ends)
const MAIL_LOCK = 7_310_001;

/** Runs `work` in a transaction (the caller's, if it is one) that holds the requested-mail lock. */
export function withMailLock<T>(db: Tx, work: (trx: Tx) => Promise<T>): Promise<T> {
  const run = async (trx: Tx) => {
    await sql`select pg_advisory_xact_lock(${MAIL_LOCK})`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Queues mail that a request causes (an invitation, a link someone asked for), unless the
 * recipient or the signed-in sender has reached a limit in MAIL_LIMITS. The count is of the
 * outbox's own rows, so it holds across processes. `compose` runs only when the mail will be
 * queued (so, e.g., a link's token is issued only for mail that goes out). `now` is the app's
 * clock (config.clock), which the windows are measured by.
 */
export async function queueRequestedMail(db: Tx, to: string, sender: { id: string } | null, now: Date, compose: (trx: Tx) => Promise<Omit<Mail, 'to'>>): Promise<Queued> {
  return withMailLock(db, async (trx) => {
    const refused = await firstLimitReached(trx, to, sender?.id ?? null, now);
    if (refused) return { queued: false, ...refused };
    const mail = await compose(trx);
    const id = newId();
    await trx.insertInto('mail_outbox').values({
      id, to_address: to, subject: mail.subject, body: mail.body, requested: true, requested_by: sender?.id ?? null, created_at: now,
    }).execute();
    return { queued: true, id };
  });
}

async function firstLimitReached(db: Tx, to: string, senderId: string | null, now: Date): Promise<{ limit: 'recipient' | 'sender'; retryMinutes: number } | null> {
  const checks = [
    ...MAIL_LIMITS.recipient.map((l) => ({ ...l, limit: 'recipient' as const, where: sql`requested and lower(to_address) = ${normaliseEmail(to)}` })),
    ...(senderId ? MAIL_LIMITS.sender.map((l) => ({ ...l, limit: 'sender' as const, where: sql`requested_by = ${senderId}` })) : []),
  ];
  for (const check of checks) {
    // the oldest counted mail leaves the window first: that is when one more may go
    const { rows } = await sql<{ n: string | number; retry: string | number | null }>`
      select count(*) as n, ceil(extract(epoch from min(created_at) + make_interval(mins => ${check.minutes}) - ${now}::timestamptz) / 60) as retry
      from (select created_at from mail_outbox
        where ${check.where} and created_at > ${now}::timestamptz - make_interval(mins => ${check.minutes})
        order by created_at desc limit ${check.max}) recent`.execute(db);
    const row = rows[0]!;
    if (Number(row.n) >= check.max) return { limit: check.limit, retryMinutes: Math.max(1, Number(row.retry ?? 1)) };
  }
  return null;
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

export async function listOutbox(db: Tx, limit = 100): Promise<OutboxRow[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at, sentAt: r.sent_at, lastError: r.last_error }));
}

/** Mail is kept 90 days, then removed by the nightly job (it may hold links and addresses). */
export async function pruneOutbox(db: Tx): Promise<void> {
  await db.deleteFrom('mail_outbox').where('created_at', '<', sql<Date>`now() - interval '90 days'`).execute();
}
