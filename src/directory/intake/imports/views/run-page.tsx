import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextArea } from '../../../../platform/forms/index.ts';
import { formatDateTime, msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import type { Finding } from '../../../hsds/dataset.ts';
import type { ImportProgress } from '../pipeline/index.ts';
import type { ImportRun, StoredReport } from '../service.ts';
import { byWhom } from './import-page.tsx';
import { DataTable } from '../../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.imports;
/** How often the page of a run being checked reloads itself (the route sends it as a Refresh header). */
export const REFRESH_SECONDS = 3;

/** A check of the run under way in the background. */
export interface ImportCheck {
  /** waiting for another import's check to finish */
  queued: boolean;
  progress: ImportProgress | null;
  /** a waiting run checked again because the directory changed (its last report is shown meanwhile) */
  recheck: boolean;
}

export interface RunPageProps {
  run: ImportRun;
  /** what the viewer may do with the run now */
  actions: { apply: boolean; submit: boolean; discard: boolean; reject: boolean };
  csrfToken: string;
  notice?: string | undefined;
  reasonError?: string | undefined;
  reason?: string;
  checking?: ImportCheck | null;
  /** the page reloads itself (Refresh header) while the check runs */
  autoRefresh?: boolean;
}

function Checking({ run, check, autoRefresh }: { run: ImportRun; check: ImportCheck; autoRefresh: boolean }) {
  const c = m.run.checking;
  const progress = check.progress;
  const status = check.queued ? c.queued
    : progress?.phase === 'read' ? c.read(progress.rows)
      : progress?.phase === 'validated' ? c.validated(progress.rows)
        : progress?.phase === 'compared' ? c.compared : c.started;
  const self = paths.imports.run(run.id);
  return (
    <section className="stack" aria-labelledby="import-checking">
      <Heading level={2} data-size="md" id="import-checking">{c.heading}</Heading>
      {check.recheck && <Paragraph>{c.recheck}</Paragraph>}
      <Paragraph role="status">{status}</Paragraph>
      {autoRefresh && <Paragraph data-size="sm">{c.autoRefresh(REFRESH_SECONDS)} <Link href={`${self}?oppdater=nei`}>{c.stopRefresh}</Link></Paragraph>}
      <Paragraph><Link href={self}>{c.refresh}</Link></Paragraph>
    </section>
  );
}

function Findings({ findings, total, caption }: { findings: Finding[]; total: number; caption: string }) {
  return (
    <>
      <DataTable caption={caption} rows={findings} rowKey={(_, i) => i} columns={[
        { header: m.run.where, cell: (f) => f.where },
        { header: m.run.what, cell: (f) => f.message },
      ]} />
      {total > findings.length && <Paragraph data-size="sm">{m.run.more(findings.length, total)}</Paragraph>}
    </>
  );
}

function Counts({ report }: { report: StoredReport }) {
  const counts = Object.entries(report.counts);
  const shown = (n: number, total: number) => total > n && <Paragraph data-size="sm">{m.run.more(n, total)}</Paragraph>;
  const totalAdded = counts.reduce((n, [, c]) => n + c.added, 0);
  const totalChanged = counts.reduce((n, [, c]) => n + c.changed, 0);
  return (
    <>
      <Heading level={2} data-size="md">{m.run.countsHeading}</Heading>
      {totalAdded + totalChanged === 0 && <Paragraph>{m.run.nothing}</Paragraph>}
      {counts.length > 0 && (
        <DataTable caption={m.run.countsCaption} rows={counts} rowKey={([table]) => table} columns={[
          { header: m.run.table, cell: ([table]) => table },
          { header: m.run.added, cell: ([, c]) => c.added },
          { header: m.run.changed, cell: ([, c]) => c.changed },
          { header: m.run.unchanged, cell: ([, c]) => c.unchanged },
        ]} />
      )}
      {report.added.length > 0 && (
        <>
          <Heading level={3} data-size="sm">{m.run.addedHeading}</Heading>
          <ul>{report.added.map((a) => <li key={`${a.table}:${a.id}`}>{a.table}: {a.label ?? m.run.unnamed} <span className="source">({a.id})</span></li>)}</ul>
          {shown(report.added.length, totalAdded)}
        </>
      )}
      {report.details.length > 0 && (
        <>
          <Heading level={3} data-size="sm">{m.run.changedHeading}</Heading>
          <DataTable caption={m.run.changedHeading} captionClassName="ds-sr-only" rows={report.details.flatMap((d) => d.fields.map((f) => ({ d, f })))} rowKey={({ d, f }) => `${d.id}:${f.name}`} columns={[
            { header: m.run.table, cell: ({ d }) => <>{d.table}: {d.label ?? d.id}</> },
            { header: m.run.field, cell: ({ f }) => f.name },
            { header: m.run.before, cell: ({ f }) => f.previous || '–' },
            { header: m.run.after, cell: ({ f }) => f.replacement || '–' },
          ]} />
          {shown(report.details.length, totalChanged)}
        </>
      )}
    </>
  );
}

function Actions({ run, actions, csrfToken, reasonError, reason }: RunPageProps) {
  const action = paths.imports.run(run.id);
  const main = actions.apply
    ? <Button type="submit" name="handling" value="importer">{run.status === 'submitted' ? m.run.approve : m.run.apply}</Button>
    : actions.submit ? <Button type="submit" name="handling" value="send">{m.run.submit}</Button> : null;
  return (
    <section className="stack" aria-labelledby="import-actions">
      <Heading level={2} data-size="md" id="import-actions">{m.run.actionsHeading}</Heading>
      <form method="post" action={action} className="admin-actions">
        <CsrfField token={csrfToken} />
        {main}
        {actions.discard && <Button type="submit" name="handling" value="forkast" variant="secondary">{run.status === 'submitted' ? m.run.withdraw : m.run.discard}</Button>}
      </form>
      {actions.reject && (
        <form method="post" action={action} className="stack" noValidate>
          <Heading level={3} data-size="sm">{m.run.rejectHeading}</Heading>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="handling" value="avvis" />
          <TextArea id="reason" label={m.run.reason} value={reason} error={reasonError} />
          <div><Button type="submit" variant="secondary">{m.run.reject}</Button></div>
        </form>
      )}
    </section>
  );
}

/** One import run: what it does (or did), its problems, and what the viewer may do with it. */
export function RunPage(props: RunPageProps) {
  const { run, notice, reasonError, checking = null, autoRefresh = false } = props;
  const report = run.report;
  const problems = report.problems ?? [];
  const warnings = report.warnings ?? [];
  const title = m.run.title(run.source);
  const canAct = Object.values(props.actions).some(Boolean);
  return (
    <PageFrame title={title} failed={!!reasonError} className="stack detail">
      <Paragraph><Tag data-color={run.status === 'applied' ? 'success' : run.status === 'invalid' ? 'danger' : 'neutral'}>{m.status[run.status]}</Tag></Paragraph>
      {notice && <Alert data-color={problems.length > 0 ? 'warning' : 'success'}>{notice}</Alert>}
      {reasonError && <ErrorSummary errors={{ reason: reasonError }} />}
      <Paragraph>{run.channel === 'cli' ? `${m.runs.by}: ${byWhom(run)}, ${formatDateTime(run.createdAt)}.` : m.run.uploaded(byWhom(run), formatDateTime(run.createdAt))}</Paragraph>
      {run.sha256 && <Paragraph data-size="sm">{m.run.checksum}: <code>{run.sha256}</code></Paragraph>}
      {run.decidedAt && run.status !== 'applied' && run.decidedByEmail && <Paragraph>{m.run.decided(run.decidedByEmail, formatDateTime(run.decidedAt))}</Paragraph>}
      {run.reason && <Paragraph>{m.run.reasonShown(run.reason)}</Paragraph>}

      {checking && <Checking run={run} check={checking} autoRefresh={autoRefresh} />}

      {checking && !checking.recheck ? null : problems.length > 0 ? (
        <>
          <Heading level={2} data-size="md">{m.run.problemsHeading(report.totals?.problems ?? problems.length)}</Heading>
          <Paragraph>{m.run.problemsIntro}</Paragraph>
          <Findings findings={problems} total={report.totals?.problems ?? problems.length} caption={m.run.problemsHeading(report.totals?.problems ?? problems.length)} />
        </>
      ) : <Counts report={report} />}

      {warnings.length > 0 && (
        <>
          <Heading level={2} data-size="md">{m.run.warningsHeading}</Heading>
          <Paragraph>{m.run.warningsIntro}</Paragraph>
          <Findings findings={warnings} total={report.totals?.warnings ?? warnings.length} caption={m.run.warningsHeading} />
        </>
      )}

      {canAct && <Actions {...props} />}
      <Paragraph><Link href={paths.imports.index}>{m.run.back}</Link></Paragraph>
    </PageFrame>
  );
}
