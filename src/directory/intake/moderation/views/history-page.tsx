import { Paragraph } from '@digdir/designsystemet-react';
import type { AuditRecord } from '../../../../accounts/index.ts';
import { formatDateTime as when, msg } from '../../../../platform/i18n/index.ts';
import { DataTable } from '../../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';
import { paths } from '../../../../platform/paths.ts';

const m = msg.moderation.history;

/** The append-only audit log of one entry, for admins. */
export function HistoryPage({ name, records }: { name: string; records: AuditRecord[] }) {
  return (
    <PageFrame title={m.title(name)}>
      <Paragraph>{m.intro}</Paragraph>
      {records.some((r) => r.importRunId) && <Paragraph>{m.importNote}</Paragraph>}
      {records.length === 0 ? <Paragraph>{m.empty}</Paragraph> : (
        <DataTable caption={m.caption(records.length)} rows={records} rowKey={(r) => r.id} columns={[
          { header: m.when, cell: (r) => when(r.lastActionDate) },
          { header: m.who, cell: (r) => r.updatedBy },
          { header: m.action, cell: (r) => {
            const action = m.actions[r.lastActionType] ?? r.lastActionType;
            return r.importRunId ? <a href={paths.imports.run(r.importRunId)}>{action}</a> : action;
          } },
          { header: m.field, cell: (r) => (r.resourceType === 'service' ? r.fieldName : `${r.resourceType}.${r.fieldName}`) },
          { header: m.before, cell: (r) => r.previousValue || '–' },
          { header: m.after, cell: (r) => r.replacementValue || '–' },
        ]} />
      )}
    </PageFrame>
  );
}
