import { Button, Field, Heading, Label, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, describedBy } from '../../../../platform/forms/index.ts';
import { formatDateTime, msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import { UPLOAD_LIMITS } from '../service.ts';
import type { RunSummary } from '../store.ts';
import { DataTable } from '../../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.imports;
export const FILE_FIELD = 'filer';

/** Who did a run, as the list and the run page show it. */
export const byWhom = (run: { channel: 'page' | 'cli'; createdByEmail: string | null }) => (run.channel === 'cli' ? m.runs.cli : run.createdByEmail ?? '–');

export function RunList({ runs }: { runs: RunSummary[] }) {
  if (runs.length === 0) return <Paragraph>{m.runs.none}</Paragraph>;
  return (
    <DataTable caption={m.runs.caption} rows={runs} rowKey={(run) => run.id} columns={[
      { header: m.runs.when, cell: (run) => formatDateTime(run.createdAt) },
      { header: m.runs.source, cell: (run) => <Link href={paths.imports.run(run.id)}>{run.source}</Link> },
      { header: m.runs.by, cell: (run) => byWhom(run) },
      { header: m.runs.status, cell: (run) => m.status[run.status] },
    ]} />
  );
}

/** The import page: what files are taken, the upload form (works without JavaScript) and earlier runs. */
export function ImportPage({ isAdmin, runs, csrfToken, error }: { isAdmin: boolean; runs: RunSummary[]; csrfToken: string; error?: string | undefined }) {
  return (
    <PageFrame title={m.title} failed={!!error} className="stack detail">
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph>{isAdmin ? m.introAdmin : m.introEditor}</Paragraph>

      <Heading level={2} data-size="md">{m.formats.heading}</Heading>
      <ul>
        <li>{m.formats.template} <Link href={paths.openData.importTemplate}>{m.formats.templateLink}</Link>.</li>
        <li>{m.formats.hsdsJson}</li>
        <li>{m.formats.tabular}</li>
      </ul>
      <Paragraph>{m.formats.docs} <Link href={paths.openData.page}>{m.formats.docsLink}</Link>.</Paragraph>
      <Paragraph>{m.formats.rules}</Paragraph>
      <Paragraph>{m.formats.limits(UPLOAD_LIMITS.megabytes, UPLOAD_LIMITS.files)}</Paragraph>
      {!isAdmin && <Paragraph>{m.formats.editorRows(UPLOAD_LIMITS.editorRows)}</Paragraph>}

      <Heading level={2} data-size="md">{m.form.heading}</Heading>
      {error && <ErrorSummary errors={{ [FILE_FIELD]: error }} />}
      <form method="post" action={paths.imports.index} encType="multipart/form-data" className="stack">
        <CsrfField token={csrfToken} />
        <Field>
          <Label htmlFor={FILE_FIELD}>{m.form.files}</Label>
          <p className="ds-paragraph" data-size="sm" id={`${FILE_FIELD}-hint`}>{m.form.filesHint}</p>
          <input className="ds-input" type="file" id={FILE_FIELD} name={FILE_FIELD} multiple accept=".json,.ndjson,.jsonl,.csv,.zip,application/json,text/csv,application/zip"
            aria-describedby={describedBy(FILE_FIELD, true, error)} aria-invalid={error ? true : undefined} />
          {error && <ValidationMessage id={`${FILE_FIELD}-error`}>{error}</ValidationMessage>}
        </Field>
        <div><Button type="submit">{m.form.submit}</Button></div>
      </form>

      <Heading level={2} data-size="md">{m.runs.heading}</Heading>
      <RunList runs={runs} />
    </PageFrame>
  );
}
