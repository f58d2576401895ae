// The audit entries of the members part: one per changed field, as the rest of Samklang records them.
import type { AuditChange } from '../../accounts/index.ts';

type Fields = Record<string, string | null>;

/** The fields that differ between before and after (null before: created; null after: deleted). */
export function changesOf(resourceType: 'network_organization' | 'network_membership', resourceId: string, actionType: string, before: Fields | null, after: Fields | null): AuditChange[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const fieldName of names) {
    const previousValue = before?.[fieldName] ?? '';
    const replacementValue = after?.[fieldName] ?? '';
    if (previousValue !== replacementValue) changes.push({ resourceId, resourceType, actionType, fieldName, previousValue, replacementValue });
  }
  return changes;
}

/** The audited fields of a membership. */
export const membershipFields = (m: { user_id: string; organization_id: string; role: string; status: string; note?: string; reason?: string | null }): Fields =>
  ({ user_id: m.user_id, organization_id: m.organization_id, role: m.role, status: m.status, note: m.note ?? '', reason: m.reason ?? '' });
