import { sql } from 'kysely';
import { newId } from '../platform/ids.ts';
import { sha256 } from '../platform/crypto.ts';
import type { Tx } from '../platform/db/index.ts';

/** One changed field, in the shape of an HSDS 3.0 metadata record. */
export interface AuditChange {
  resourceId: string;
  /** an entry ('service', 'organization', 'location'), a part of one (an HSDS table name such as 'phone'), or 'organization_editor' */
  resourceType: string;
  actionType: string;
  fieldName: string;
  previousValue: string;
  replacementValue: string;
}

/** Who made a change: an account id, or 'system' for the application itself. Never an email. */
export type Actor = string;

/** Appends changes to the audit log (the database rejects any later update or delete). */
export async function recordChanges(db: Tx, actor: Actor, changes: AuditChange[], changeRequestId: string | null = null): Promise<void> {
  if (changes.length === 0) return;
  const now = new Date();
  await db.insertInto('audit_log').values(changes.map((c) => ({
    id: newId(), resource_id: c.resourceId, resource_type: c.resourceType, last_action_date: now,
    last_action_type: c.actionType, field_name: c.fieldName, previous_value: c.previousValue,
    replacement_value: c.replacementValue, updated_by: actor, change_request_id: changeRequestId,
  }))).execute();
}

const BULK_ROWS = 20_000;

/**
 * Appends many changes at once (an import can change millions of fields): one statement per
 * 20,000 changes, each column bound as one array, so the bind-parameter limit never applies.
 */
export async function recordManyChanges(db: Tx, actor: Actor, changes: AuditChange[], importRunId: string): Promise<void> {
  for (let i = 0; i < changes.length; i += BULK_ROWS) {
    const slice = changes.slice(i, i + BULK_ROWS);
    const column = (pick: (c: AuditChange) => string) => slice.map(pick);
    await sql`insert into audit_log (id, resource_id, resource_type, last_action_date, last_action_type, field_name, previous_value, replacement_value, updated_by, import_run_id)
      select gen_random_uuid(), r.resource_id, r.resource_type, now(), r.action_type, r.field_name, r.previous_value, r.replacement_value, ${actor}, ${importRunId}::uuid
      from unnest(${column((c) => c.resourceId)}::uuid[], ${column((c) => c.resourceType)}::text[], ${column((c) => c.actionType)}::text[],
        ${column((c) => c.fieldName)}::text[], ${column((c) => c.previousValue)}::text[], ${column((c) => c.replacementValue)}::text[])
        as r (resource_id, resource_type, action_type, field_name, previous_value, replacement_value)`.execute(db);
  }
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
  /** the import run that made the change, whose record holds the source (an import's entry for a new service stands for the rows created with it) */
  importRunId: string | null;
}

/** The history of one entry (a service and its locations, or an organisation), newest first. */
export async function auditTrail(db: Tx, resourceIds: string[]): Promise<AuditRecord[]> {
  if (resourceIds.length === 0) return [];
  const rows = await db.selectFrom('audit_log as a')
    .leftJoin('app_user as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('a.updated_by')))
    .select(['a.id', 'a.resource_id', 'a.resource_type', 'a.last_action_date', 'a.last_action_type', 'a.field_name',
      'a.previous_value', 'a.replacement_value', 'a.updated_by', 'a.import_run_id', 'u.email'])
    .where('a.resource_id', 'in', resourceIds)
    .orderBy('a.last_action_date', 'desc').orderBy('a.field_name').execute();
  return rows.map((r) => ({
    id: r.id, resourceId: r.resource_id, resourceType: r.resource_type, lastActionDate: r.last_action_date,
    lastActionType: r.last_action_type, fieldName: r.field_name, previousValue: r.previous_value,
    replacementValue: r.replacement_value,
    updatedBy: r.email ?? (r.updated_by === 'system' ? 'system' : pseudonym(r.updated_by)),
    importRunId: r.import_run_id,
  }));
}
