import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { CsrfField } from '../../../../platform/forms/index.ts';
import { formatDate, msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import type { QueueItem } from '../queries.ts';
import type { RunSummary } from '../../imports/index.ts';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.moderation.queue;

export interface QueueProps {
  changes: QueueItem[];
  claims: { id: string; note: string; created_at: Date; organization_name: string; awaiting_approval: boolean; organization_number: string | null; email: string }[];
  reports: { id: string; message: string; reporter_email: string | null; created_at: Date; service_id: string; service_name: string; public_page: boolean }[];
  /** editors' imports waiting for a decision */
  imports: RunSummary[];
  csrfToken: string;
  notice?: string | undefined;
}

export function QueuePage({ changes, claims, reports, imports, csrfToken, notice }: QueueProps) {
  return (
    <PageFrame title={m.title}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph>{m.intro}</Paragraph>
      <ul>
        <li><Link href={paths.moderation.dashboard}>{m.links.dashboard}</Link></li>
        <li><Link href={paths.moderation.outbox}>{m.links.outbox}</Link></li>
        <li><Link href={paths.imports.index}>{msg.imports.title}</Link></li>
      </ul>

      <Heading level={2} data-size="md">{m.changes}</Heading>
      {changes.length === 0 ? <Paragraph>{m.noChanges}</Paragraph> : (
        <ul className="stack">
          {changes.map((c) => (
            <li key={c.id}>
              <Link href={paths.moderation.changeRequest(c.id)}>{c.name}</Link> ({c.isNew ? m.newEntry : m.change}, {c.organizationName})
              <Paragraph data-size="sm">{m.submittedBy(c.submittedBy ?? '–', formatDate(c.submittedAt))}</Paragraph>
            </li>
          ))}
        </ul>
      )}

      <Heading level={2} data-size="md">{msg.imports.queue.heading}</Heading>
      {imports.length === 0 ? <Paragraph>{msg.imports.queue.none}</Paragraph> : (
        <ul className="stack">
          {imports.map((run) => (
            <li key={run.id}>
              <Link href={paths.imports.run(run.id)}>{run.source}</Link>
              <Paragraph data-size="sm">{msg.imports.queue.item(run.createdByEmail ?? '–', formatDate(run.createdAt))}</Paragraph>
            </li>
          ))}
        </ul>
      )}

      <Heading level={2} data-size="md">{m.claims}</Heading>
      {claims.length === 0 ? <Paragraph>{m.noClaims}</Paragraph> : (
        <ul className="stack">
          {claims.map((c) => (
            <li key={c.id} className="stack">
              <Paragraph>
                {c.awaiting_approval ? m.registrationText(c.email, c.organization_name, c.organization_number ?? '') : m.claimText(c.email, c.organization_name)}
                {c.note ? `: «${c.note}»` : ''}
              </Paragraph>
              <form method="post" action={paths.moderation.claim(c.id)} className="actions">
                <CsrfField token={csrfToken} />
                <Button type="submit" name="handling" value="godkjenn" data-size="sm">{m.approveClaim}<span className="ds-sr-only">: {c.email}</span></Button>
                <Button type="submit" name="handling" value="avvis" variant="secondary" data-size="sm">{m.rejectClaim}<span className="ds-sr-only">: {c.email}</span></Button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <Heading level={2} data-size="md">{m.reports}</Heading>
      {reports.length === 0 ? <Paragraph>{m.noReports}</Paragraph> : (
        <ul className="stack">
          {reports.map((r) => (
            <li key={r.id} className="stack">
              {/* an offer no longer public (unpublished, or hidden until confirmed) is read in its history instead */}
              <Heading level={3} data-size="xs"><Link href={r.public_page ? paths.service(r.service_id) : paths.moderation.history(r.service_id)}>{m.reportAbout(r.service_name)}</Link></Heading>
              <Paragraph className="report-message">{r.message}</Paragraph>
              {r.reporter_email && <Paragraph data-size="sm">{m.reporter(r.reporter_email)}</Paragraph>}
              <form method="post" action={paths.moderation.report(r.id)}>
                <CsrfField token={csrfToken} />
                <Button type="submit" variant="secondary" data-size="sm">{m.resolve}<span className="ds-sr-only">: {r.service_name}</span></Button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
