// Accounts and network roles for the courses tests, made directly in the database.
import type { Db } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { anAccount } from '../../accounts/client.ts';

export async function aNetworkOrganization(db: Db, name: string): Promise<string> {
  const id = newId();
  await db.insertInto('network_organization').values({ id, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), name, network_role: 'member', kind: 'other' }).execute();
  return id;
}

/** An account with an approved membership of `organizationId` in the given role. */
export async function aMember(db: Db, email: string, organizationId: string, role: 'coordinator' | 'member_contact' | 'participant', name?: string): Promise<string> {
  const userId = await anAccount(db, { email, ...(name ? { name } : {}) });
  await db.insertInto('network_membership').values({ id: newId(), user_id: userId, organization_id: organizationId, role, status: 'approved' }).execute();
  return userId;
}
