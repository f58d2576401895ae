import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { describedBy } from '../../../platform/forms/index.ts';
import { assetUrl } from '../../../platform/http/assets.ts';
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
  const m = msg.finder;
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
      <UseLocation />
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
        <select className="ds-input" id="sortering" name="sortering" defaultValue={values.sortering} aria-describedby={describedBy('sortering', false, errors.sortering)} aria-invalid={errors.sortering ? true : undefined}>
          {Object.entries(SORTS).map(([value, key]) => (
            <option key={value} value={value}>{m.sort[key]}</option>
          ))}
        </select>
        {errors.sortering && <ValidationMessage id="sortering-error">{errors.sortering}</ValidationMessage>}
      </Field>
      {Object.entries(hidden).flatMap(([name, list]) => list.map((value) => <input key={`${name}=${value}`} type="hidden" name={name} value={value} />))}
      <div className="actions">
        <Button type="submit">{m.submit}</Button>
      </div>
    </div>
  );
}

/**
 * "Bruk posisjonen min": assets/use-location.js puts a button here (and a line for its messages)
 * only when the browser has JavaScript and geolocation; it sends the position as lat and lon
 * through this form. Without JavaScript nothing is shown and the place field works as before.
 * The texts come from the catalogue through data attributes.
 */
function UseLocation() {
  const t = msg.finder.location;
  return (
    <>
      <div className="use-location" data-module="use-location" data-label={t.use} data-finding={t.finding} data-denied={t.denied} data-unavailable={t.unavailable} />
      <script src={assetUrl('use-location.js')} defer />
    </>
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
