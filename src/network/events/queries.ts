// Every SQL statement about events, their agenda and who has registered. Handle first.
import { sql } from 'kysely';
import type { Db, Tx, NetworkEventKind, NetworkEventStatus } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';

/** The kinds shown here; a course run is an event too, but its page belongs to the courses. */
export const EVENT_KINDS = ['arbeidsseminar', 'nettverksmote', 'webinar'] as const satisfies readonly NetworkEventKind[];
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const satisfies readonly NetworkEventStatus[];

const EVENT_COLUMNS = [
  'e.id', 'e.kind', 'e.title', 'e.purpose', 'e.starts_at', 'e.ends_at', 'e.place', 'e.online_url', 'e.organizer_id', 'e.capacity',
  'e.registration_deadline', 'e.accessibility', 'e.status', 'e.is_demo', 'e.updated_at',
] as const;

function eventQuery(db: Tx) {
  return db.selectFrom('network_event as e').leftJoin('network_organization as o', 'o.id', 'e.organizer_id')
    .select([...EVENT_COLUMNS, 'o.name as organizer_name', 'o.slug as organizer_slug']);
}

export function findEvent(db: Tx, id: string) {
  return eventQuery(db).where('e.id', '=', id).where('e.kind', 'in', EVENT_KINDS).executeTakeFirst();
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** Upcoming (not yet ended, soonest first) and past (latest first); drafts only for the secretariat. */
export async function listEvents(db: Tx, now: Date, options: { drafts: boolean }) {
  let query = eventQuery(db).where('e.kind', 'in', EVENT_KINDS);
  if (!options.drafts) query = query.where('e.status', '!=', 'draft');
  const rows = await query.orderBy('e.starts_at').orderBy('e.id').execute();
  const upcoming = rows.filter((row) => row.ends_at.getTime() >= now.getTime());
  const past = rows.filter((row) => row.ends_at.getTime() < now.getTime()).reverse();
  return { upcoming, past };
}

/** Published events that have not ended, for the calendar feed; cancelled ones stay in it (STATUS:CANCELLED), so subscribed calendars learn of it. */
export function upcomingPublished(db: Tx, now: Date) {
  return eventQuery(db).where('e.kind', 'in', EVENT_KINDS).where('e.status', 'in', ['published', 'cancelled']).where('e.ends_at', '>=', now)
    .orderBy('e.starts_at').limit(500).execute();
}

export function agendaOf(db: Tx, eventId: string) {
  return db.selectFrom('network_agenda_item').select(['starts_at', 'ends_at', 'title']).where('event_id', '=', eventId).orderBy('position').execute();
}
export type AgendaRow = Awaited<ReturnType<typeof agendaOf>>[number];

export function organisations(db: Tx) {
  return db.selectFrom('network_organization').select(['id', 'name']).orderBy('name').execute();
}

export interface EventInput {
  kind: EventKind;
  title: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string | null;
  organizerId: string | null;
  capacity: number | null;
  registrationDeadline: Date | null;
  accessibility: string;
  status: NetworkEventStatus;
  agenda: { startsAt: Date; endsAt: Date | null; title: string }[];
}

const columnsOf = (input: EventInput) => ({
  kind: input.kind, title: input.title, purpose: input.purpose, starts_at: input.startsAt, ends_at: input.endsAt, place: input.place,
  online_url: input.onlineUrl, organizer_id: input.organizerId, capacity: input.capacity, registration_deadline: input.registrationDeadline,
  accessibility: input.accessibility, status: input.status,
});

/** What the audit log holds per field: text, times as ISO strings, the agenda as its lines. */
function auditValues(input: EventInput): Record<string, string> {
  const iso = (d: Date | null) => (d ? d.toISOString() : '');
  return {
    kind: input.kind, title: input.title, purpose: input.purpose, starts_at: iso(input.startsAt), ends_at: iso(input.endsAt), place: input.place,
    online_url: input.onlineUrl ?? '', organizer_id: input.organizerId ?? '', capacity: input.capacity === null ? '' : String(input.capacity),
    registration_deadline: iso(input.registrationDeadline), accessibility: input.accessibility, status: input.status,
    agenda: input.agenda.map((item) => `${iso(item.startsAt)} ${iso(item.endsAt)} ${item.title}`).join('\n'),
  };
}

async function writeAgenda(trx: Tx, eventId: string, agenda: EventInput['agenda']) {
  await trx.deleteFrom('network_agenda_item').where('event_id', '=', eventId).execute();
  if (agenda.length === 0) return;
  await trx.insertInto('network_agenda_item').values(agenda.map((item, position) => ({
    id: newId(), event_id: eventId, position, starts_at: item.startsAt, ends_at: item.endsAt, title: item.title,
  }))).execute();
}

export async function createEvent(db: Db, input: EventInput, actor: string, isDemo = false): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('network_event').values({ id, ...columnsOf(input), is_demo: isDemo, created_by: isDemo || actor === 'system' ? null : actor }).execute();
    await writeAgenda(trx, id, input.agenda);
    const changes: AuditChange[] = Object.entries(auditValues(input)).filter(([, value]) => value !== '').map(([fieldName, value]) => ({
      resourceId: id, resourceType: 'network_event', actionType: 'create', fieldName, previousValue: '', replacementValue: value,
    }));
    await recordChanges(trx, actor, changes);
  });
  return id;
}

