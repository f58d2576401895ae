import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { CheckboxInput, CsrfField, ErrorSummary, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DESIGNS, KINDS, OUTCOMES, POPULATIONS } from '../model.ts';
import { Breadcrumbs } from './components.tsx';

export const FORM_FIELDS = ['kind', 'title', 'authors', 'year', 'container', 'doi', 'url', 'design', 'population', 'setting', 'mainFinding', 'effectSize', 'effectSizeSource'] as const;
export type FormValues = Record<(typeof FORM_FIELDS)[number], string> & { authorsIncomplete: boolean; outcomes: string[] };

/** Adding (key null) or changing an entry: one form, refilled after an error. */
export function EntryFormPage({ entryKey, entryTitle, values, errors, csrfToken }: {
  entryKey: string | null; entryTitle?: string; values: FormValues; errors: Errors; csrfToken: string;
}) {
  const m = msg.networkEvidence;
  const f = m.form;
  const title = entryKey ? f.editTitle(entryTitle ?? values.title) : f.newTitle;
  const failed = Object.keys(errors).length > 0;
  const none = { value: '', label: f.notRegistered };
  return (
    <PageFrame title={failed ? f.errorTitle(title) : title} heading={title} className="stack detail evidence-form">
      <Breadcrumbs here={title} />
      <Paragraph>{f.intro}</Paragraph>
      {entryKey && <Paragraph>{f.editIntro}</Paragraph>}
      <ErrorSummary errors={errors} heading={f.errorsHeading} anchor={(field) => (field === 'outcomes' ? `outcomes-${OUTCOMES[0]}` : field)} />
      <form method="post" noValidate action={entryKey ? paths.network.evidence.edit(entryKey) : paths.network.evidence.add} className="stack">
        <CsrfField token={csrfToken} />
        <fieldset className="ds-fieldset evidence-fieldset">
          <legend className="ds-heading" data-size="xs">{f.citationLegend}</legend>
          <Select id="kind" label={f.kind} value={values.kind} error={errors.kind} options={KINDS.map((k) => ({ value: k, label: m.kinds[k] }))} />
          <TextArea id="title" label={f.title} value={values.title} error={errors.title} rows={2} maxLength={1000} />
          <TextArea id="authors" label={f.authors} hint={f.authorsHint} value={values.authors} error={errors.authors} rows={4} />
          <CheckboxInput id="authorsIncomplete" name="authorsIncomplete" value="ja" label={f.authorsIncomplete} checked={values.authorsIncomplete} />
          <TextInput id="year" label={f.year} value={values.year} error={errors.year} inputMode="numeric" maxLength={4} />
          <TextInput id="container" label={f.container} value={values.container} error={errors.container} maxLength={500} />
          <TextInput id="doi" label={f.doi} hint={f.doiHint} value={values.doi} error={errors.doi} maxLength={300} />
          <TextInput id="url" label={f.url} hint={f.urlHint} value={values.url} error={errors.url} type="url" maxLength={2000} />
        </fieldset>
        <fieldset className="ds-fieldset evidence-fieldset">
          <legend className="ds-heading" data-size="xs">{f.contentLegend}</legend>
          <Select id="design" label={f.design} value={values.design} error={errors.design} options={[none, ...DESIGNS.map((d) => ({ value: d, label: m.designs[d] }))]} />
          <Select id="population" label={f.population} value={values.population} error={errors.population} options={[none, ...POPULATIONS.map((p) => ({ value: p, label: m.populations[p] }))]} />
          <TextInput id="setting" label={f.setting} hint={f.settingHint} value={values.setting} error={errors.setting} maxLength={500} />
          <fieldset className="ds-fieldset" aria-describedby={errors.outcomes ? 'outcomes-error' : undefined}>
            <legend className="ds-label">{f.outcomes}</legend>
            {errors.outcomes && <p className="ds-validation-message" id="outcomes-error" data-color="danger">{errors.outcomes}</p>}
            {OUTCOMES.map((o) => <CheckboxInput key={o} id={`outcomes-${o}`} name="outcomes" value={o} label={m.outcomes[o]} checked={values.outcomes.includes(o)} />)}
          </fieldset>
          <TextArea id="mainFinding" label={f.mainFinding} hint={f.mainFindingHint} value={values.mainFinding} error={errors.mainFinding} rows={4} maxLength={4000} />
          <TextInput id="effectSize" label={f.effectSize} hint={f.effectSizeHint} value={values.effectSize} error={errors.effectSize} maxLength={1000} />
          <TextInput id="effectSizeSource" label={f.effectSizeSource} hint={f.effectSizeSourceHint} value={values.effectSizeSource} error={errors.effectSizeSource} maxLength={500} />
        </fieldset>
        <div className="actions">
          <Button type="submit">{f.save}</Button>
          <Link href={entryKey ? paths.network.evidence.entry(entryKey) : paths.network.evidence.index}>{msg.networkEvidence.nav.list}</Link>
        </div>
      </form>
    </PageFrame>
  );
}
