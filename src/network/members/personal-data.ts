// The members part of "download my data" and of account deletion: a person's memberships of network
// organisations (requests included). Deletion removes them (the foreign key cascades); a decision
// someone made on another person's request keeps the request but loses the decider's id.
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { DataSubject, DeletionNotice, PersonalDataSource } from '../../accounts/index.ts';

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const memberships = await db.selectFrom('network_membership as m').innerJoin('network_organization as o', 'o.id', 'm.organization_id')
    .select(['o.name as organization', 'm.role', 'm.status', 'm.note', 'm.requested_at', 'm.decided_at', 'm.reason'])
    .where('m.user_id', '=', subject.id).orderBy('m.requested_at').execute();
  return { networkMemberships: memberships };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  await db.deleteFrom('network_membership').where('user_id', '=', subject.id).execute();
}

/** Said on the confirm page: which memberships and requests deletion ends. */
async function notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null> {
  const m = msg.networkMembers;
  const rows = await db.selectFrom('network_membership as m').innerJoin('network_organization as o', 'o.id', 'm.organization_id')
    .select(['o.name', 'm.role', 'm.status']).where('m.user_id', '=', subject.id).execute();
  if (rows.length === 0) return null;
  return {
    id: 'medlemskap-som-slettes',
    heading: m.deletion.heading,
    items: rows.map((row) => m.deletion.item(row.name, m.myPage.roleAndStatus(m.roles[row.role], m.statuses[row.status]))).sort((a, b) => a.localeCompare(b, 'nb')),
  };
}

export const membershipPersonalData: PersonalDataSource = { collect, notice, erase };
