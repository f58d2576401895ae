import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextArea, type Errors } from '../../../../platform/forms/index.ts';
import { msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import type { FieldChange } from '../../self-service/diff.ts';
import { DataTable } from '../../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.moderation.review;

/** A change request as a field-by-field diff, with approve, edit-and-approve and reject with reason. */
export function ReviewPage({ id, name, organizationName, isNew, changes, errors, reason, csrfToken, decided }: {
  id: string; name: string; organizationName: string; isNew: boolean; changes: FieldChange[]; errors: Errors; reason: string; csrfToken: string; decided: boolean;
}) {
  const title = m.title(name);
  return (
    <PageFrame title={title} failed={Object.keys(errors).length > 0}>
      <Paragraph>{m.organization}: {organizationName} ({isNew ? msg.moderation.queue.newEntry : msg.moderation.queue.change})</Paragraph>
      <ErrorSummary errors={errors} />
      {changes.length === 0 ? <Paragraph>{m.noChanges}</Paragraph> : (
        <DataTable className="diff" caption={m.diffCaption} rows={changes} rowKey={(c) => `${c.resourceId}:${c.field}`} columns={[
          { header: m.field, rowHeader: true, cell: (c) => c.label },
          { header: m.before, cell: (c) => <del>{c.previous || '–'}</del> },
          { header: m.after, cell: (c) => <ins>{c.value || '–'}</ins> },
        ]} />
      )}
      {decided ? <Paragraph>{m.done}</Paragraph> : (
        <>
          <form method="post" action={paths.moderation.changeRequest(id)} className="actions">
            <CsrfField token={csrfToken} />
            <Button type="submit" name="handling" value="godkjenn">{m.approve}</Button>
            <Link href={paths.moderation.editChangeRequest(id)}>{m.editAndApprove}</Link>
          </form>
          <Heading level={2} data-size="sm">{m.rejectHeading}</Heading>
          <form method="post" action={paths.moderation.changeRequest(id)} className="stack" noValidate>
            <CsrfField token={csrfToken} />
            <TextArea id="reason" label={m.reason} value={reason} error={errors.reason} maxLength={2000} />
            <div className="actions"><Button type="submit" name="handling" value="avvis" variant="secondary">{m.reject}</Button></div>
          </form>
        </>
      )}
    </PageFrame>
  );
}