/** Saves an edit (the caller's transaction, which has locked the event); audits each changed field. */
export async function updateEvent(trx: Tx, id: string, before: EventInput, input: EventInput, actor: string): Promise<void> {
  await trx.updateTable('network_event').set({ ...columnsOf(input), updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  await writeAgenda(trx, id, input.agenda);
  const old = auditValues(before);
  const changes: AuditChange[] = Object.entries(auditValues(input)).filter(([field, value]) => old[field] !== value).map(([fieldName, value]) => ({
    resourceId: id, resourceType: 'network_event', actionType: 'update', fieldName, previousValue: old[fieldName] ?? '', replacementValue: value,
  }));
  await recordChanges(trx, actor, changes);
}

/** The stored event as the form's input, to compare an edit against. */
export function inputOf(event: EventRow, agenda: AgendaRow[]): EventInput {
  return {
    kind: event.kind as EventKind, title: event.title, purpose: event.purpose, startsAt: event.starts_at, endsAt: event.ends_at, place: event.place,
    onlineUrl: event.online_url, organizerId: event.organizer_id, capacity: event.capacity, registrationDeadline: event.registration_deadline,
    accessibility: event.accessibility, status: event.status,
    agenda: agenda.map((item) => ({ startsAt: item.starts_at, endsAt: item.ends_at, title: item.title })),
  };
}

export async function registrationCounts(db: Tx, eventId: string): Promise<{ registered: number; waiting: number }> {
  const rows = await db.selectFrom('network_registration').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId).where('status', 'in', ['registered', 'waiting']).groupBy('status').execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return { registered: count('registered'), waiting: count('waiting') };
}

/** The signed-in person's own registration for the event, if any (cancelled ones included). */
export function ownRegistration(db: Tx, eventId: string, userId: string) {
  return db.selectFrom('network_registration')
    .select(['id', 'status', 'needs_dietary', 'needs_accessibility', 'needs_interpretation', 'needs'])
    .where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
}

/** Names of those who hold a place: what network members may see (never needs or addresses). */
export async function participantNames(db: Tx, eventId: string): Promise<(string | null)[]> {
  const rows = await db.selectFrom('network_registration as r').leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(sql<string | null>`coalesce(nullif(u.name, ''), r.guest_name)`.as('name'))
    .where('r.event_id', '=', eventId).where('r.status', '=', 'registered').orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** Everyone registered, waiting or not yet confirmed, with address and needs: for the event's organisers only. */
export function organiserList(db: Tx, eventId: string) {
  return db.selectFrom('network_registration as r').leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select([
      'r.id', 'r.status', 'r.created_at', 'r.waiting_since', 'r.needs_dietary', 'r.needs_accessibility', 'r.needs_interpretation', 'r.needs',
      sql<string | null>`coalesce(nullif(u.name, ''), r.guest_name)`.as('name'),
      sql<string>`coalesce(u.email, r.guest_email)`.as('email'),
      sql<boolean>`r.user_id is null`.as('guest'),
    ])
    .where('r.event_id', '=', eventId).where('r.status', 'in', ['registered', 'waiting', 'unconfirmed'])
    .orderBy(sql`case r.status when 'registered' then 0 when 'waiting' then 1 else 2 end`)
    .orderBy('r.waiting_since').orderBy('r.created_at').orderBy('r.id').execute();
}
export type OrganiserRow = Awaited<ReturnType<typeof organiserList>>[number];
