import type { Tx } from '../../../platform/db/index.ts';
import { recordChanges } from '../../../accounts/index.ts';
import { reindexServices, touchServices } from '../../write.ts';

/**
 * A moderator approved a claim on an organisation registered through self-service: the
 * organisation is published from now on (with any services it has, which the finder then indexes).
 */
export async function approveOrganization(db: Tx, organizationId: string, moderator: string): Promise<void> {
  await db.updateTable('organization').set({ awaiting_approval: false }).where('id', '=', organizationId).execute();
  await recordChanges(db, moderator, [
    { resourceId: organizationId, resourceType: 'organization', actionType: 'approve', fieldName: 'awaiting_approval', previousValue: 'true', replacementValue: 'false' },
  ]);
  const services = await db.selectFrom('service').select('id').where('organization_id', '=', organizationId).execute();
  // published from now on: consumers that sync with modified_after find them as changed now
  await touchServices(db, services.map((s) => s.id));
  if (services.length > 0) await reindexServices(db, services.map((s) => s.id));
}

/**
 * A moderator rejected the registration of a new organisation: unless someone else still asks for it
 * or it has entries, it is removed with its number (so the real organisation can register it) and
 * the drafts made for it. Returns whether it was removed.
 */
export async function dropRegistration(db: Tx, organizationId: string, moderator: string): Promise<boolean> {
  const removed = await db.deleteFrom('organization').where('id', '=', organizationId).where('awaiting_approval', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('organization_claim').select('id').whereRef('organization_id', '=', 'organization.id').where('status', '=', 'pending'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('service').select('id').whereRef('organization_id', '=', 'organization.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('location').select('id').whereRef('organization_id', '=', 'organization.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('organization as child').select('child.id').whereRef('child.parent_organization_id', '=', 'organization.id'))))
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) return false;
  await recordChanges(db, moderator, [
    { resourceId: organizationId, resourceType: 'organization', actionType: 'reject', fieldName: 'awaiting_approval', previousValue: 'true', replacementValue: '' },
  ]);
  return true;
}
