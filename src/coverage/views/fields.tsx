// Form pieces of the atlas's GET forms. Labels are linked in the HTML itself (Label htmlFor +
// the control's id), so the forms work and read right without JavaScript.
import { ErrorSummary, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { nb } from '../../platform/i18n/nb.ts';

/** Field id → Norwegian message; the summary links to each field. */
export type FormErrors = Record<string, string>;

export function ErrorList({ errors }: { errors: FormErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary data-module="error-summary" tabIndex={-1} aria-labelledby="feil-overskrift">
      <ErrorSummary.Heading id="feil-overskrift">{nb.coverage.errors.summary}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, message]) => (
          <ErrorSummary.Item key={field}>
            <ErrorSummary.Link href={`#${field}`}>{message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

const describedBy = (id: string, hint: boolean, error: string | undefined) =>
  [hint ? `${id}-hint` : '', error ? `${id}-feil` : ''].filter(Boolean).join(' ') || undefined;

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: { id: string; name: string; label: string; options: Option[]; value: string; error?: string | undefined }) {
  const { id, name, label, options, value, error } = props;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <select className="ds-input" id={id} name={name} defaultValue={value} aria-describedby={describedBy(id, false, error)} aria-invalid={error ? true : undefined}>
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
      <Input id={id} name={name} defaultValue={value} inputMode={inputMode} maxLength={20} aria-describedby={describedBy(id, !!hint, error)} aria-invalid={error ? true : undefined} />
      {error && <ValidationMessage id={`${id}-feil`}>{error}</ValidationMessage>}
    </Field>
  );
}

export const levelOptions = (withAll: boolean): Option[] =>
  Object.entries(nb.coverage.levels)
    .filter(([key]) => withAll || key !== 'all')
    .map(([key, label]) => ({ value: key === 'all' ? 'alle' : key, label }));
