import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { RenderedSection } from '../markdown.ts';
import { CsrfField, ErrorSummary, TextArea, TextInput, type Errors } from '../../platform/forms/index.ts';

export interface EditValues {
  title: string;
  summary: string;
  sources: string;
  body: string;
  note: string;
}

/** Markdown in a textarea, a server-rendered preview: no script needed to edit or preview. */
export function EditPage(props: { slug: string; values: EditValues; errors: Errors; preview: RenderedSection | null; csrfToken: string }) {
  const m = msg.handbook.editor;
  const { values, errors } = props;
  return (
    <Layout title={m.title(values.title)}>
      <Paragraph data-size="sm"><Link href={paths.handbook.section(props.slug)}>{m.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{m.title(values.title)}</Heading>
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={msg.handbook.errorsHeading} />
      <form method="post" noValidate action={paths.handbook.edit(props.slug)} className="stack editor">
        <CsrfField token={props.csrfToken} />
        <TextInput id="title" label={m.titleLabel} value={values.title} error={errors.title} maxLength={200} />
        <TextArea id="summary" label={m.summaryLabel} value={values.summary} error={errors.summary} rows={2} maxLength={500} />
        <TextArea id="sources" label={m.sourcesLabel} hint={m.sourcesHint} value={values.sources} error={errors.sources} rows={4} />
        <TextArea id="body" label={m.bodyLabel} hint={m.bodyHint} value={values.body} error={errors.body} rows={24} />
        <TextInput id="note" label={m.noteLabel} hint={m.noteHint} value={values.note} error={errors.note} maxLength={500} />
        <div className="actions">
          {/* preview first: Enter in a one-line field previews, it never saves */}
          <Button type="submit" name="handling" value="forhandsvis" variant="secondary">{m.preview}</Button>
          <Button type="submit" name="handling" value="lagre">{m.save}</Button>
        </div>
      </form>
      {props.preview && (
        <section aria-labelledby="preview-heading" className="preview">
          <Heading level={2} data-size="md" id="preview-heading">{m.previewHeading}</Heading>
          <div className="handbook-body" dangerouslySetInnerHTML={{ __html: props.preview.html }} />
        </section>
      )}
    </Layout>
  );
}
