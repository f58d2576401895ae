// TEMPORARY: registration for a course run, the smallest correct version, written against
// network_registration while the events part builds the real registration machinery (register,
// cancel, waiting list, guests) in src/network/events/. When the two are merged, replace these
// functions with the events part's registration module and delete this file.
//
// Signed-in accounts only. Each change runs in a transaction that first locks the run's
// network_event row (select … for update), so two sign-ups at once are counted one after the other
// and a run is never overbooked: under capacity → 'registered', else 'waiting'. A registered
// person who cancels gives the place to the first on the waiting list.
import { recordChanges } from '../../accounts/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';

export type Closed = 'notOpen' | 'deadline' | 'started';
export type EnrolOutcome = { kind: 'registered' | 'waiting' } | { kind: 'closed'; reason: Closed } | { kind: 'notFound' };

interface LockedRun {
  id: string;
  status: string;
  kind: string;
  starts_at: Date;
  capacity: number | null;
  registration_deadline: Date | null;
}

/** Why a run takes no sign-ups now, or null when it does. */
export function closedReason(run: Pick<LockedRun, 'status' | 'starts_at' | 'registration_deadline'>, now: Date): Closed | null {
  if (run.status !== 'published') return 'notOpen';
  if (run.starts_at <= now) return 'started';
  if (run.registration_deadline && run.registration_deadline < now) return 'deadline';
  return null;
}

async function lockRun(trx: Tx, runId: string): Promise<LockedRun | undefined> {
  return trx.selectFrom('network_event').select(['id', 'status', 'kind', 'starts_at', 'capacity', 'registration_deadline'])
    .where('id', '=', runId).where('kind', '=', 'course_run').forUpdate().executeTakeFirst();
}

async function registeredCount(trx: Tx, runId: string): Promise<number> {
  const row = await trx.selectFrom('network_registration').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', runId).where('status', '=', 'registered').executeTakeFirstOrThrow();
  return Number(row.n);
}

const audit = (trx: Tx, actor: string, registrationId: string, previous: string, next: string) =>
  recordChanges(trx, actor, [{ resourceId: registrationId, resourceType: 'network_registration', actionType: previous ? 'update' : 'create', fieldName: 'status', previousValue: previous, replacementValue: next }]);

/** Signs an account up for a run: a place while there is one, else the waiting list. Signing up again changes nothing. */
export async function enrol(db: Db, runId: string, userId: string, now: Date): Promise<EnrolOutcome> {
  return db.transaction().execute(async (trx) => {
    const run = await lockRun(trx, runId);
    if (!run) return { kind: 'notFound' };
    const existing = await trx.selectFrom('network_registration').select(['id', 'status'])
      .where('event_id', '=', runId).where('user_id', '=', userId).executeTakeFirst();
    if (existing && (existing.status === 'registered' || existing.status === 'waiting')) return { kind: existing.status };
    const reason = closedReason(run, now);
    if (reason) return { kind: 'closed', reason };
    const status = run.capacity === null || (await registeredCount(trx, runId)) < run.capacity ? 'registered' : 'waiting';
    const values = { status, waiting_since: status === 'waiting' ? now : null, confirmed_at: now, cancelled_at: null } as const;
    let id = existing?.id;
    if (id) await trx.updateTable('network_registration').set(values).where('id', '=', id).execute();
    else {
      id = newId();
      await trx.insertInto('network_registration').values({ id, event_id: runId, user_id: userId, created_at: now, ...values }).execute();
    }
    await audit(trx, userId, id, existing?.status ?? '', status);
    return { kind: status };
  });
}

/** Cancels an account's registration; a place it held goes to the first on the waiting list. */
export async function cancelEnrolment(db: Db, runId: string, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const run = await lockRun(trx, runId);
    if (!run) return false;
    const existing = await trx.selectFrom('network_registration').select(['id', 'status'])
      .where('event_id', '=', runId).where('user_id', '=', userId).executeTakeFirst();
    if (!existing || (existing.status !== 'registered' && existing.status !== 'waiting')) return false;
    await trx.updateTable('network_registration').set({ status: 'cancelled', cancelled_at: now, waiting_since: null }).where('id', '=', existing.id).execute();
    await audit(trx, userId, existing.id, existing.status, 'cancelled');
    if (existing.status === 'registered') await promoteWaiting(trx, runId, run.capacity);
    return true;
  });
}

/**
 * Gives free places to the waiting list, first come first served. The caller holds the run's row
 * lock (a cancellation, or an organiser raising the capacity).
 */
export async function promoteWaiting(trx: Tx, runId: string, capacity: number | null): Promise<void> {
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - (await registeredCount(trx, runId));
  if (free <= 0) return;
  const next = await trx.selectFrom('network_registration').select('id').where('event_id', '=', runId).where('status', '=', 'waiting')
    .orderBy('waiting_since').orderBy('id').limit(Math.min(free, 10_000)).execute();
  for (const row of next) {
    await trx.updateTable('network_registration').set({ status: 'registered', waiting_since: null }).where('id', '=', row.id).execute();
    await audit(trx, 'system', row.id, 'waiting', 'registered');
  }
}

/** Locks a run's row for the rest of the caller's transaction. */
export async function lockRunRow(trx: Tx, runId: string): Promise<void> {
  await lockRun(trx, runId);
}

/** Where an account stands on a run's waiting list (1 = next), or null. */
export async function waitingPosition(db: Tx, runId: string, userId: string): Promise<number | null> {
  const rows = await db.selectFrom('network_registration').select(['user_id']).where('event_id', '=', runId).where('status', '=', 'waiting')
    .orderBy('waiting_since').orderBy('id').execute();
  const index = rows.findIndex((r) => r.user_id === userId);
  return index < 0 ? null : index + 1;
}
