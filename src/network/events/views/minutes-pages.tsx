import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDateTime, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { withContext, type DiffLine } from '../../../handbook/index.ts';
import type { MinutesRow } from '../minutes.ts';

const m = () => msg.networkEvents.minutes;

/** Markdown in a textarea and a server-rendered preview, as the handbook's editor: no script needed. */
export function MinutesEditPage(props: { eventId: string; eventTitle: string; values: { body: string; note: string }; errors: Errors; preview: string | null; csrfToken: string }) {
  const { values, errors } = props;
  const title = m().title(props.eventTitle);
  return (
    <PageFrame title={Object.keys(errors).length > 0 ? msg.networkEvents.errorTitle(title) : title} heading={title} className="stack">
      <Paragraph data-size="sm"><Link href={paths.network.events.event(props.eventId)}>{m().back}</Link></Paragraph>
      <Paragraph>{m().intro}</Paragraph>
      <ErrorSummary errors={errors} heading={m().errorsHeading} />
      <form method="post" noValidate action={paths.network.events.minutes(props.eventId)} className="stack editor" data-module="unsaved-warning" data-unsaved={Object.keys(errors).length > 0 ? 'true' : undefined}>
        <CsrfField token={props.csrfToken} />
        <TextArea id="body" label={m().body} hint={m().bodyHint} value={values.body} error={errors.body} rows={20} />
        <TextInput id="note" label={m().note} hint={m().noteHint} value={values.note} error={errors.note} maxLength={500} />
        <div className="actions">
          {/* preview first: Enter in the one-line field previews, it never saves */}
          <Button type="submit" name="handling" value="forhandsvis" variant="secondary">{m().preview}</Button>
          <Button type="submit" name="handling" value="lagre">{m().save}</Button>
        </div>
      </form>
      {props.preview !== null && (
        <section aria-labelledby="preview-heading" className="preview">
          <Heading level={2} data-size="md" id="preview-heading">{m().previewHeading}</Heading>
          <div className="handbook-body" dangerouslySetInnerHTML={{ __html: props.preview }} />
        </section>
      )}
    </PageFrame>
  );
}

export function MinutesHistoryPage({ eventId, eventTitle, revisions }: { eventId: string; eventTitle: string; revisions: MinutesRow[] }) {
  return (
    <PageFrame title={m().historyTitle(eventTitle)} className="stack">
      <Paragraph data-size="sm"><Link href={paths.network.events.event(eventId)}>{m().back}</Link></Paragraph>
      <DataTable caption={m().historyCaption} captionClassName="visually-hidden" rows={revisions} rowKey={(revision) => revision.id} columns={[
        { header: m().version, cell: (r) => (r.number > 1 ? <Link href={paths.network.events.minutesRevision(eventId, r.number)}>{m().versionLink(r.number)}</Link> : m().versionLink(r.number)) },
        { header: m().when, cell: (r) => formatDateTime(r.created_at) },
        { header: m().who, cell: (r) => r.author ?? m().deletedAccount },
        { header: m().noteColumn, cell: (r) => r.note ?? '' },
      ]} />
    </PageFrame>
  );
}

/** What one version changed against the one before; + and − are written out, not only coloured. */
export function MinutesRevisionPage({ eventId, eventTitle, number, lines }: { eventId: string; eventTitle: string; number: number; lines: DiffLine[] }) {
  return (
    <PageFrame title={m().diffTitle(number, eventTitle)} className="stack">
      <Paragraph data-size="sm"><Link href={paths.network.events.minutesHistory(eventId)}>{m().backToHistory}</Link></Paragraph>
      {lines.every((l) => l.kind === 'same') && <Paragraph>{m().noChanges}</Paragraph>}
      <ol className="diff">
        {withContext(lines).map((line, index) => line.kind === 'gap'
          ? <li key={index} className="diff__gap">{m().unchangedLines(line.count)}</li>
          : (
            <li key={index} className={`diff__${line.kind}`}>
              {line.kind === 'added' ? <ins><span className="visually-hidden">{m().added}</span>+ {line.text}</ins>
                : line.kind === 'removed' ? <del><span className="visually-hidden">{m().removed}</span>− {line.text}</del>
                  : <span>{'  '}{line.text}</span>}
            </li>
          ))}
      </ol>
    </PageFrame>
  );
}
