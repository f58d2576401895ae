import { Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { planProgress, PlanItem, ItemState } from '../planner/checklist.ts';
import type { PlanRow } from '../planner/queries.ts';
import { SETTING_BY_CODE, serviceLevelName } from '../planner/settings.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner;

/** The plan at a glance: what it is, how far each phase has come, and what is overdue. */
export function PlanOverviewPage({ plan, progress, states, notice }: { plan: PlanRow; progress: ReturnType<typeof planProgress>; states: Map<string, ItemState>; notice?: string | null }) {
  const o = m.overview;
  const c = m.create;
  return (
    <PlanLayout plan={plan} tab="overview" heading={plan.title} notice={notice}>
      <h2 className="ds-heading" data-size="sm">{o.facts}</h2>
      <dl className="facts">
        <dt>{c.organization}</dt><dd>{plan.organization_name}</dd>
        <dt>{c.setting}</dt><dd>{SETTING_BY_CODE.get(plan.setting)?.name ?? plan.setting}</dd>
        <dt>{c.municipality}</dt><dd>{plan.municipality_name}</dd>
        <dt>{c.serviceLevel}</dt><dd>{serviceLevelName(plan.service_level)}</dd>
        <dt>{m.yourRole}</dt><dd>{m.roles[plan.role]}</dd>
      </dl>
      <h2 className="ds-heading" data-size="sm">{o.progressHeading}</h2>
      <ProgressTable progress={progress} />
      <h2 className="ds-heading" data-size="sm">{o.overdueHeading}</h2>
      {progress.overdue.length === 0 ? <Paragraph>{o.noOverdue}</Paragraph> : (
        <ul className="overdue">
          {progress.overdue.map((item: PlanItem) => {
            const state = states.get(item.id)!;
            return <li key={item.id}><Link href={`${paths.handbook.planner.checklist(plan.id)}#${item.id}`}>{o.overdueItem(item.text, formatDate(state.dueDate!), state.owner)}</Link></li>;
          })}
        </ul>
      )}
    </PlanLayout>
  );
}

export function ProgressTable({ progress }: { progress: ReturnType<typeof planProgress> }) {
  const o = m.overview;
  return (
    <DataTable className="progress-table" caption={o.progressCaption} rows={progress.phases.filter((p) => p.total > 0)} rowKey={(phase) => phase.phase} columns={[
      { header: o.phase, rowHeader: true, cell: (phase) => msg.handbook.phases[phase.phase] },
      { header: o.done, cell: (phase) => phase.done },
      { header: o.notRelevant, cell: (phase) => phase.notRelevant },
      { header: o.open, cell: (phase) => phase.open },
      { header: o.complete, cell: (phase) => <><meter min={0} max={100} value={phase.percentComplete} aria-hidden="true" /> {o.percent(phase.percentComplete)}</> },
    ]} last={(
      <tr>
        <th scope="row">{o.total}</th>
        <td colSpan={3}>{progress.closed} / {progress.total}</td>
        <td><meter min={0} max={100} value={progress.percentComplete} aria-hidden="true" /> {o.percent(progress.percentComplete)}</td>
      </tr>
    )} />
  );
}
