import type { ReactNode } from 'react';
import { Field, Input, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { CSRF_FIELD } from './csrf.ts';
import { describedBy } from './described-by.ts';

/** The hidden field every POST form must carry (see csrf.ts). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

interface FieldProps {
  id: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  /** defaults to id */
  name?: string;
}

function Wrapper({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint && <p className="ds-paragraph" data-size="sm" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

/** A labelled input whose label is linked in the HTML itself (works without JavaScript). */
export function TextInput(props: FieldProps & { type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date' | 'time'; autoComplete?: string; maxLength?: number; inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url'; required?: boolean }) {
  const { id, error, hint, value, name, type = 'text', autoComplete, maxLength, inputMode, required } = props;
  return (
    <Wrapper {...props}>
      <Input id={id} name={name ?? id} type={type} defaultValue={type === 'password' ? undefined : value} autoComplete={autoComplete}
        maxLength={maxLength} inputMode={inputMode} required={required}
        aria-describedby={describedBy(id, !!hint, error)} aria-invalid={error ? true : undefined} />
    </Wrapper>
  );
}

/** `lang`: the language of the text typed (a field for the nynorsk or English text), when it is not the page's. */
export function TextArea(props: FieldProps & { rows?: number; maxLength?: number; lang?: string }) {
  const { id, error, hint, value, name, rows = 4, maxLength, lang } = props;
  return (
    <Wrapper {...props}>
      <Textarea id={id} name={name ?? id} rows={rows} defaultValue={value} maxLength={maxLength} lang={lang}
        aria-describedby={describedBy(id, !!hint, error)} aria-invalid={error ? true : undefined} />
    </Wrapper>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { id, error, hint, value, name, options } = props;
  return (
    <Wrapper {...props}>
      <select className="ds-input" id={id} name={name ?? id} defaultValue={value}
        aria-describedby={describedBy(id, !!hint, error)} aria-invalid={error ? true : undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrapper>
  );
}

/** A checkbox with its label linked by for/id. */
export function CheckboxInput({ id, name, value, label, checked }: { id: string; name: string; value: string; label: string; checked: boolean }) {
  return (
    <Field>
      <Input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <Label htmlFor={id} data-weight="regular">{label}</Label>
    </Field>
  );
}

/**
 * Radio buttons in a fieldset: each choice's whole label shows and wraps (a select cuts a long one
 * at a phone's width). The first button carries the group's id, so an error summary can link to it.
 */
export function RadioGroup(props: { id: string; name: string; legend: ReactNode; options: { value: string; label: string }[]; value: string; error?: string | undefined; inline?: boolean;
  /** the end of the error message's id (`<id>-<suffix>`); the atlas's forms say 'feil' */
  errorSuffix?: string }) {
  const { id, error, errorSuffix = 'error' } = props;
  return (
    <fieldset className={`ds-fieldset radio-group${props.inline ? ' radio-group--inline' : ''}`} aria-describedby={describedBy(id, false, error, errorSuffix)}>
      <legend className="ds-label">{props.legend}</legend>
      {error && <ValidationMessage id={`${id}-${errorSuffix}`}>{error}</ValidationMessage>}
      {props.options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <Field key={option.value}>
            <Input type="radio" id={optionId} name={props.name} value={option.value} defaultChecked={props.value === option.value} aria-invalid={error ? true : undefined} />
            <Label htmlFor={optionId} data-weight="regular">{option.label}</Label>
          </Field>
        );
      })}
    </fieldset>
  );
}
