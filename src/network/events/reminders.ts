import { inLanguageOf } from '../../accounts/index.ts';
// The events' scheduled work: a reminder mail before each event (once per registration), and
// removing what is no longer needed (guests who never confirmed, guests a year after the event,
// spent links). Runs through platform/jobs.ts, once across instances.
import { sql } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { msg } from '../../platform/i18n/index.ts';
import { CONFIRM_HOURS, cancelLink, pageUrl, type RegistrationContext } from './registration.ts';
import { whenText } from './format.ts';

/** A reminder goes when the event starts within this many hours. */
export const REMINDER_HOURS = 48;
/** Guests' registrations are deleted this many days after the event (the privacy page says one year). */
export const GUEST_RETENTION_DAYS = 365;

/**
 * Queues a reminder for every registration with a place in a published event that starts within
 * REMINDER_HOURS of `now`. Marking and reading are one statement, so a registration is reminded
 * once even when two runs overlap. Returns how many were queued.
 */
export async function sendReminders(db: Db, config: Pick<Config, 'publicUrl'>, now: Date): Promise<number> {
  const ctx: RegistrationContext = { publicUrl: config.publicUrl, now };
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  return db.transaction().execute(async (trx) => {
    const due = await trx.updateTable('network_registration as r').from('network_event as e')
      .set({ reminder_sent_at: now })
      .whereRef('r.event_id', '=', 'e.id')
      .where('r.status', '=', 'registered').where('r.reminder_sent_at', 'is', null)
      .where('e.status', '=', 'published').where('e.starts_at', '>', now).where('e.starts_at', '<=', until)
      .returning(['r.id', 'r.user_id', 'r.guest_email', 'e.id as event_id', 'e.title', 'e.starts_at', 'e.ends_at', 'e.place', 'e.online_url'])
      .execute();
    for (const row of due) {
      const to = row.guest_email ?? (await trx.selectFrom('app_user').select('email').where('id', '=', row.user_id!).executeTakeFirst())?.email;
      if (!to) continue;
      const cancel = row.user_id ? null : await cancelLink(trx, ctx, row.id, row);
      const m = msg.networkEvents.mail.reminder;
      await inLanguageOf(trx, to, () => queueMail(trx, {
        to, subject: m.subject(row.title),
        body: m.body(row.title, whenText(row.starts_at, row.ends_at), row.place || row.online_url || '', pageUrl(ctx, row.event_id), cancel) + msg.accounts.mail.signature,
      }));
    }
    return due.length;
  });
}

/** Removes guests who never confirmed (their link has expired), guests a year after the event, and spent links. */
export async function pruneRegistrations(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('network_registration').where('status', '=', 'unconfirmed').where('user_id', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - CONFIRM_HOURS * 3_600_000)).execute();
  await sql`delete from network_registration r using network_event e
    where r.event_id = e.id and r.user_id is null and e.ends_at < ${now}::timestamptz - make_interval(days => ${GUEST_RETENTION_DAYS})`.execute(db);
  await db.deleteFrom('network_registration_token').where('expires_at', '<', new Date(now.getTime() - 7 * 86_400_000)).execute();
}

export function eventsJob(db: Db, config: Pick<Config, 'publicUrl' | 'clock'>, afterRun: () => Promise<unknown>): JobDefinition {
  return {
    kind: 'network:event-reminders',
    run: async () => {
      const now = config.clock.now();
      await sendReminders(db, config, now);
      await pruneRegistrations(db, now);
      await afterRun();
    },
    next: (now) => new Date(now.getTime() + 60 * 60_000),
  };
}
