import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDate, formatNumber, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import type { ActionStatus } from '../../../platform/db/index.ts';
import type { IdeaRow } from '../queries.ts';
import type { ActionRow } from '../action-queries.ts';

const m = msg.networkIdeas;
const p = paths.network.ideas;

export const DemoTag = ({ show }: { show: boolean }) => (show ? <Tag data-color="info" data-size="sm">{m.demoTag}</Tag> : null);

const STATUS_COLOR = { planlagt: 'neutral', i_gang: 'info', ferdig: 'success', lagt_bort: 'warning' } as const satisfies Record<ActionStatus, string>;
export const StatusTag = ({ status }: { status: ActionStatus }) => <Tag data-color={STATUS_COLOR[status]} data-size="sm">{m.statuses[status]}</Tag>;

/** Progress as text and as a bar; the bar is a native progressbar with its own name, the text says the same. */
export function Progress({ percent, title }: { percent: number; title: string }) {
  return (
    <p className="ds-paragraph progress-line" data-size="sm">
      <progress value={percent} max={100} aria-label={m.progressLabel(title)}>{formatNumber(percent / 100, { style: 'percent' })}</progress>
      <span>{m.progress(percent)}</span>
    </p>
  );
}

export function IdeaCard({ idea, level = 3 }: { idea: IdeaRow; level?: 2 | 3 }) {
  return (
    <li className="idea-card">
      <Heading level={level} data-size="xs"><Link href={p.idea(idea.id)}>{idea.title}</Link></Heading>
      <Paragraph data-size="sm" className="meta-line">
        <Tag data-color="neutral" data-size="sm">{m.themes[idea.theme]}</Tag>
        <DemoTag show={idea.is_demo} />
        {idea.event_id && idea.event_title && (
          <span>{idea.source === 'seminar' ? m.fromSeminar : m.atEvent} <Link href={paths.network.events.event(idea.event_id)}>{idea.event_title}</Link></span>
        )}
      </Paragraph>
      <Paragraph data-size="sm">
        {m.supports(idea.supports)} · {m.comments(idea.comments)} · {m.submitted(formatDate(idea.created_at))}
      </Paragraph>
      <Paragraph data-size="sm">
        {idea.action_id && idea.action_title && idea.action_status
          ? <>{m.becameAction} <Link href={p.action(idea.action_id)}>{idea.action_title}</Link> <StatusTag status={idea.action_status} /></>
          : m.awaiting}
      </Paragraph>
    </li>
  );
}

export function ActionCard({ action }: { action: ActionRow }) {
  return (
    <li className="action-card">
      <Heading level={3} data-size="xs"><Link href={p.action(action.id)}>{action.title}</Link></Heading>
      <Paragraph data-size="sm" className="meta-line">
        <StatusTag status={action.status} />
        <DemoTag show={action.is_demo} />
        <span>{m.responsible}: {action.organization_name ?? m.noOrganization}</span>
        {action.due_date && <span>{m.dueDate}: {formatDate(action.due_date)}</span>}
      </Paragraph>
      <Progress percent={action.progress} title={action.title} />
    </li>
  );
}
