import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg, formatDecimal } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { Period } from '../store.ts';

const m = msg.experienceSurveys.overview;

export interface OverviewRow { region: string; level: string; question: string; answers: number; average: number | null }

/** Aggregates per health region and service level (cells of five answers or more only), with the open CSV. */
export function OverviewPage({ period, rows }: { period: Period; rows: OverviewRow[] }) {
  return (
    <PageFrame title={m.title} className="stack">
      <Paragraph>{m.lead}</Paragraph>
      <Paragraph>{m.period(period.from, period.to)}</Paragraph>
      {rows.length === 0 ? <Paragraph className="survey-too-few">{m.none}</Paragraph> : (
        <DataTable caption={m.caption} rows={rows} rowKey={(r) => `${r.region}/${r.level}/${r.question}`} columns={[
          { header: m.region, cell: (r) => r.region },
          { header: m.level, cell: (r) => r.level },
          { header: m.question, cell: (r) => r.question, rowHeader: true },
          { header: m.answers, cell: (r) => r.answers },
          { header: m.average, cell: (r) => (r.average === null ? '–' : formatDecimal(r.average, 1)) },
        ]} />
      )}
      <Paragraph><Link href={paths.experienceSurveys.csv}>{m.csv}</Link></Paragraph>
    </PageFrame>
  );
}
