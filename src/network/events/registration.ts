// Registration for an event (a seminar, a meeting, a webinar, or a course run: any network_event),
// reusable by every part that has events. Every change runs in a transaction that first locks the
// event's row (select … for update), so sign-ups for one event are decided one at a time and the
// capacity is never exceeded, however many arrive at once, on any number of app instances.
// - An account registers in one step. A guest registers by name and address and holds no place
//   until the link mailed to them is followed ('unconfirmed' → 'registered' or 'waiting').
// - When the event is full, a registration waits; waiting_since orders the list. A cancellation
//   (or more capacity) promotes the first waiting ones, and each is mailed.
// - Links in guests' mail are random tokens stored only as their SHA-256, like accounts' tokens:
//   'confirm' expires after CONFIRM_HOURS, 'cancel' works until the event has ended. A guest who
//   cancels is deleted (there is no account to keep the row for).
import type { Tx, RegistrationStatus } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { queueMail, queueRequestedMail } from '../../platform/mail/outbox.ts';
import { normaliseEmail } from '../../platform/text.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { recordChanges, inLanguageOf } from '../../accounts/index.ts';
import { whenText } from './format.ts';

/** How long a guest's confirmation link works (never past the event's start). */
export const CONFIRM_HOURS = 24;

export interface Needs {
  dietary: string;
  accessibility: string;
  interpretation: string;
  /** anything else the organiser should know */
  other: string;
}
export const NO_NEEDS: Needs = { dietary: '', accessibility: '', interpretation: '', other: '' };

export interface RegistrationContext {
  /** the site's address, for links in mail (config.publicUrl) */
  publicUrl: string;
  /** the app's clock (config.clock.now()) */
  now: Date;
  /** the page a mail links to for this event; default the event's page under /nettverket/arrangementer */
  pageOf?: (eventId: string) => string;
}

export type Registrant = { kind: 'account'; userId: string } | { kind: 'guest'; name: string; email: string };
export type Place = 'registered' | 'waiting';
export type Closed = 'not_found' | 'not_open' | 'started' | 'deadline';

export type RegisterResult =
  | { ok: true; kind: 'account'; status: Place; registrationId: string; already: boolean }
  /** a guest is always told to read their mail, whatever the state, so the page tells no one who is registered */
  | { ok: true; kind: 'guest' }
  | { ok: false; reason: Closed }
  | { ok: false; reason: 'mail_limit'; retryMinutes: number };

export type TokenResult =
  | { ok: true; eventId: string; status: Place | 'cancelled' }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | Closed };

interface LockedEvent {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  online_url: string | null;
  capacity: number | null;
  registration_deadline: Date | null;
  status: string;
}

const m = () => msg.networkEvents.mail;
const signature = () => msg.accounts.mail.signature;

