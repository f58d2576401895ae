import { Alert, Button, Heading, Link, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, describedBy } from '../../../platform/forms/index.ts';
import { msg, formatDecimal } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { questionsOf, type QuestionVersion } from '../questions.ts';
import type { Period, QuestionResult, SurveySummary } from '../store.ts';

const m = msg.experienceSurveys;
const average = (value: number | null) => (value === null ? m.results.none : formatDecimal(value, 1));

/**
 * An offer's survey results: the summary (only when the query gave one: at least five answers),
 * the number of answers and the period; for the offer's editors the masked free text and the poster.
 */
export function ResultsPage({ service, version, period, summary, editor, moderator = null }: {
  service: { id: string; name: string; isDemo: boolean }; version: QuestionVersion; period: Period; summary: SurveySummary | null;
  editor: { freeTexts: string[] | null; held: number } | null;
  /** the secretariat (coordinators and site admins), who decide on answers kept aside */
  moderator?: { csrfToken: string; error?: string | undefined; held: number } | null;
}) {
  const texts = new Map(questionsOf(version).map((q) => [q.key, q.text]));
  const rows = questionsOf(version).map((q) => summary?.questions.find((r) => r.question === q.key)).filter((r): r is QuestionResult => !!r);
  return (
    <PageFrame title={m.results.title(service.name)} failed={!!moderator?.error} className="stack detail">
      {moderator?.error && <ErrorSummary errors={{ handling: moderator.error }} />}
      {service.isDemo && <Tag data-color="info">{m.results.demo}</Tag>}
      <Paragraph>{m.results.lead}</Paragraph>
      {summary ? (
        <>
          <Paragraph className="survey-period">{m.results.period(period.from, period.to, summary.answers)}</Paragraph>
          <DataTable caption={m.results.caption} rows={rows} rowKey={(r) => r.question} columns={[
            { header: m.results.question, cell: (r) => texts.get(r.question) ?? r.question, rowHeader: true },
            ...(['1', '2', '3', '4', '5'] as const).map((n, i) => ({ header: m.scaleShort[n], cell: (r: QuestionResult) => r.counts[i] })),
            { header: m.scaleShort.dontKnow, cell: (r) => r.dontKnow },
            { header: m.results.average, cell: (r) => average(r.average) },
          ]} />
        </>
      ) : <Paragraph className="survey-too-few">{m.results.tooFew}</Paragraph>}
      <Paragraph><Link href={paths.experienceSurveys.answer(service.id)}>{m.results.answerLink}</Link></Paragraph>
      {editor && editor.held > 0 && !moderator && <Alert data-color="info" className="survey-held">{m.results.heldAside(editor.held)}</Alert>}
      {editor && (
        <section aria-labelledby="fritekst" className="stack">
          <Heading level={2} data-size="sm" id="fritekst">{m.results.freeTextHeading}</Heading>
          {editor.freeTexts === null ? <Paragraph>{m.results.tooFew}</Paragraph> : (
            <>
              <Paragraph data-size="sm">{m.results.freeTextIntro}</Paragraph>
              {editor.freeTexts.length === 0 ? <Paragraph>{m.results.freeTextNone}</Paragraph>
                : <ul className="survey-free-text">{editor.freeTexts.map((t, i) => <li key={i}>{t}</li>)}</ul>}
            </>
          )}
          <Paragraph><Link href={paths.experienceSurveys.poster(service.id)}>{m.results.poster}</Link></Paragraph>
        </section>
      )}
      {moderator && (moderator.held > 0 || moderator.error) && (
        <section aria-labelledby="tilbakeholdt" className="stack">
          <Heading level={2} data-size="sm" id="tilbakeholdt">{h.heading}</Heading>
          <Paragraph>{m.results.heldAside(moderator.held)}</Paragraph>
          <HeldForm serviceId={service.id} csrfToken={moderator.csrfToken} error={moderator.error} />
        </section>
      )}
      <Paragraph><Link href={paths.service(service.id)}>{m.backToService}</Link></Paragraph>
    </PageFrame>
  );
}

const h = m.results.moderation;

/** The secretariat's decision on the answers kept aside: a plain form with two radio buttons. */
function HeldForm({ serviceId, csrfToken, error }: { serviceId: string; csrfToken: string; error?: string | undefined }) {
  return (
    <form method="post" action={paths.experienceSurveys.held(serviceId)} noValidate className="stack">
      <CsrfField token={csrfToken} />
      <Paragraph data-size="sm">{h.intro}</Paragraph>
      <fieldset className="ds-fieldset radio-group" aria-describedby={describedBy('handling', false, error)}>
        <legend className="ds-label">{h.decision}</legend>
        {error && <ValidationMessage id="handling-error">{error}</ValidationMessage>}
        {([['telle', h.count], ['forkaste', h.discard]] as const).map(([value, text], index) => (
          <div className="ds-field" key={value}>
            <input className="ds-input" type="radio" id={index === 0 ? 'handling' : `handling-${value}`} name="handling" value={value} aria-invalid={error ? true : undefined} />
            <label className="ds-label" data-weight="regular" htmlFor={index === 0 ? 'handling' : `handling-${value}`}>{text}</label>
          </div>
        ))}
      </fieldset>
      <div className="actions"><Button type="submit">{h.submit}</Button></div>
    </form>
  );
}
