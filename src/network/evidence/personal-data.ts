// The evidence library's part of "download my data" and of account deletion: which entries a
// person added or marked checked. Deletion keeps the entries and the audit log's record of the
// change, and removes the person's id from them (the foreign keys also set it null).
import type { Tx } from '../../platform/db/index.ts';
import type { DataSubject, PersonalDataSource } from '../../accounts/index.ts';

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const added = await db.selectFrom('evidence_entry').select(['key', 'title', 'created_at']).where('created_by', '=', subject.id).orderBy('created_at').execute();
  const checked = await db.selectFrom('evidence_entry').select(['key', 'title', 'checked_at']).where('checked_by', '=', subject.id).orderBy('checked_at').execute();
  return { evidenceEntriesAdded: added, evidenceEntriesChecked: checked };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  await db.updateTable('evidence_entry').set({ created_by: null }).where('created_by', '=', subject.id).execute();
  await db.updateTable('evidence_entry').set({ checked_by: null }).where('checked_by', '=', subject.id).execute();
}

export const evidencePersonalData: PersonalDataSource = { collect, notice: async () => null, erase };
