import { sql } from 'kysely';
import type { Config } from '../platform/config.ts';
import { msg } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import type { Tx } from '../platform/db/index.ts';
import { issueToken } from './tokens.ts';
import { queueRequestedMail, withMailLock } from '../platform/mail/outbox.ts';

const m = msg.accounts;

/** At most one verification mail per account in this many minutes, however often sign-in is tried. */
export const VERIFY_MAIL_WINDOW_MINUTES = 15;

export type VerificationMail = { sent: true } | { sent: false; retryMinutes: number };

/**
 * Mails a link that verifies the account's address, unless one went out within the window (or
 * the recipient's mail limit is reached): then the earlier link stays valid and the answer says
 * how many minutes until a new one can be sent.
 */
export function mailVerification(db: Tx, config: Pick<Config, 'publicUrl' | 'clock'>, user: { id: string; email: string }): Promise<VerificationMail> {
  const now = config.clock.now();
  return withMailLock(db, async (trx) => {
    const { rows } = await sql<{ retry: string | number }>`
      select ceil(extract(epoch from max(created_at) + make_interval(mins => ${VERIFY_MAIL_WINDOW_MINUTES}) - ${now}::timestamptz) / 60) as retry
      from user_token where user_id = ${user.id} and purpose = 'verify_email'
      having max(created_at) > ${now}::timestamptz - make_interval(mins => ${VERIFY_MAIL_WINDOW_MINUTES})`.execute(trx);
    if (rows[0]) return { sent: false, retryMinutes: Math.max(1, Number(rows[0].retry)) };
    const queued = await queueRequestedMail(trx, user.email, null, now, async (inner) => {
      const token = await issueToken(inner, user.id, 'verify_email', { now });
      return { subject: m.mail.verifySubject, body: m.mail.verifyBody(`${config.publicUrl}${paths.accounts.verify(token)}`) + m.mail.signature };
    });
    return queued.queued ? { sent: true } : { sent: false, retryMinutes: queued.retryMinutes };
  });
}
