// Who may see what of an event (decided here, documented in docs/architecture.md):
// - organisers: the secretariat, and the approved member contacts and coordinators of the event's
//   organiser organisation. They see everyone registered with address and needs, and write the minutes.
// - network members (any approved membership): the participant list, names only.
// - everyone else: the event itself, its agenda and the counts.
// Only the secretariat creates and edits events (networkGuards(db).requireSecretariat).
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../platform/db/index.ts';
import { networkRoles } from '../roles.ts';

export interface EventAccess {
  secretariat: boolean;
  organiser: boolean;
  member: boolean;
}

export async function eventAccess(db: Tx, request: FastifyRequest, event: { organizer_id: string | null }): Promise<EventAccess> {
  const roles = await networkRoles(db, request);
  const organiser = roles.secretariat || (event.organizer_id !== null && roles.contactOf.includes(event.organizer_id));
  return { secretariat: roles.secretariat, organiser, member: roles.member || organiser };
}
