import type { ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg, nb } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { PlanRow } from '../planner/queries.ts';

export type PlanTab = keyof typeof nb.handbook.planner.nav;
const p = paths.handbook.planner;
const TABS: { tab: Exclude<PlanTab, 'label'>; href: (id: string) => string }[] = [
  { tab: 'overview', href: p.plan },
  { tab: 'checklist', href: p.checklist },
  { tab: 'readiness', href: p.readiness },
  { tab: 'businessCase', href: p.businessCase },
  { tab: 'memo', href: p.memo },
  { tab: 'local', href: p.local },
  { tab: 'documents', href: p.documents },
  { tab: 'members', href: p.members },
];

/** Every plan page: the plan's name, the navigation between its parts, and a notice for readers and saves. */
export function PlanLayout({ plan, tab, heading, notice, children }: { plan: PlanRow; tab: Exclude<PlanTab, 'label'>; heading: string; notice?: string | null; children: ReactNode }) {
  const m = msg.handbook.planner;
  return (
    <Layout title={`${heading} – ${plan.title}`}>
      <Paragraph data-size="sm"><Link href={p.index}>{m.indexTitle}</Link></Paragraph>
      <Paragraph className="plan-name">{plan.title} · {plan.organization_name}</Paragraph>
      <nav aria-label={m.nav.label} className="plan-nav">
        <ul>
          {TABS.map(({ tab: t, href }) => (
            <li key={t}><a href={href(plan.id)} aria-current={t === tab ? 'page' : undefined}>{m.nav[t]}</a></li>
          ))}
        </ul>
      </nav>
      <Heading level={1} data-size="lg">{heading}</Heading>
      {notice && <Alert data-color="success" role="status">{notice}</Alert>}
      {plan.role === 'viewer' && <Alert data-color="info">{m.readOnly}</Alert>}
      <div className="plan-page">{children}</div>
    </Layout>
  );
}
