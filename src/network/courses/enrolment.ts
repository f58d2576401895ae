// Sign-up for a course run: a course run is a network event, so this is the events part's one
// registration machinery (src/network/events/registration.ts: the event row locked for every change,
// the waiting list, promotion with mail), with the run's own page in the mails and the course
// pages' words for why a run is closed. Accounts only: a course certificate needs an account.
import type { Db, Tx } from '../../platform/db/index.ts';
import { paths } from '../../platform/paths.ts';
import { cancelForAccount, closedReason as eventClosedReason, promote, register, type RegistrationContext } from '../events/registration.ts';

export type Closed = 'notOpen' | 'deadline' | 'started' | 'mailLimit';
export type EnrolOutcome = { kind: 'registered' | 'waiting' } | { kind: 'closed'; reason: Closed } | { kind: 'notFound' };

/** The run's context for the registration machinery: mails link to the course run's page. */
const runContext = (now: Date, publicUrl: string): RegistrationContext => ({ now, publicUrl, pageOf: (id) => paths.network.courses.run(id) });

/** Why a run takes no sign-ups now, or null when it does: the events' rule, in the course pages' words. */
export function closedReason(run: { status: string; starts_at: Date; registration_deadline: Date | null }, now: Date): Closed | null {
  const reason = eventClosedReason(run, now);
  return reason === null || reason === 'not_found' ? null : CLOSED[reason];
}

const CLOSED = { not_open: 'notOpen', started: 'started', deadline: 'deadline', mail_limit: 'mailLimit' } as const;

/** Signs an account up for a run: a place while there is one, else the waiting list. Signing up again changes nothing. */
export async function enrol(db: Db, runId: string, userId: string, now: Date, publicUrl: string): Promise<EnrolOutcome> {
  const run = await db.selectFrom('network_event').select('id').where('id', '=', runId).where('kind', '=', 'course_run').executeTakeFirst();
  if (!run) return { kind: 'notFound' };
  const result = await register(db, runContext(now, publicUrl), runId, { kind: 'account', userId });
  if (result.ok) return { kind: result.kind === 'account' ? result.status : 'registered' };
  return result.reason === 'not_found' ? { kind: 'notFound' } : { kind: 'closed', reason: CLOSED[result.reason] };
}

/** Cancels an account's registration; a place it held goes to the first on the waiting list. */
export async function cancelEnrolment(db: Db, runId: string, userId: string, now: Date, publicUrl: string): Promise<boolean> {
  const result = await cancelForAccount(db, runContext(now, publicUrl), runId, userId);
  return result.ok;
}

/** Gives free places to the waiting list, first come first served (e.g. after the capacity was raised), in the caller's transaction. */
export async function promoteWaiting(trx: Tx, runId: string, now: Date, publicUrl: string): Promise<void> {
  await promote(trx, runContext(now, publicUrl), runId);
}

/** Locks a run's row for the rest of the caller's transaction. */
export async function lockRunRow(trx: Tx, runId: string): Promise<void> {
  await trx.selectFrom('network_event').select('id').where('id', '=', runId).forUpdate().executeTakeFirst();
}

/** Where an account stands on a run's waiting list (1 = next), or null. */
export async function waitingPosition(db: Tx, runId: string, userId: string): Promise<number | null> {
  const rows = await db.selectFrom('network_registration').select(['user_id']).where('event_id', '=', runId).where('status', '=', 'waiting')
    .orderBy('waiting_since').orderBy('created_at').orderBy('id').execute();
  const index = rows.findIndex((r) => r.user_id === userId);
  return index < 0 ? null : index + 1;
}
