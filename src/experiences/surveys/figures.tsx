// The survey's aggregates as a compact section for other pages (the atlas at /dekning and the
// network's front page): answers per health region and service level in the period, cells of five or
// more only (surveyCells decides that in SQL), with links to the overview and the open CSV.
import type { ReactElement } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { HEALTH_REGIONS } from '../../reference/index.ts';
import { TERM_BY_KEY, termLabel } from '../../directory/index.ts';
import { surveyCells, type AggregateCell, type Period } from './store.ts';
import { currentPeriod } from './routes.ts';

const m = msg.experienceSurveys;

export function SurveyFigures({ period, cells }: { period: Period; cells: AggregateCell[] }) {
  const f = m.figures;
  const region = (code: string | null) => HEALTH_REGIONS.find((r) => r.code === code)?.name ?? m.overview.unknown;
  const level = (code: string | null) => (code && TERM_BY_KEY.has(`niva:${code}`) ? termLabel(`niva:${code}`) : null) || m.overview.unknown;
  return (
    <section aria-labelledby="svar-fra-brukerne" className="stack survey-figures">
      <Heading level={2} data-size="sm" id="svar-fra-brukerne">{f.heading}</Heading>
      <Paragraph data-size="sm">{f.lead}</Paragraph>
      <Paragraph data-size="sm" className="survey-period">{m.overview.period(period.from, period.to)}</Paragraph>
      {cells.length === 0 ? <Paragraph data-size="sm" className="survey-too-few">{f.none}</Paragraph> : (
        <DataTable caption={f.caption} rows={cells} rowKey={(c) => `${c.region}/${c.level}`} columns={[
          { header: f.region, cell: (c) => region(c.region), rowHeader: true },
          { header: f.level, cell: (c) => level(c.level) },
          { header: f.answers, cell: (c) => c.answers },
        ]} />
      )}
      <ul className="theme-links">
        <li><Link href={paths.experienceSurveys.overview}>{f.overview}</Link></li>
        <li><Link href={paths.experienceSurveys.csv}>{f.csv}</Link></li>
      </ul>
    </section>
  );
}

/** The section with this month's period and figures, ready to place on a page. */
export async function surveyFigures(db: Tx, now: Date): Promise<ReactElement> {
  const period = currentPeriod(now);
  return SurveyFigures({ period, cells: await surveyCells(db, period) });
}
