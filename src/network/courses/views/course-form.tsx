import { Paragraph } from '@digdir/designsystemet-react';
import { FormPage, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { AUDIENCES, FORMATS, type CourseValues } from '../forms.ts';
import { ChoiceGroup } from './fields.tsx';

export const emptyCourse = (): CourseValues => ({ tittel: '', sammendrag: '', malgrupper: [], laeringsmal: '', kursform: '', omfang: '', organisasjon: '', status: 'draft' });

export function CourseFormPage({ title, action, submit, values, errors, organizations, csrfToken }: {
  title: string; action: string; submit: string; values: CourseValues; errors: Errors; organizations: { id: string; name: string }[]; csrfToken: string;
}) {
  const m = msg.networkCourses;
  const f = m.courseForm;
  return (
    <FormPage title={title} action={action} submit={submit} errors={errors} csrfToken={csrfToken}>
      {organizations.length === 0 && <Paragraph>{f.noOrganizations}</Paragraph>}
      <TextInput id="tittel" label={f.title} value={values.tittel} error={errors.tittel} maxLength={200} />
      <TextArea id="sammendrag" label={f.summary} hint={f.summaryHint} value={values.sammendrag} error={errors.sammendrag} rows={3} />
      <ChoiceGroup id="malgrupper" type="checkbox" legend={f.audiences} hint={f.audiencesHint} values={values.malgrupper} error={errors.malgrupper}
        options={AUDIENCES.map((a) => ({ value: a, label: m.audiences[a] }))} />
      <TextArea id="laeringsmal" label={f.goals} hint={f.goalsHint} value={values.laeringsmal} error={errors.laeringsmal} rows={5} />
      <ChoiceGroup id="kursform" type="radio" legend={f.format} values={[values.kursform]} error={errors.kursform}
        options={FORMATS.map((x) => ({ value: x, label: m.formats[x] }))} />
      <TextInput id="omfang" label={f.length} hint={f.lengthHint} value={values.omfang} error={errors.omfang} inputMode="decimal" maxLength={20} />
      <Select id="organisasjon" label={f.organization} value={values.organisasjon} error={errors.organisasjon}
        options={[{ value: '', label: f.chooseOrganization }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]} />
      <ChoiceGroup id="status" type="radio" legend={f.status} values={[values.status]} error={errors.status}
        options={[{ value: 'draft', label: f.statuses.draft }, { value: 'published', label: f.statuses.published }]} />
    </FormPage>
  );
}
