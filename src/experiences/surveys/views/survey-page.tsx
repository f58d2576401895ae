import { Button, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextArea, describedBy, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DONT_KNOW, FREE_TEXT_FIELD, FREE_TEXT_MAX, HONEYPOT_FIELD, fieldOf, questionsOf, type QuestionVersion } from '../questions.ts';

const m = msg.experienceSurveys;
const CHOICES = ['1', '2', '3', '4', '5', DONT_KNOW] as const;
const label = (choice: (typeof CHOICES)[number]) => (choice === DONT_KNOW ? m.scale.dontKnow : m.scale[choice]);

/** One question: a fieldset with its legend and six radio buttons (1–5, "vet ikke"). */
function Question({ name, legend, value, error }: { name: string; legend: string; value: string; error?: string | undefined }) {
  return (
    <fieldset className="ds-fieldset radio-group survey-question" aria-describedby={describedBy(name, false, error)}>
      <legend className="ds-label">{legend}</legend>
      {error && <ValidationMessage id={`${name}-error`}>{error}</ValidationMessage>}
      {CHOICES.map((choice, index) => {
        const id = index === 0 ? name : `${name}-${choice}`;
        return (
          <div className="ds-field" key={choice}>
            <input className="ds-input" type="radio" id={id} name={name} value={choice} defaultChecked={value === choice} aria-invalid={error ? true : undefined} />
            <label className="ds-label" data-weight="regular" htmlFor={id}>{label(choice)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The anonymous survey of one offer: a plain form that works without JavaScript. */
export function SurveyPage({ service, version, values, errors, csrfToken }: {
  service: { id: string; name: string; isDemo: boolean }; version: QuestionVersion;
  values: Record<string, string>; errors: Errors; csrfToken: string;
}) {
  return (
    <PageFrame title={m.title(service.name)} failed={Object.keys(errors).length > 0} className="stack detail">
      {service.isDemo && <Tag data-color="info">{m.results.demo}</Tag>}
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.experienceSurveys.answer(service.id)} noValidate className="stack">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="versjon" value={version} />
        <Paragraph data-size="sm">{m.scaleHint}</Paragraph>
        {questionsOf(version).map((q) => (
          <Question key={q.key} name={fieldOf(q.key)} legend={q.text} value={values[fieldOf(q.key)] ?? ''} error={errors[fieldOf(q.key)]} />
        ))}
        <TextArea id={FREE_TEXT_FIELD} label={m.freeText} hint={m.freeTextHint} value={values[FREE_TEXT_FIELD]} error={errors[FREE_TEXT_FIELD]} maxLength={FREE_TEXT_MAX} rows={5} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>{m.honeypot}</label>
          <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div className="actions"><Button type="submit">{m.submit}</Button></div>
      </form>
    </PageFrame>
  );
}
