import { Alert, Button, Field, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { CsrfField, Select, TextArea } from '../../../platform/forms/index.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { citationText } from '../csl.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../parse.ts';
import { Breadcrumbs } from './components.tsx';

const m = () => msg.networkEvidence.import;
const formatOptions = () => [{ value: '', label: m().formatAuto }, ...IMPORT_FORMATS.map((f) => ({ value: f, label: m().formatNames[f] }))];

/** Upload a file or paste text; an error says what is wrong and that nothing was written. */
export function ImportPage({ csrfToken, error, text = '', format = '', status }: { csrfToken: string; error?: string | undefined; text?: string; format?: string; status?: 'upload' | 'paste' }) {
  return (
    <PageFrame title={error ? `${m().errorHeading}: ${m().title}` : m().title} heading={m().title} className="stack detail evidence-import">
      <Breadcrumbs here={m().title} />
      <Paragraph>{m().intro}</Paragraph>
      <Paragraph data-size="sm">{m().formats}</Paragraph>
      {error && (
        <Alert data-color="danger" id="import-error" tabIndex={-1}>
          <h2 className="ds-heading" data-size="xs">{m().errorHeading}</h2>
          <Paragraph>{error}</Paragraph>
          <Paragraph data-size="sm">{m().nothingWritten}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading" className="ds-heading" data-size="sm">{m().uploadHeading}</h2>
        <form method="post" encType="multipart/form-data" noValidate action={paths.network.evidence.import} className="stack">
          <CsrfField token={csrfToken} />
          <Select id="upload-format" name="format" label={m().format} value={status === 'upload' ? format : ''} options={formatOptions()} />
          <Field>
            <Label htmlFor="file">{m().file}</Label>
            <input className="ds-input" type="file" id="file" name="file" accept=".ris,.bib,.bibtex,.json,.txt" />
          </Field>
          <div className="actions"><Button type="submit">{m().check}</Button></div>
        </form>
      </section>
      <section aria-labelledby="paste-heading">
        <h2 id="paste-heading" className="ds-heading" data-size="sm">{m().pasteHeading}</h2>
        <form method="post" noValidate action={paths.network.evidence.importPaste} className="stack">
          <CsrfField token={csrfToken} />
          <Select id="paste-format" name="format" label={m().format} value={status === 'paste' ? format : ''} options={formatOptions()} />
          <TextArea id="text" label={m().text} value={text} rows={12} />
          <div className="actions"><Button type="submit">{m().check}</Button></div>
        </form>
      </section>
    </PageFrame>
  );
}

export interface PreviewRow {
  number: number;
  citation: Parameters<typeof citationText>[0];
  doi: string | null;
  /** null: will be imported; else why not */
  existingKey: string | null;
  sameAs: number | null;
}

export function ImportPreviewPage({ csrfToken, format, rows, payload }: { csrfToken: string; format: ImportFormat; rows: PreviewRow[]; payload: string }) {
  const importing = rows.filter((row) => !row.existingKey && !row.sameAs).length;
  const c = m().columns;
  return (
    <PageFrame title={m().previewTitle} className="stack detail evidence-import">
      <Breadcrumbs here={m().previewTitle} />
      <Paragraph>{m().previewIntro(rows.length, m().formatNames[format])}</Paragraph>
      <DataTable caption={m().caption} captionClassName="visually-hidden" rows={rows} rowKey={(row) => row.number} className="evidence-preview"
        rowProps={(row) => ({ 'data-outcome': row.existingKey ? 'library' : row.sameAs ? 'file' : 'new' })}
        columns={[
          { header: c.number, cell: (row) => row.number },
          { header: c.citation, rowHeader: true, cell: (row) => citationText(row.citation) },
          { header: c.doi, cell: (row) => row.doi ?? '' },
          {
            header: c.outcome,
            cell: (row) => (row.existingKey
              ? <Link href={paths.network.evidence.entry(row.existingKey)}>{m().duplicateInLibrary}</Link>
              : row.sameAs ? m().duplicateInFile(row.sameAs) : row.doi ? m().willImport : m().noDoi),
          },
        ]} />
      {importing > 0
        ? (
          <form method="post" noValidate action={paths.network.evidence.importConfirm} className="actions">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="format" value={format} />
            <input type="hidden" name="data" value={payload} />
            <Button type="submit">{m().confirm(importing)}</Button>
            <Link href={paths.network.evidence.import}>{m().again}</Link>
          </form>
        )
        : <><Alert data-color="info">{m().nothingNew}</Alert><Paragraph><Link href={paths.network.evidence.import}>{m().again}</Link></Paragraph></>}
    </PageFrame>
  );
}