/** Runs `work` in a transaction (the caller's, if it is one). */
function inTransaction<T>(db: Tx, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Locks the event's row until the transaction ends: the one place sign-ups for it queue up. */
async function lockEvent(trx: Tx, eventId: string): Promise<LockedEvent | undefined> {
  return trx.selectFrom('network_event')
    .select(['id', 'title', 'starts_at', 'ends_at', 'place', 'online_url', 'capacity', 'registration_deadline', 'status'])
    .where('id', '=', eventId).forUpdate().executeTakeFirst();
}

/** Why an event takes no registrations at `now`, or null when it does. */
export function closedReason(event: Pick<LockedEvent, 'status' | 'starts_at' | 'registration_deadline'> | undefined, now: Date): Closed | null {
  if (!event) return 'not_found';
  if (event.status !== 'published') return 'not_open';
  if (now.getTime() >= new Date(event.starts_at).getTime()) return 'started';
  if (event.registration_deadline && now.getTime() > new Date(event.registration_deadline).getTime()) return 'deadline';
  return null;
}

async function registeredCount(trx: Tx, eventId: string): Promise<number> {
  const row = await trx.selectFrom('network_registration').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId).where('status', '=', 'registered').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A place if there is one, else the waiting list (the event's row must be locked). */
async function placeFor(trx: Tx, event: LockedEvent): Promise<Place> {
  if (event.capacity === null) return 'registered';
  return (await registeredCount(trx, event.id)) < event.capacity ? 'registered' : 'waiting';
}

const needsColumns = (needs: Needs) => ({
  needs_dietary: needs.dietary.trim(), needs_accessibility: needs.accessibility.trim(),
  needs_interpretation: needs.interpretation.trim(), needs: needs.other.trim(),
});

export const pageUrl = (ctx: RegistrationContext, eventId: string) => `${ctx.publicUrl}${(ctx.pageOf ?? paths.network.events.event)(eventId)}`;

async function issueGuestToken(trx: Tx, registrationId: string, purpose: 'confirm' | 'cancel', expiresAt: Date, now: Date): Promise<string> {
  const token = randomToken();
  await trx.insertInto('network_registration_token').values({ token_hash: sha256(token), registration_id: registrationId, purpose, created_at: now, expires_at: expiresAt }).execute();
  return token;
}

/** A new link with which a guest can cancel, valid until the event has ended (every mail to a guest carries one). */
export async function cancelLink(trx: Tx, ctx: RegistrationContext, registrationId: string, event: Pick<LockedEvent, 'ends_at'>): Promise<string> {
  const token = await issueGuestToken(trx, registrationId, 'cancel', new Date(event.ends_at), ctx.now);
  return `${ctx.publicUrl}${paths.network.events.guestCancel(token)}`;
}

/** The mail that tells someone where they stand: a place, the waiting list, or a place from the waiting list. */
function placeMail(kind: Place | 'promoted', event: LockedEvent, page: string, cancel: string | null) {
  const when = whenText(event.starts_at, event.ends_at);
  const where = event.place || event.online_url || '';
  const texts = m()[kind];
  return { subject: texts.subject(event.title), body: texts.body(event.title, when, where, page, cancel) + signature() };
}

async function accountEmail(trx: Tx, userId: string): Promise<string | undefined> {
  return (await trx.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst())?.email;
}

/** Signs someone up: an account at once, a guest once they follow the mailed link. */
export async function register(db: Tx, ctx: RegistrationContext, eventId: string, registrant: Registrant, needs: Needs = NO_NEEDS): Promise<RegisterResult> {
  try {
    return await inTransaction(db, async (trx) => {
      const event = await lockEvent(trx, eventId);
      const closed = closedReason(event, ctx.now);
      if (!event) return { ok: false, reason: 'not_found' };
      if (registrant.kind === 'guest') return closed ? { ok: false, reason: closed } : registerGuest(trx, ctx, event, registrant, needs);
      // past the deadline, someone who already holds a place may still correct their needs
      if (closed && closed !== 'deadline') return { ok: false, reason: closed };
      return registerAccount(trx, ctx, event, registrant.userId, needs, closed === 'deadline');
    });
  } catch (error) {
    if (error instanceof MailRefused) return { ok: false, reason: 'mail_limit', retryMinutes: error.retryMinutes };
    throw error;
  }
}

async function registerAccount(trx: Tx, ctx: RegistrationContext, event: LockedEvent, userId: string, needs: Needs, pastDeadline: boolean): Promise<RegisterResult> {
  const existing = await trx.selectFrom('network_registration').select(['id', 'status'])
    .where('event_id', '=', event.id).where('user_id', '=', userId).executeTakeFirst();
  if (existing && (existing.status === 'registered' || existing.status === 'waiting')) {
    await trx.updateTable('network_registration').set(needsColumns(needs)).where('id', '=', existing.id).execute();
    return { ok: true, kind: 'account', status: existing.status, registrationId: existing.id, already: true };
  }
  if (pastDeadline) return { ok: false, reason: 'deadline' };
  const status = await placeFor(trx, event);
  const values = {
    status, ...needsColumns(needs), confirmed_at: ctx.now, waiting_since: status === 'waiting' ? ctx.now : null, cancelled_at: null, reminder_sent_at: null,
  };
  const id = existing?.id ?? newId();
  if (existing) await trx.updateTable('network_registration').set(values).where('id', '=', id).execute();
  else await trx.insertInto('network_registration').values({ id, event_id: event.id, user_id: userId, created_at: ctx.now, ...values }).execute();
  await audit(trx, userId, id, 'register', existing?.status ?? '', status);
  const email = await accountEmail(trx, userId);
  if (email) await queueMail(trx, { to: email, ...placeMail(status, event, pageUrl(ctx, event.id), null) });
  return { ok: true, kind: 'account', status, registrationId: id, already: false };
}

class MailRefused extends Error {
  constructor(readonly retryMinutes: number) {
    super('mail limit reached');
  }
}

async function registerGuest(trx: Tx, ctx: RegistrationContext, event: LockedEvent, guest: { name: string; email: string }, needs: Needs): Promise<RegisterResult> {
  const email = normaliseEmail(guest.email);
  const existing = await trx.selectFrom('network_registration').select(['id', 'status'])
    .where('event_id', '=', event.id).where('guest_email', '=', email).executeTakeFirst();
  const held = existing && (existing.status === 'registered' || existing.status === 'waiting') ? existing.status : null;
  let id = existing?.id;
  if (!held) {
    // created_at restarts with each new link: unconfirmed registrations are removed once their link has expired
    const values = { guest_name: guest.name.trim(), status: 'unconfirmed' as const, ...needsColumns(needs), created_at: ctx.now, confirmed_at: null, waiting_since: null, cancelled_at: null };
    if (id) await trx.updateTable('network_registration').set(values).where('id', '=', id).execute();
    else {
      id = newId();
      await trx.insertInto('network_registration').values({ id, event_id: event.id, guest_email: email, ...values }).execute();
      await audit(trx, 'system', id, 'register_guest', '', 'unconfirmed');
    }
  }
  const registrationId = id!;
  const queued = await queueRequestedMail(trx, email, null, ctx.now, async (inner) => {
    if (held) {
      const link = await cancelLink(inner, ctx, registrationId, event);
      return { subject: m().already.subject(event.title), body: m().already.body(event.title, held === 'waiting', pageUrl(ctx, event.id), link) + signature() };
    }
    const expires = new Date(Math.min(ctx.now.getTime() + CONFIRM_HOURS * 3_600_000, new Date(event.starts_at).getTime()));
    const token = await issueGuestToken(inner, registrationId, 'confirm', expires, ctx.now);
    const link = `${ctx.publicUrl}${paths.network.events.guestConfirm(token)}`;
    return { subject: m().confirm.subject(event.title), body: m().confirm.body(guest.name.trim(), event.title, whenText(event.starts_at, event.ends_at), link, CONFIRM_HOURS) + signature() };
  });
  // nothing is kept when the mail cannot go: the transaction is rolled back
  if (!queued.queued) throw new MailRefused(queued.retryMinutes);
  return { ok: true, kind: 'guest' };
}

async function findToken(db: Tx, token: string, purpose: 'confirm' | 'cancel') {
  return db.selectFrom('network_registration_token as t').innerJoin('network_registration as r', 'r.id', 't.registration_id')
    .select(['t.token_hash', 't.expires_at', 't.used_at', 'r.id as registration_id', 'r.event_id', 'r.status'])
    .where('t.token_hash', '=', sha256(token)).where('t.purpose', '=', purpose).executeTakeFirst();
}

/** Whether a guest's link still works, without using it (for the page that asks to confirm). */
export async function checkGuestToken(db: Tx, token: string, purpose: 'confirm' | 'cancel', now: Date): Promise<TokenResult> {
  const row = await findToken(db, token, purpose);
  if (!row) return { ok: false, reason: 'unknown' };
  if (purpose === 'confirm' && row.status !== 'unconfirmed') return { ok: true, eventId: row.event_id, status: row.status === 'cancelled' ? 'cancelled' : row.status === 'waiting' ? 'waiting' : 'registered' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, eventId: row.event_id, status: row.status === 'waiting' ? 'waiting' : 'registered' };
}

/** A guest follows the confirmation link: now they hold a place, or wait for one. */
export async function confirmGuest(db: Tx, ctx: RegistrationContext, token: string): Promise<TokenResult> {
  return inTransaction(db, async (trx) => {
    const first = await findToken(trx, token, 'confirm');
    if (!first) return { ok: false, reason: 'unknown' };
    const event = await lockEvent(trx, first.event_id);
    // read again under the lock: a second click at the same moment sees the first one's result
    const row = await findToken(trx, token, 'confirm');
    if (!row || !event) return { ok: false, reason: 'unknown' };
    if (row.status === 'registered' || row.status === 'waiting') return { ok: true, eventId: event.id, status: row.status };
    if (row.used_at) return { ok: false, reason: 'used' };
    if (new Date(row.expires_at).getTime() <= ctx.now.getTime()) return { ok: false, reason: 'expired' };
    // the guest signed up before the deadline; only a cancelled, unpublished or begun event stops them
    const closed = closedReason({ ...event, registration_deadline: null }, ctx.now);
    if (closed) return { ok: false, reason: closed };
    const status = await placeFor(trx, event);
    await trx.updateTable('network_registration').set({ status, confirmed_at: ctx.now, waiting_since: status === 'waiting' ? ctx.now : null })
      .where('id', '=', row.registration_id).execute();
    await trx.updateTable('network_registration_token').set({ used_at: ctx.now }).where('token_hash', '=', row.token_hash).execute();
    await audit(trx, 'system', row.registration_id, 'confirm_guest', 'unconfirmed', status);
    const guest = await trx.selectFrom('network_registration').select(['guest_email']).where('id', '=', row.registration_id).executeTakeFirstOrThrow();
    const link = await cancelLink(trx, ctx, row.registration_id, event);
    await queueMail(trx, { to: guest.guest_email!, ...placeMail(status, event, pageUrl(ctx, event.id), link) });
    return { ok: true, eventId: event.id, status };
  });
}

/**
 * Cancels a registration: an account's is kept as 'cancelled', a guest's is deleted. A place that
 * frees up goes to the first on the waiting list. `actor`: the account that cancelled, or 'system'.
 */
export async function cancel(db: Tx, ctx: RegistrationContext, registrationId: string, actor: string): Promise<{ ok: boolean; eventId?: string; promoted: string[] }> {
  return inTransaction(db, async (trx) => {
    const first = await trx.selectFrom('network_registration').select('event_id').where('id', '=', registrationId).executeTakeFirst();
    if (!first) return { ok: false, promoted: [] };
    const event = await lockEvent(trx, first.event_id);
    const row = await trx.selectFrom('network_registration').select(['status', 'user_id']).where('id', '=', registrationId).executeTakeFirst();
    if (!row || !event) return { ok: false, promoted: [] };
    if (row.status === 'cancelled') return { ok: true, eventId: event.id, promoted: [] };
    if (row.user_id) {
      await trx.updateTable('network_registration').set({ status: 'cancelled', cancelled_at: ctx.now, waiting_since: null }).where('id', '=', registrationId).execute();
    } else {
      await trx.deleteFrom('network_registration').where('id', '=', registrationId).execute();
    }
    await audit(trx, actor, registrationId, 'cancel', row.status, 'cancelled');
    const promoted = row.status === 'registered' ? await promoteLocked(trx, ctx, event) : [];
    return { ok: true, eventId: event.id, promoted };
  });
}

/** The signed-in person cancels their own registration for the event. */
export async function cancelForAccount(db: Tx, ctx: RegistrationContext, eventId: string, userId: string) {
  const row = await db.selectFrom('network_registration').select('id').where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
  return row ? cancel(db, ctx, row.id, userId) : { ok: false, promoted: [] };
}

/** A guest cancels through the link in their mail (the registration is deleted). */
export async function cancelByToken(db: Tx, ctx: RegistrationContext, token: string): Promise<TokenResult> {
  const check = await checkGuestToken(db, token, 'cancel', ctx.now);
  if (!check.ok) return check;
  const row = await findToken(db, token, 'cancel');
  if (!row) return { ok: false, reason: 'unknown' };
  await cancel(db, ctx, row.registration_id, 'system');
  return { ok: true, eventId: row.event_id, status: 'cancelled' };
}

/** Gives free places to the first on the waiting list (e.g. after the capacity was raised); returns who got one. */
export function promote(db: Tx, ctx: RegistrationContext, eventId: string): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const event = await lockEvent(trx, eventId);
    return event ? promoteLocked(trx, ctx, event) : [];
  });
}

