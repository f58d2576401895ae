import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, FormPage, TextArea, TextInput, describedBy, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { MAX_FILE_MEGABYTES } from '../files.ts';
import type { ModuleValues } from '../forms.ts';
import type { MaterialInfo } from '../queries.ts';
import { fileSize } from './format.ts';

export const FILE_FIELD = 'fil';

export interface ModulePageProps {
  course: { slug: string; title: string };
  /** null: a new module */
  module: { id: string; title: string; materials: MaterialInfo[] } | null;
  values: ModuleValues;
  errors: Errors;
  fileError?: string | undefined;
  notice?: string | undefined;
  csrfToken: string;
}

export function ModulePage({ course, module, values, errors, fileError, notice, csrfToken }: ModulePageProps) {
  const m = msg.networkCourses;
  const f = m.moduleForm;
  const c = paths.network.courses;
  const after = module && (
    <>
      <section aria-labelledby="files-heading" className="stack">
        <Heading level={2} data-size="sm" id="files-heading">{f.filesHeading}</Heading>
        {module.materials.length === 0 ? <Paragraph>{f.noFiles}</Paragraph> : (
          <ul className="file-list">
            {module.materials.map((file) => (
              <li key={file.id}>
                <Link href={c.material(file.id)} download>{m.materialLink(file.file_name, m.types[file.media_type] ?? file.media_type, fileSize(file.size_bytes))}</Link>
                <form method="post" action={c.deleteMaterial(file.id)} className="inline-form">
                  <CsrfField token={csrfToken} />
                  <Button type="submit" variant="tertiary" data-size="sm">{m.admin.deleteMaterial(file.file_name)}</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={c.upload(course.slug, module.id)} encType="multipart/form-data" className="stack" noValidate>
          <CsrfField token={csrfToken} />
          <Field>
            <Label htmlFor={FILE_FIELD}>{f.file}</Label>
            <p className="ds-paragraph" data-size="sm" id={`${FILE_FIELD}-hint`}>{f.fileHint(MAX_FILE_MEGABYTES)}</p>
            <Input type="file" id={FILE_FIELD} name={FILE_FIELD} accept=".pdf,.docx,.pptx,.png,.jpg,.jpeg,.txt"
              aria-describedby={describedBy(FILE_FIELD, true, fileError)} aria-invalid={fileError ? true : undefined} />
            {fileError && <ValidationMessage id={`${FILE_FIELD}-error`}>{fileError}</ValidationMessage>}
          </Field>
          <div className="actions"><Button type="submit" variant="secondary">{f.upload}</Button></div>
        </form>
      </section>
      <section aria-labelledby="delete-heading" className="stack">
        <Heading level={2} data-size="sm" id="delete-heading">{f.delete}</Heading>
        <Paragraph>{f.deleteHint}</Paragraph>
        <form method="post" action={c.deleteModule(course.slug, module.id)}>
          <CsrfField token={csrfToken} />
          <Button type="submit" variant="secondary" data-color="danger">{f.delete}</Button>
        </form>
      </section>
    </>
  );
  const allErrors = fileError ? { ...errors, [FILE_FIELD]: fileError } : errors;
  return (
    <FormPage title={module ? f.editTitle(module.title) : f.createTitle(course.title)} action={module ? c.module(course.slug, module.id) : c.newModule(course.slug)}
      submit={module ? f.submitEdit : f.submitCreate} errors={allErrors} csrfToken={csrfToken} after={after}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph><Link href={c.course(course.slug)}>{f.back}</Link></Paragraph>
      <TextInput id="tittel" label={f.title} value={values.tittel} error={errors.tittel} maxLength={200} />
      <TextInput id="nummer" label={f.position} hint={f.positionHint} value={values.nummer} error={errors.nummer} inputMode="numeric" maxLength={4} />
      <TextArea id="innhold" label={f.body} hint={f.bodyHint} value={values.innhold} error={errors.innhold} rows={14} />
    </FormPage>
  );
}
