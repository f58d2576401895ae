// The events part of "download my data" and of account deletion: the account's registrations
// (with the needs it gave) and the minutes versions it wrote. Deletion cancels places in events
// that have not started first, so they go to the waiting list, then removes the registrations; the
// minutes keep their text but lose the author's name.
import type { Config } from '../../platform/config.ts';
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { DataSubject, PersonalDataSource } from '../../accounts/index.ts';
import { cancel } from './registration.ts';

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const registrations = await db.selectFrom('network_registration as r').innerJoin('network_event as e', 'e.id', 'r.event_id')
    .select(['e.title as event', 'e.kind', 'e.starts_at', 'r.status', 'r.needs_dietary', 'r.needs_accessibility', 'r.needs_interpretation', 'r.needs as needs_other',
      'r.created_at', 'r.confirmed_at', 'r.waiting_since', 'r.cancelled_at', 'r.reminder_sent_at'])
    .where('r.user_id', '=', subject.id).orderBy('e.starts_at').execute();
  const minutes = await db.selectFrom('network_event_minutes as m').innerJoin('network_event as e', 'e.id', 'm.event_id')
    .select(['e.title as event', 'm.number', 'm.author', 'm.note', 'm.created_at']).where('m.author_id', '=', subject.id).orderBy('m.created_at').execute();
  return { eventRegistrations: registrations, eventMinutesWritten: minutes };
}

export function eventsPersonalData(config: Pick<Config, 'publicUrl' | 'clock'>): PersonalDataSource {
  const upcoming = (db: Tx, subject: DataSubject) => db.selectFrom('network_registration as r').innerJoin('network_event as e', 'e.id', 'r.event_id')
    .select(['r.id', 'e.title']).where('r.user_id', '=', subject.id).where('r.status', 'in', ['registered', 'waiting'])
    .where('e.starts_at', '>', config.clock.now()).orderBy('e.starts_at').execute();
  return {
    collect,
    notice: async (db, subject) => {
      const rows = await upcoming(db, subject);
      return rows.length === 0 ? null : { id: 'deletion-events', heading: msg.networkEvents.deletionNotice, items: rows.map((row) => row.title) };
    },
    erase: async (db, subject) => {
      const ctx = { publicUrl: config.publicUrl, now: config.clock.now() };
      for (const row of await upcoming(db, subject)) await cancel(db, ctx, row.id, subject.id);
      await db.deleteFrom('network_registration').where('user_id', '=', subject.id).execute();
      await db.updateTable('network_event_minutes').set({ author: null }).where('author_id', '=', subject.id).execute();
    },
  };
}