async function promoteLocked(trx: Tx, ctx: RegistrationContext, event: LockedEvent): Promise<string[]> {
  if (event.status !== 'published' || ctx.now.getTime() >= new Date(event.starts_at).getTime()) return [];
  let query = trx.selectFrom('network_registration as r').leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.guest_email', 'u.email'])
    .where('r.event_id', '=', event.id).where('r.status', '=', 'waiting')
    .orderBy('r.waiting_since').orderBy('r.created_at').orderBy('r.id');
  if (event.capacity !== null) {
    const free = event.capacity - await registeredCount(trx, event.id);
    if (free <= 0) return [];
    query = query.limit(free);
  }
  const rows = await query.execute();
  for (const row of rows) {
    await trx.updateTable('network_registration').set({ status: 'registered', waiting_since: null }).where('id', '=', row.id).execute();
    await audit(trx, 'system', row.id, 'promote', 'waiting', 'registered');
    const to = row.email ?? row.guest_email;
    const cancelUrl = row.user_id ? null : await cancelLink(trx, ctx, row.id, event);
    if (to) await inLanguageOf(trx, to, () => queueMail(trx, { to, ...placeMail('promoted', event, pageUrl(ctx, event.id), cancelUrl) }));
  }
  return rows.map((row) => row.id);
}

/** Tells everyone with a place or on the waiting list that the event is cancelled (the caller has locked the event). */
export async function mailCancellation(trx: Tx, ctx: RegistrationContext, eventId: string): Promise<number> {
  const event = await trx.selectFrom('network_event').select(['id', 'title', 'starts_at', 'ends_at']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return 0;
  const rows = await trx.selectFrom('network_registration as r').leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.email', 'r.guest_email']).where('r.event_id', '=', eventId).where('r.status', 'in', ['registered', 'waiting']).execute();
  for (const row of rows) {
    const to = row.email ?? row.guest_email;
    const texts = () => m().cancelledEvent;
    if (to) await inLanguageOf(trx, to, () => queueMail(trx, { to, subject: texts().subject(event.title), body: texts().body(event.title, whenText(event.starts_at, event.ends_at), pageUrl(ctx, event.id)) + signature() }));
  }
  return rows.length;
}

function audit(trx: Tx, actor: string, registrationId: string, action: string, before: RegistrationStatus | '', after: RegistrationStatus) {
  return recordChanges(trx, actor, [{
    resourceId: registrationId, resourceType: 'network_registration', actionType: action, fieldName: 'status', previousValue: before, replacementValue: after,
  }]);
}

