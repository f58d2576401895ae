import { sql } from 'kysely';
import { newId } from '../platform/ids.ts';
import { sha256 } from './crypto.ts';
import type { AccountsTx } from './tables.ts';

/** One changed field, in the shape of an HSDS 3.0 metadata record. */
export interface AuditChange {
  resourceId: string;
  resourceType: 'service' | 'organization' | 'location' | 'organization_editor';
  actionType: string;
  fieldName: string;
  previousValue: string;
  replacementValue: string;
}

/** Who made a change: an account id, or 'system' for the application itself. Never an email. */
export type Actor = string;

/** Appends changes to the audit log (the database rejects any later update or delete). */
export async function recordChanges(db: AccountsTx, actor: Actor, changes: AuditChange[], changeRequestId: string | null = null): Promise<void> {
  if (changes.length === 0) return;
  const now = new Date();
  await db.insertInto('audit_log').values(changes.map((c) => ({
    id: newId(), resource_id: c.resourceId, resource_type: c.resourceType, last_action_date: now,
    last_action_type: c.actionType, field_name: c.fieldName, previous_value: c.previousValue,
    replacement_value: c.replacementValue, updated_by: actor, change_request_id: changeRequestId,
  }))).execute();
}

/** What a deleted account is shown as in the log: stable, and not the email. */
export const pseudonym = (userId: string): string => `Slettet bruker ${sha256(userId).slice(0, 8)}`;

export interface AuditRecord {
  id: string;
  resourceId: string;
  resourceType: string;
  lastActionDate: Date;
  lastActionType: string;
  fieldName: string;
  previousValue: string;
  replacementValue: string;
  /** the account's email while it exists, else its pseudonym, or 'system' */
  updatedBy: string;
}

/** The history of one entry (a service and its locations, or an organisation), newest first. */
export async function auditTrail(db: AccountsTx, resourceIds: string[]): Promise<AuditRecord[]> {
  if (resourceIds.length === 0) return [];
  const rows = await db.selectFrom('audit_log as a')
    .leftJoin('app_user as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('a.updated_by')))
    .select(['a.id', 'a.resource_id', 'a.resource_type', 'a.last_action_date', 'a.last_action_type', 'a.field_name',
      'a.previous_value', 'a.replacement_value', 'a.updated_by', 'u.email'])
    .where('a.resource_id', 'in', resourceIds)
    .orderBy('a.last_action_date', 'desc').orderBy('a.field_name').execute();
  return rows.map((r) => ({
    id: r.id, resourceId: r.resource_id, resourceType: r.resource_type, lastActionDate: r.last_action_date,
    lastActionType: r.last_action_type, fieldName: r.field_name, previousValue: r.previous_value,
    replacementValue: r.replacement_value,
    updatedBy: r.email ?? (r.updated_by === 'system' ? 'system' : pseudonym(r.updated_by)),
  }));
}
