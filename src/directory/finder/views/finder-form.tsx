import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { nb } from '../../../platform/i18n/nb.ts';
import { paths } from '../../../platform/paths.ts';
import { describedBy } from '../../../platform/forms/index.ts';
import { RADII, SORTS } from '../params.ts';

export interface FormValues {
  q: string;
  sted: string;
  innen: string;
  alder: string;
  sortering: string;
}
export type FieldErrors = Partial<Record<keyof FormValues | 'filter', string>>;

/** The search fields. A plain GET form: the URL is the search, shareable and working without JavaScript. */
export function SearchFields({ values, errors, hidden = {} }: { values: FormValues; errors: FieldErrors; hidden?: Record<string, string[]> }) {
  const m = nb.finder;
  return (
    <div className="search-form">
      <Field>
        <Label htmlFor="q">{m.textLabel}</Label>
        <p className="ds-paragraph" data-size="sm" id="q-hint">{m.textHint}</p>
        <Input id="q" name="q" type="search" defaultValue={values.q} aria-describedby={describedBy('q', true, errors.q)} aria-invalid={errors.q ? true : undefined} maxLength={200} />
        {errors.q && <ValidationMessage id="q-error">{errors.q}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="sted">{m.placeLabel}</Label>
        <p className="ds-paragraph" data-size="sm" id="sted-hint">{m.placeHint}</p>
        <Input id="sted" name="sted" defaultValue={values.sted} autoComplete="postal-code" aria-describedby={describedBy('sted', true, errors.sted)} aria-invalid={errors.sted ? true : undefined} maxLength={100} />
        {errors.sted && <ValidationMessage id="sted-error">{errors.sted}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="innen">{m.radiusLabel}</Label>
        <select className="ds-input" id="innen" name="innen" defaultValue={values.innen} aria-describedby={describedBy('innen', false, errors.innen)} aria-invalid={errors.innen ? true : undefined}>
          <option value="">{m.radiusAny}</option>
          {RADII.map((km) => (
            <option key={km} value={String(km)}>{m.radiusOption(km)}</option>
          ))}
        </select>
        {errors.innen && <ValidationMessage id="innen-error">{errors.innen}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="alder">{m.ageLabel}</Label>
        <p className="ds-paragraph" data-size="sm" id="alder-hint">{m.ageHint}</p>
        <Input id="alder" name="alder" inputMode="numeric" defaultValue={values.alder} aria-describedby={describedBy('alder', true, errors.alder)} aria-invalid={errors.alder ? true : undefined} maxLength={3} />
        {errors.alder && <ValidationMessage id="alder-error">{errors.alder}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="sortering">{m.sortLabel}</Label>
        <select className="ds-input" id="sortering" name="sortering" defaultValue={values.sortering}>
          {Object.entries(SORTS).map(([value, key]) => (
            <option key={value} value={value}>{m.sort[key]}</option>
          ))}
        </select>
      </Field>
      {Object.entries(hidden).flatMap(([name, list]) => list.map((value) => <input key={`${name}=${value}`} type="hidden" name={name} value={value} />))}
      <div className="actions">
        <Button type="submit">{m.submit}</Button>
      </div>
    </div>
  );
}

export function finderUrl(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value ? [value] : []) search.append(key, v);
  }
  const text = search.toString();
  return text ? `${paths.finder}?${text}` : paths.finder;
}
