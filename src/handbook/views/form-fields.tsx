import type { ReactNode } from 'react';
import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { describedBy } from '../../platform/forms/index.ts';

// Text fields, selects, the error summary and the CSRF field come from platform's form kit (one
// way to do a thing); radio groups are the planner's own need.

/** Radio buttons in a fieldset; the first button carries the group's id so the error summary can link to it. */
export function RadioGroup(props: { id: string; name: string; legend: ReactNode; options: { value: string; label: string }[]; value: string; error?: string | undefined; inline?: boolean }) {
  const { id, error } = props;
  return (
    <fieldset className={`ds-fieldset radio-group${props.inline ? ' radio-group--inline' : ''}`} aria-describedby={describedBy(id, false, error)}>
      <legend className="ds-label">{props.legend}</legend>
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
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
