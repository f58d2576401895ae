import type { Tx } from '../../../platform/db/index.ts';
import { sql } from 'kysely';
import { recordChanges } from '../../../accounts/index.ts';
import type { ServiceAggregate } from '../../model.ts';
import { insertServiceParts, insertServices, reindexServices, serviceRow } from '../../write.ts';
import { osloToday } from '../../freshness.ts';
import { loadServiceAggregate } from '../../queries.ts';
import { diffServices, toAuditChanges, type FieldChange } from './diff.ts';

/** Removes everything of a service but its row (and what hangs on the row: reports, reminders). */
async function removeServiceParts(db: Tx, serviceId: string): Promise<void> {
  const locations = db.selectFrom('service_at_location').select('location_id').where('service_id', '=', serviceId);
  await db.deleteFrom('attribute').where((eb) => eb.or([eb('link_id', '=', serviceId), eb('link_id', 'in', locations)])).execute();
  // locations belong to one service in our model, so they go with it (address, accessibility cascade)
  const ids = (await locations.execute()).map((l) => l.location_id);
  await db.deleteFrom('service_at_location').where('service_id', '=', serviceId).execute();
  if (ids.length > 0) await db.deleteFrom('location').where('id', 'in', ids).execute();
  for (const table of ['language', 'phone', 'contact', 'schedule', 'service_translation'] as const) await db.deleteFrom(table).where('service_id', '=', serviceId).execute();
}

/**
 * Makes a proposal the public entry, in the caller's transaction: inserts or replaces the service
 * with all its parts, appends every changed field to the audit log, and re-indexes it for the finder.
 */
export async function publishService(db: Tx, proposed: ServiceAggregate, actor: string, changeRequestId: string | null, confirms: boolean): Promise<FieldChange[]> {
  const before = await loadServiceAggregate(db, proposed.id);
  const changes = diffServices(before ?? null, proposed);
  if (!before) {
    await insertServices(db, [proposed]);
  } else {
    await removeServiceParts(db, proposed.id);
    // a change request edits the entry, never which organisation it belongs to or whether it is demo data
    const { id: _id, organization_id: _organization, is_demo: _demo, ...editable } = serviceRow(proposed);
    await db.updateTable('service').set({ ...editable, last_modified: sql`now()` }).where('id', '=', proposed.id).execute();
    await insertServiceParts(db, [proposed]);
  }
  if (confirms) await db.updateTable('service').set({ assurer_email: await assurerAddress(db, proposed.organizationId) }).where('id', '=', proposed.id).execute();
  await recordChanges(db, actor, toAuditChanges(changes, before ? 'update' : 'create'), changeRequestId);
  await reindexServices(db, [proposed.id]);
  return changes;
}

/**
 * The address published as HSDS assurer_email when an editor confirms an entry: the organisation's
 * own (role) address, or nothing. Never the confirming person's login: assurer_email is public in
 * every HSDS form, and who confirmed is already in the audit log, which only moderators read.
 */
async function assurerAddress(db: Tx, organizationId: string): Promise<string | null> {
  const org = await db.selectFrom('organization').select('email').where('id', '=', organizationId).executeTakeFirst();
  return org?.email ?? null;
}

/** "Bekreft at opplysningene stemmer": today's date and the organisation as assurer, audited (with the person), and fresh in the finder. */
export async function assureService(db: Tx, serviceId: string, actor: string): Promise<string> {
  const today = osloToday();
  const before = await db.selectFrom('service').select(['assured_date', 'organization_id']).where('id', '=', serviceId).executeTakeFirstOrThrow();
  // assured_date is in every HSDS form, and a confirmation can bring a hidden entry back: consumers that sync must see it
  await db.updateTable('service').set({ assured_date: today, assurer_email: await assurerAddress(db, before.organization_id), last_modified: sql`now()` })
    .where('id', '=', serviceId).execute();
  await recordChanges(db, actor, [
    { resourceId: serviceId, resourceType: 'service', actionType: 'assure', fieldName: 'assured_date', previousValue: before.assured_date ?? '', replacementValue: today },
  ]);
  await reindexServices(db, [serviceId]);
  return today;
}
