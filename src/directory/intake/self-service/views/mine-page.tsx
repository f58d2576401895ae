import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CsrfField } from '../../../../platform/forms/index.ts';
import { formatDate, msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import type { Freshness } from '../../../freshness.ts';
import type { ChangeRequest, OwnService } from '../store.ts';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.selfService.mine;

export interface MineOrganization {
  id: string;
  name: string;
  /** registered by this person and not yet approved by a moderator: drafts only */
  awaitingApproval: boolean;
  services: (OwnService & { freshness: Freshness })[];
  changes: ChangeRequest[];
}

const FRESHNESS_COLOR: Record<Freshness, 'success' | 'warning' | 'danger'> = { fresh: 'success', stale: 'warning', hidden: 'danger' };

function ServiceRow({ service, csrfToken, open }: { service: MineOrganization['services'][number]; csrfToken: string; open: ChangeRequest | undefined }) {
  return (
    <li className="stack">
      {/* a hidden entry's public page answers 404 until it is confirmed: no link to it */}
      <Heading level={4} data-size="xs">{service.published && service.freshness !== 'hidden' ? <Link href={paths.service(service.id)}>{service.name}</Link> : service.name}</Heading>
      <Paragraph data-size="sm">
        {m.confirmed(formatDate(service.confirmedOn))}{' '}
        <Tag data-color={FRESHNESS_COLOR[service.freshness]} data-size="sm">{m.freshness[service.freshness]}</Tag>
      </Paragraph>
      <div className="actions">
        <form method="post" action={paths.selfService.assure(service.id)} className="inline-form">
          <CsrfField token={csrfToken} />
          <Button type="submit" variant="secondary" data-size="sm">{m.assure}</Button>
        </form>
        <Link href={open ? paths.selfService.draft(open.id) : paths.selfService.change(service.id)}>{m.edit}<span className="ds-sr-only">: {service.name}</span></Link>
      </div>
    </li>
  );
}

export function MinePage({ organizations, pendingClaims, notice, csrfToken }: { organizations: MineOrganization[]; pendingClaims: string[]; notice?: string | undefined; csrfToken: string }) {
  return (
    <PageFrame title={m.title}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph>{m.intro}</Paragraph>
      {organizations.length === 0 && <Paragraph>{m.none}</Paragraph>}
      {pendingClaims.length > 0 && <Paragraph>{m.pendingClaims}: {pendingClaims.join(', ')}</Paragraph>}
      <Paragraph><Link href={paths.selfService.start}>{m.register}</Link></Paragraph>
      {organizations.some((o) => !o.awaitingApproval) && <Paragraph><Link href={paths.imports.index}>{msg.imports.title}</Link></Paragraph>}
      {organizations.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`} className="stack">
          <Heading level={2} data-size="md" id={`org-${org.id}`}>{org.name}</Heading>
          {org.awaitingApproval && <Paragraph><Tag data-color="warning" data-size="sm">{m.awaitingApproval}</Tag> {m.awaitingApprovalText}</Paragraph>}
          <Paragraph><Link href={paths.selfService.newService(org.id)}>{m.newService}<span className="ds-sr-only">: {org.name}</span></Link></Paragraph>
          <Heading level={3} data-size="sm">{m.drafts}</Heading>
          {org.changes.length === 0 ? <Paragraph data-size="sm">{m.noDrafts}</Paragraph> : (
            <ul>
              {org.changes.map((c) => (
                <li key={c.id}>
                  <Link href={paths.selfService.draft(c.id)}>{c.proposed.name}</Link>{' '}
                  ({c.isNew ? m.newEntry : m.changeEntry}, {m.statusOf[c.status] ?? c.status})
                  {c.status === 'rejected' && c.reason && <Paragraph data-size="sm">{m.rejectedBecause(c.reason)}</Paragraph>}
                </li>
              ))}
            </ul>
          )}
          <Heading level={3} data-size="sm">{m.services}</Heading>
          {org.services.length === 0 ? <Paragraph data-size="sm">{m.noServices}</Paragraph> : (
            <ul className="stack">
              {org.services.map((s) => <ServiceRow key={s.id} service={s} csrfToken={csrfToken} open={org.changes.find((c) => c.serviceId === s.id && (c.status === 'draft' || c.status === 'submitted'))} />)}
            </ul>
          )}
        </section>
      ))}
    </PageFrame>
  );
}
