import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatDate, nb } from '../../../platform/i18n/nb.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { FreshnessCounts } from '../queries.ts';

const m = nb.moderation.dashboard;
const STATUS = nb.selfService.form.statuses;

/** Counts by status and freshness per county, and the entries confirmed longest ago. */
export function DashboardPage({ byStatus, byCounty, oldest, pending }: {
  byStatus: { status: string; n: number }[]; byCounty: FreshnessCounts[];
  oldest: { id: string; name: string; organization_name: string; confirmed_on: string }[]; pending: number;
}) {
  const sum = (key: 'fresh' | 'stale' | 'hidden') => byCounty.reduce((total, row) => total + Number(row[key]), 0);
  return (
    <Layout title={m.title}>
      <div className="stack">
        <Heading level={1} data-size="lg">{m.title}</Heading>
        <Paragraph>{m.intro}</Paragraph>
        <Paragraph>{m.pending(pending)}</Paragraph>
        <Table>
          <caption>{m.byStatus}</caption>
          <Table.Head><Table.Row><Table.HeaderCell>{m.status}</Table.HeaderCell><Table.HeaderCell>{m.count}</Table.HeaderCell></Table.Row></Table.Head>
          <Table.Body>
            {byStatus.map((row) => <Table.Row key={row.status}><Table.HeaderCell scope="row">{STATUS[row.status] ?? row.status}</Table.HeaderCell><Table.Cell>{row.n}</Table.Cell></Table.Row>)}
          </Table.Body>
        </Table>
        <Table>
          <caption>{m.byCounty}</caption>
          <Table.Head>
            <Table.Row><Table.HeaderCell>{m.county}</Table.HeaderCell><Table.HeaderCell>{m.fresh}</Table.HeaderCell><Table.HeaderCell>{m.stale}</Table.HeaderCell><Table.HeaderCell>{m.hidden}</Table.HeaderCell></Table.Row>
          </Table.Head>
          <Table.Body>
            {byCounty.map((row) => (
              <Table.Row key={row.county ?? '-'}>
                <Table.HeaderCell scope="row">{row.county ?? m.noCounty}</Table.HeaderCell>
                <Table.Cell>{row.fresh}</Table.Cell><Table.Cell>{row.stale}</Table.Cell><Table.Cell>{row.hidden}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{m.total}</Table.HeaderCell>
              <Table.Cell>{sum('fresh')}</Table.Cell><Table.Cell>{sum('stale')}</Table.Cell><Table.Cell>{sum('hidden')}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
        <Table>
          <caption>{m.oldest}</caption>
          <Table.Head><Table.Row><Table.HeaderCell>{m.service}</Table.HeaderCell><Table.HeaderCell>{m.confirmed}</Table.HeaderCell></Table.Row></Table.Head>
          <Table.Body>
            {oldest.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell><Link href={paths.moderation.history(row.id)}>{row.name}</Link> ({row.organization_name})</Table.Cell>
                <Table.Cell>{formatDate(row.confirmed_on)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </Layout>
  );
}
