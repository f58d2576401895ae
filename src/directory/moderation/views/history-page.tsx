import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { AuditRecord } from '../../../accounts/index.ts';
import { formatDateTime as when, nb } from '../../../platform/i18n/nb.ts';
import { Layout } from '../../../platform/views/layout.tsx';

const m = nb.moderation.history;

/** The append-only audit log of one entry, for admins. */
export function HistoryPage({ name, records }: { name: string; records: AuditRecord[] }) {
  return (
    <Layout title={m.title(name)}>
      <div className="stack">
        <Heading level={1} data-size="lg">{m.title(name)}</Heading>
        <Paragraph>{m.intro}</Paragraph>
        {records.length === 0 ? <Paragraph>{m.empty}</Paragraph> : (
          <Table>
            <caption>{m.caption(records.length)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{m.when}</Table.HeaderCell><Table.HeaderCell>{m.who}</Table.HeaderCell><Table.HeaderCell>{m.action}</Table.HeaderCell>
                <Table.HeaderCell>{m.field}</Table.HeaderCell><Table.HeaderCell>{m.before}</Table.HeaderCell><Table.HeaderCell>{m.after}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {records.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{when(r.lastActionDate)}</Table.Cell>
                  <Table.Cell>{r.updatedBy}</Table.Cell>
                  <Table.Cell>{m.actions[r.lastActionType] ?? r.lastActionType}</Table.Cell>
                  <Table.Cell>{r.resourceType === 'service' ? r.fieldName : `${r.resourceType}.${r.fieldName}`}</Table.Cell>
                  <Table.Cell>{r.previousValue || '–'}</Table.Cell>
                  <Table.Cell>{r.replacementValue || '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </Layout>
  );
}
