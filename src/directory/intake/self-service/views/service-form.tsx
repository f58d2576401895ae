import type { ReactNode } from 'react';
import { Button, Fieldset, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CheckboxInput, CsrfField, ErrorSummary, Select, TextArea, TextInput, type Errors } from '../../../../platform/forms/index.ts';
import { msg } from '../../../../platform/i18n/index.ts';
import { FACETS, LANGUAGES, TERMS } from '../../../taxonomy.ts';
import { facetLabel, languageLabel, termLabel } from '../../../taxonomy-labels.ts';
import { DAYS, FORM_TRANSLATIONS, STATUSES, rowIndexes, type FormValues } from '../draft.ts';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.selfService.form;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** Rows to show for a repeated group: the typed ones, then at least one blank (no JavaScript needed to add rows). */
function rows(values: FormValues, prefix: string, minimum: number): number[] {
  const used = rowIndexes(values, prefix);
  const next = used.length ? Math.max(...used) + 1 : 0;
  const all = [...used, next];
  while (all.length < minimum) all.push(all[all.length - 1]! + 1);
  return all.slice(0, 10);
}

function Group({ legend, id, error, children }: { legend: string; id?: string; error?: string | undefined; children: ReactNode }) {
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {children}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function TermBoxes({ values, facets, prefix = 'term', name = 'term', locationRow }: { values: FormValues; facets: typeof FACETS; prefix?: string; name?: string; locationRow?: number }) {
  const selected = many(values[name]);
  return (
    <>
      {facets.map((facet) => (
        <Group key={facet.id} legend={facetLabel(facet.id)}>
          {TERMS.filter((t) => t.facet === facet).map((t) => (
            <CheckboxInput key={t.key} id={`${prefix}-${t.key.replace(/:/g, '-')}${locationRow !== undefined ? `-${locationRow}` : ''}`} name={name} value={t.key} label={termLabel(t.key)} checked={selected.includes(t.key)} />
          ))}
        </Group>
      ))}
    </>
  );
}

export interface ServiceFormProps {
  title: string;
  action: string;
  values: FormValues;
  errors: Errors;
  csrfToken: string;
  /** which buttons: an editor saves or submits; a moderator saves and approves */
  mode: 'editor' | 'moderator';
  notice?: string | undefined;
}

/** Every field of the directory model for one service and its locations; works without JavaScript. */
export function ServiceFormPage({ title, action, values, errors, csrfToken, mode, notice }: ServiceFormProps) {
  const failed = Object.keys(errors).length > 0;
  const v = (name: string) => one(values[name]);
  const serviceFacets = FACETS.filter((f) => f.appliesTo === 'service');
  return (
    <PageFrame title={title} failed={failed} className="stack detail">
      {notice && <Paragraph>{notice}</Paragraph>}
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={msg.selfService.errors.summary} />
      <form method="post" action={action} noValidate className="stack">
        <CsrfField token={csrfToken} />
        <Heading level={2} data-size="sm">{m.about}</Heading>
        <TextInput id="name" label={m.name} value={v('name')} error={errors.name} maxLength={200} />
        <TextArea id="description" label={m.description} hint={m.descriptionHint} value={v('description')} error={errors.description} rows={6} maxLength={5000} lang="nb" />
        <Group legend={m.translationsHeading}>
          <Paragraph data-size="sm">{m.translationsHint}</Paragraph>
          {FORM_TRANSLATIONS.map(({ language, field }) => (
            <TextArea key={field} id={field} label={language === 'nn' ? m.descriptionNn : m.descriptionEn} value={v(field)} error={errors[field]} rows={4} maxLength={5000} lang={language} />
          ))}
        </Group>
        <Select id="status" label={m.status} value={v('status') || 'active'} error={errors.status} options={STATUSES.map((s) => ({ value: s, label: m.statuses[s] ?? s }))} />
        <TextInput id="fte" label={m.fte} hint={m.fteHint} value={v('fte')} error={errors.fte} inputMode="decimal" maxLength={6} />
        <TextInput id="url" label={m.url} type="url" value={v('url')} error={errors.url} maxLength={500} />
        <TextInput id="email" label={m.email} type="email" value={v('email')} error={errors.email} maxLength={254} />

        <Heading level={2} data-size="sm" id="terms">{m.classification}</Heading>
        {errors.terms && <ValidationMessage>{errors.terms}</ValidationMessage>}
        <TermBoxes values={values} facets={serviceFacets.filter((f) => !['tilgang', 'henviser'].includes(f.id))} />
        <Group legend={m.languages} id="languages" error={errors.languages}>
          {Object.keys(LANGUAGES).map((code) => (
            <CheckboxInput key={code} id={`sprak-${code}`} name="sprak" value={code} label={languageLabel(code)} checked={many(values.sprak).includes(code)} />
          ))}
        </Group>

        <Heading level={2} data-size="sm">{m.forWhom}</Heading>
        <TextArea id="eligibilityDescription" label={m.eligibility} value={v('eligibilityDescription')} error={errors.eligibilityDescription} maxLength={2000} />
        <TextInput id="minimumAge" label={m.minimumAge} value={v('minimumAge')} error={errors.minimumAge} inputMode="numeric" maxLength={3} />
        <TextInput id="maximumAge" label={m.maximumAge} value={v('maximumAge')} error={errors.maximumAge} inputMode="numeric" maxLength={3} />
        <TermBoxes values={values} facets={serviceFacets.filter((f) => ['tilgang', 'henviser'].includes(f.id))} />
        <TextArea id="applicationProcess" label={m.applicationProcess} value={v('applicationProcess')} error={errors.applicationProcess} maxLength={2000} />
        <TextInput id="waitTime" label={m.waitTime} value={v('waitTime')} error={errors.waitTime} maxLength={200} />
        <TextInput id="feesDescription" label={m.fees} value={v('feesDescription')} error={errors.feesDescription} maxLength={1000} />

        <Heading level={2} data-size="sm">{m.contact}</Heading>
        <Paragraph data-size="sm">{m.emptyRowsHint}</Paragraph>
        {rows(values, 'phone', 1).map((i, n) => (
          <Group key={`phone-${i}`} legend={m.phone(n + 1)}>
            <TextInput id={`phone-${i}-number`} label={m.phoneNumber} type="tel" value={v(`phone-${i}-number`)} error={errors[`phone-${i}-number`]} maxLength={20} />
            <TextInput id={`phone-${i}-description`} label={m.phoneDescription} value={v(`phone-${i}-description`)} error={errors[`phone-${i}-description`]} maxLength={200} />
          </Group>
        ))}
        {rows(values, 'contact', 1).map((i, n) => (
          <Group key={`contact-${i}`} legend={m.contactPerson(n + 1)}>
            <TextInput id={`contact-${i}-name`} label={m.contactName} value={v(`contact-${i}-name`)} error={errors[`contact-${i}-name`]} maxLength={200} />
            <TextInput id={`contact-${i}-title`} label={m.contactTitle} value={v(`contact-${i}-title`)} error={errors[`contact-${i}-title`]} maxLength={200} />
            <TextInput id={`contact-${i}-email`} label={m.contactEmail} type="email" value={v(`contact-${i}-email`)} error={errors[`contact-${i}-email`]} maxLength={254} />
          </Group>
        ))}

        <Heading level={2} data-size="sm">{m.schedules}</Heading>
        {rows(values, 'schedule', 1).map((i, n) => (
          <Group key={`schedule-${i}`} legend={m.schedule(n + 1)}>
            <Group legend={m.days} error={errors[`schedule-${i}-day-MO`]}>
              {DAYS.map((d) => <CheckboxInput key={d} id={`schedule-${i}-day-${d}`} name={`schedule-${i}-day`} value={d} label={m.dayNames[d] ?? d} checked={many(values[`schedule-${i}-day`]).includes(d)} />)}
            </Group>
            <TextInput id={`schedule-${i}-opens`} label={m.opens} value={v(`schedule-${i}-opens`)} error={errors[`schedule-${i}-opens`]} maxLength={5} />
            <TextInput id={`schedule-${i}-closes`} label={m.closes} value={v(`schedule-${i}-closes`)} error={errors[`schedule-${i}-closes`]} maxLength={5} />
            <TextInput id={`schedule-${i}-description`} label={m.scheduleDescription} value={v(`schedule-${i}-description`)} error={errors[`schedule-${i}-description`]} maxLength={200} />
          </Group>
        ))}

        <Heading level={2} data-size="sm">{m.locations}</Heading>
        <Paragraph data-size="sm">{m.locationsHint}</Paragraph>
        {rows(values, 'location', 1).map((i, n) => {
          const f = (name: string) => `location-${i}-${name}`;
          return (
            <Group key={f('row')} legend={m.location(n + 1)}>
              <input type="hidden" name={f('id')} value={v(f('id'))} />
              <TextInput id={f('name')} label={m.locationName} value={v(f('name'))} error={errors[f('name')]} maxLength={200} />
              <TextInput id={f('address1')} label={m.address1} value={v(f('address1'))} error={errors[f('address1')]} autoComplete="street-address" maxLength={200} />
              <TextInput id={f('postalCode')} label={m.postalCode} value={v(f('postalCode'))} error={errors[f('postalCode')]} inputMode="numeric" maxLength={4} />
              <TextInput id={f('city')} label={m.city} value={v(f('city'))} error={errors[f('city')]} maxLength={100} />
              <CheckboxInput id={f('isConfidential')} name={f('isConfidential')} value="ja" label={m.confidential} checked={v(f('isConfidential')) === 'ja'} />
              <CheckboxInput id={f('nameShown')} name={f('nameShown')} value="ja" label={m.nameShown} checked={v(f('nameShown')) === 'ja'} />
              <TextInput id={f('latitude')} label={m.latitude} value={v(f('latitude'))} error={errors[f('latitude')]} inputMode="decimal" maxLength={12} />
              <TextInput id={f('longitude')} label={m.longitude} value={v(f('longitude'))} error={errors[f('longitude')]} inputMode="decimal" maxLength={12} />
              <TextArea id={f('transportation')} label={m.transportation} value={v(f('transportation'))} error={errors[f('transportation')]} rows={2} maxLength={1000} />
              <TextArea id={f('description')} label={m.locationDescription} value={v(f('description'))} error={errors[f('description')]} rows={2} maxLength={2000} />
              <Group legend={m.accessibility} id={f('accessibility')} error={errors[f('accessibility')]}>
                {TERMS.filter((t) => t.facet.appliesTo === 'location').map((t) => (
                  <CheckboxInput key={t.key} id={`${f('acc')}-${t.code}`} name={f('accessibility')} value={t.key} label={termLabel(t.key)} checked={many(values[f('accessibility')]).includes(t.key)} />
                ))}
              </Group>
              <TextInput id={f('accessibilityDescription')} label={m.accessibilityDescription} value={v(f('accessibilityDescription'))} error={errors[f('accessibilityDescription')]} maxLength={1000} />
            </Group>
          );
        })}

        <div className="actions">
          {mode === 'editor' ? (
            <>
              <Button type="submit" name="handling" value="send">{m.submit}</Button>
              <Button type="submit" name="handling" value="lagre" variant="secondary">{m.saveDraft}</Button>
            </>
          ) : (
            <Button type="submit" name="handling" value="godkjenn">{m.approve}</Button>
          )}
        </div>
      </form>
    </PageFrame>
  );
}
