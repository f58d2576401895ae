import { FormPage, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import type { RunValues } from '../forms.ts';
import { ChoiceGroup } from './fields.tsx';

export const emptyRun = (): RunValues => ({ startdato: '', starttid: '09:00', sluttdato: '', slutttid: '15:00', sted: '', lenke: '', plasser: '', frist: '', tilgjengelighet: '', status: 'published' });

/** A date or time field falls back to text when what was typed is not one, so the browser keeps it on screen. */
const kind = <T extends 'date' | 'time'>(type: T, error: string | undefined) => (error ? 'text' : type);

export function RunFormPage({ title, action, submit, values, errors, csrfToken }: { title: string; action: string; submit: string; values: RunValues; errors: Errors; csrfToken: string }) {
  const f = msg.networkCourses.runForm;
  return (
    <FormPage title={title} action={action} submit={submit} errors={errors} csrfToken={csrfToken}>
      <div className="item-grid">
        <TextInput id="startdato" label={f.startDate} hint={f.dateHint} value={values.startdato} error={errors.startdato} type={kind('date', errors.startdato)} />
        <TextInput id="starttid" label={f.startTime} hint={f.timeHint} value={values.starttid} error={errors.starttid} type={kind('time', errors.starttid)} />
        <TextInput id="sluttdato" label={f.endDate} hint={f.dateHint} value={values.sluttdato} error={errors.sluttdato} type={kind('date', errors.sluttdato)} />
        <TextInput id="slutttid" label={f.endTime} hint={f.timeHint} value={values.slutttid} error={errors.slutttid} type={kind('time', errors.slutttid)} />
      </div>
      <TextInput id="sted" label={f.place} hint={f.placeHint} value={values.sted} error={errors.sted} maxLength={500} />
      <TextInput id="lenke" label={f.onlineUrl} hint={f.onlineUrlHint} value={values.lenke} error={errors.lenke} type="url" maxLength={500} />
      <TextInput id="plasser" label={f.capacity} hint={f.capacityHint} value={values.plasser} error={errors.plasser} inputMode="numeric" maxLength={10} />
      <TextInput id="frist" label={f.deadline} hint={f.deadlineHint} value={values.frist} error={errors.frist} type={kind('date', errors.frist)} />
      <TextArea id="tilgjengelighet" label={f.accessibility} hint={f.accessibilityHint} value={values.tilgjengelighet} error={errors.tilgjengelighet} rows={3} />
      <ChoiceGroup id="status" type="radio" legend={f.status} values={[values.status]} error={errors.status}
        options={(['draft', 'published', 'cancelled'] as const).map((s) => ({ value: s, label: f.statuses[s] }))} />
    </FormPage>
  );
}
