import type { ReactNode } from 'react';
import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { describedBy } from '../../../platform/forms/index.ts';

/**
 * Radio buttons or checkboxes in a fieldset with a legend; the first box carries the group's id so
 * the error summary can link to it (the planner's RadioGroup, with checkboxes for several values).
 */
export function ChoiceGroup(props: { id: string; type: 'radio' | 'checkbox'; legend: ReactNode; hint?: string; options: readonly { value: string; label: string }[]; values: readonly string[]; error?: string | undefined }) {
  const { id, error, hint } = props;
  return (
    <fieldset className="ds-fieldset radio-group" aria-describedby={describedBy(id, !!hint, error)}>
      <legend className="ds-label">{props.legend}</legend>
      {hint && <p className="ds-paragraph" data-size="sm" id={`${id}-hint`}>{hint}</p>}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
      {props.options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <Field key={option.value}>
            <Input type={props.type} id={optionId} name={id} value={option.value} defaultChecked={props.values.includes(option.value)} aria-invalid={error ? true : undefined} />
            <Label htmlFor={optionId} data-weight="regular">{option.label}</Label>
          </Field>
        );
      })}
    </fieldset>
  );
}
