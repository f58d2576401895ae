// Events, accounts and network roles for the events tests, written straight to the database.
import type { Db } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { createEvent, type EventInput } from '../../../src/network/events/queries.ts';
import { anAccount } from '../../accounts/client.ts';

export const DAY = 86_400_000;

/** A published seminar `daysAhead` days from now (negative: in the past), 3 hours long. */
export function anEvent(db: Db, options: Partial<EventInput> & { daysAhead?: number } = {}): Promise<string> {
  const { daysAhead = 14, ...rest } = options;
  const startsAt = new Date(Date.now() + daysAhead * DAY);
  return createEvent(db, {
    kind: 'arbeidsseminar', title: 'Seminar om tilgang', purpose: 'Å finne tiltak.', startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
    place: 'Møterom 1, Oslo', onlineUrl: null, organizerId: null, capacity: null, registrationDeadline: null, accessibility: 'Trinnfri adkomst.',
    status: 'published', agenda: [], ...rest,
  }, 'system');
}

export async function anOrganisation(db: Db, slug: string): Promise<string> {
  const id = newId();
  await db.insertInto('network_organization').values({ id, slug, name: `Organisasjon ${slug}`, network_role: 'member', kind: 'other' }).execute();
  return id;
}

/** An account with an approved membership of `organizationId` in the given role. */
export async function aMember(db: Db, email: string, organizationId: string, role: 'coordinator' | 'member_contact' | 'participant', name?: string): Promise<string> {
  const userId = await anAccount(db, { email, name: name ?? email.split('@')[0]! });
  await db.insertInto('network_membership').values({ id: newId(), user_id: userId, organization_id: organizationId, role, status: 'approved' }).execute();
  return userId;
}

export async function statuses(db: Db, eventId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('network_registration').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('event_id', '=', eventId).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}
