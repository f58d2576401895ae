import { Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import type { FreshnessCounts } from '../queries.ts';
import { DataTable } from '../../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.moderation.dashboard;
const STATUS = msg.selfService.form.statuses;

/** Counts by status and freshness per county, and the entries confirmed longest ago. */
export function DashboardPage({ byStatus, byCounty, oldest, pending }: {
  byStatus: { status: string; n: number }[]; byCounty: FreshnessCounts[];
  oldest: { id: string; name: string; organization_name: string; confirmed_on: string }[]; pending: number;
}) {
  const sum = (key: 'fresh' | 'stale' | 'hidden') => byCounty.reduce((total, row) => total + Number(row[key]), 0);
  return (
    <PageFrame title={m.title}>
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph>{m.pending(pending)}</Paragraph>
      <DataTable caption={m.byStatus} rows={byStatus} rowKey={(row) => row.status} columns={[
        { header: m.status, rowHeader: true, cell: (row) => STATUS[row.status] ?? row.status },
        { header: m.count, cell: (row) => row.n },
      ]} />
      <DataTable caption={m.byCounty} rows={byCounty} rowKey={(row) => row.county ?? '-'} columns={[
        { header: m.county, rowHeader: true, cell: (row) => row.county ?? m.noCounty },
        { header: m.fresh, cell: (row) => row.fresh },
        { header: m.stale, cell: (row) => row.stale },
        { header: m.hidden, cell: (row) => row.hidden },
      ]} last={(
        <tr>
          <th scope="row">{m.total}</th>
          <td>{sum('fresh')}</td><td>{sum('stale')}</td><td>{sum('hidden')}</td>
        </tr>
      )} />
      <DataTable caption={m.oldest} rows={oldest} rowKey={(row) => row.id} columns={[
        { header: m.service, cell: (row) => <><Link href={paths.moderation.history(row.id)}>{row.name}</Link> ({row.organization_name})</> },
        { header: m.confirmed, cell: (row) => formatDate(row.confirmed_on) },
      ]} />
    </PageFrame>
  );
}
