// People for the evidence library's tests: a coordinator (secretariat without being a site admin),
// a network participant and an ordinary account.
import { readFileSync } from 'node:fs';
import type { Db } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { anAccount } from '../../accounts/client.ts';

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/evidence/${name}`, import.meta.url), 'utf8');

export const PEOPLE = {
  coordinator: 'koordinator@nettverk.example',
  participant: 'deltaker@nettverk.example',
  outsider: 'vanlig@example.no',
} as const;

export async function evidencePeople(db: Db): Promise<{ coordinatorId: string }> {
  const organizationId = newId();
  await db.insertInto('network_organization').values({
    id: organizationId, slug: 'testsekretariat-fiktiv', name: 'Testsekretariatet (fiktiv)', network_role: 'secretariat', kind: 'other', is_demo: true,
  }).execute();
  const coordinatorId = await anAccount(db, { email: PEOPLE.coordinator, name: 'Kari Koordinator (fiktiv)' });
  const participantId = await anAccount(db, { email: PEOPLE.participant, name: 'Dag Deltaker (fiktiv)' });
  await anAccount(db, { email: PEOPLE.outsider });
  await db.insertInto('network_membership').values([
    { id: newId(), user_id: coordinatorId, organization_id: organizationId, role: 'coordinator', status: 'approved' },
    { id: newId(), user_id: participantId, organization_id: organizationId, role: 'participant', status: 'approved' },
  ]).execute();
  return { coordinatorId };
}
