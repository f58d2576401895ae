// Form pieces of the atlas's GET forms. Labels are linked in the HTML itself (Label htmlFor +
// the control's id), so the forms work and read right without JavaScript.
import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { describedBy } from '../../platform/forms/index.ts';

// the atlas's message ids end in -feil
const ERROR_SUFFIX = 'feil';

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: { id: string; name: string; label: string; options: Option[]; value: string; error?: string | undefined }) {
  const { id, name, label, options, value, error } = props;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <select className="ds-input" id={id} name={name} defaultValue={value} aria-describedby={describedBy(id, false, error, ERROR_SUFFIX)} aria-invalid={error ? true : undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error && <ValidationMessage id={`${id}-feil`}>{error}</ValidationMessage>}
    </Field>
  );
}

export function TextField(props: { id: string; name: string; label: string; hint?: string; value: string; error?: string | undefined; inputMode?: 'decimal' | 'numeric' }) {
  const { id, name, label, hint, value, error, inputMode } = props;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint && <p className="ds-paragraph" data-size="sm" id={`${id}-hint`}>{hint}</p>}
      <Input id={id} name={name} defaultValue={value} inputMode={inputMode} maxLength={20} aria-describedby={describedBy(id, !!hint, error, ERROR_SUFFIX)} aria-invalid={error ? true : undefined} />
      {error && <ValidationMessage id={`${id}-feil`}>{error}</ValidationMessage>}
    </Field>
  );
}

export const levelOptions = (withAll: boolean): Option[] =>
  Object.entries(msg.coverage.levels)
    .filter(([key]) => withAll || key !== 'all')
    .map(([key, label]) => ({ value: key === 'all' ? 'alle' : key, label }));
