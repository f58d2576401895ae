import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { isWebUrl, WEB_URL_PATTERN, type LocationAggregate, type ServiceAggregate, type ServiceTranslation } from '../../model.ts';
import { LANGUAGES, TERMS } from '../../taxonomy.ts';
import { PostalCode } from '../../../reference/index.ts';

/**
 * The service form: flat HTML field names (phone-0-number, location-1-postalCode …) become a
 * structured draft, which a TypeBox schema validates; errors come back keyed by field id.
 */
export type FormValues = Record<string, string | string[] | undefined>;

/**
 * The service form as posted. It has no body schema (formToDraft and checkDraft name every problem
 * by field), so its fields are read as sent: strings and lists of strings, nothing else.
 */
export function postedForm(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) values[name] = value;
  }
  return values;
}

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const STATUSES = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;
const MAX_ROWS = 10;
const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
const TIME = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** A value from a fixed list, checkable by TypeBox's Value as well as by Ajv. */
const OneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer> | ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Nullable(Type.String({ maxLength }));
const SERVICE_TERMS = TERMS.filter((t) => t.facet.appliesTo === 'service').map((t) => t.key);
const LOCATION_TERMS = TERMS.filter((t) => t.facet.appliesTo === 'location').map((t) => t.key);

const LocationDraft = Type.Object({
  id: Type.String({ pattern: UUID_PATTERN }),
  name: Text(200),
  address1: Text(200),
  postalCode: PostalCode(),
  city: Text(100),
  isConfidential: Type.Boolean(),
  /** a confidential location's name may be shown; absent: hidden */
  nameShown: Type.Optional(Type.Boolean()),
  latitude: Nullable(Type.Number({ minimum: 57, maximum: 81 })),
  longitude: Nullable(Type.Number({ minimum: -10, maximum: 35 })),
  transportation: Text(1000),
  description: Text(2000),
  accessibility: Type.Array(OneOf(LOCATION_TERMS)),
  accessibilityDescription: Text(1000),
});

/**
 * The languages the form offers a description in besides bokmål, each as a field
 * description<Nn|En>. Other languages (and translated names and access texts) come by import and
 * are kept as they are when the form is saved.
 */
export const FORM_TRANSLATIONS = [{ language: 'nn', field: 'descriptionNn' }, { language: 'en', field: 'descriptionEn' }] as const;

export const ServiceDraftSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000 }),
  /** optional: the description in nynorsk and English; absent (the JSON API) keeps what the entry has, null removes it */
  descriptionNn: Type.Optional(Text(5000)),
  descriptionEn: Type.Optional(Text(5000)),
  status: OneOf(STATUSES),
  email: Nullable(Type.String({ pattern: EMAIL, maxLength: 254 })),
  url: Nullable(Type.String({ pattern: WEB_URL_PATTERN, maxLength: 500 })),
  applicationProcess: Text(2000),
  feesDescription: Text(1000),
  eligibilityDescription: Text(2000),
  waitTime: Text(200),
  minimumAge: Nullable(Type.Integer({ minimum: 0, maximum: 120 })),
  maximumAge: Nullable(Type.Integer({ minimum: 0, maximum: 120 })),
  fte: Nullable(Type.Number({ minimum: 0, maximum: 999 })),
  terms: Type.Array(OneOf(SERVICE_TERMS)),
  languages: Type.Array(OneOf(Object.keys(LANGUAGES))),
  phones: Type.Array(Type.Object({ number: Type.String({ pattern: '^\\+?[0-9 ]{5,20}$' }), description: Text(200) }), { maxItems: MAX_ROWS }),
  contacts: Type.Array(Type.Object({ name: Text(200), title: Text(200), email: Nullable(Type.String({ pattern: EMAIL, maxLength: 254 })) }), { maxItems: MAX_ROWS }),
  schedules: Type.Array(Type.Object({
    byday: Type.String({ pattern: `^(${DAYS.join('|')})(,(${DAYS.join('|')}))*$` }),
    opensAt: Type.String({ pattern: TIME }), closesAt: Type.String({ pattern: TIME }), description: Text(200),
  }), { maxItems: MAX_ROWS }),
  locations: Type.Array(LocationDraft, { maxItems: MAX_ROWS }),
});
export type ServiceDraft = Static<typeof ServiceDraftSchema>;
export type LocationDraft = Static<typeof LocationDraft>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
const text = (v: string | string[] | undefined): string | null => one(v) || null;
/** a number, null when empty, or the text itself when it is not a number (so the schema names it) */
function numberOrText(v: string | string[] | undefined): number | string | null {
  const t = one(v).replace(',', '.').replace(/\s/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : one(v);
}

/** Row numbers present in the form for a prefix, e.g. phone-0-…, phone-3-… → [0, 3]. */
export function rowIndexes(values: FormValues, prefix: string): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}-([0-9]{1,2})-`).exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const filled = (values: FormValues, prefix: string, i: number, fields: string[]) => fields.some((f) => one(values[`${prefix}-${i}-${f}`]) !== '');

/** The form as a structured draft (not yet validated); blank rows are dropped, kept rows keep their form index. */
export function formToDraft(values: FormValues): { draft: unknown; rowOf: Record<string, number[]> } {
  const rowsOf = (prefix: string, fields: string[]) => rowIndexes(values, prefix).filter((i) => filled(values, prefix, i, fields));
  const phoneRows = rowsOf('phone', ['number', 'description']);
  const contactRows = rowsOf('contact', ['name', 'title', 'email']);
  const scheduleRows = rowsOf('schedule', ['opens', 'closes', 'description']);
  const locationRows = rowsOf('location', ['name', 'address1', 'postalCode', 'city', 'latitude', 'longitude', 'transportation', 'description', 'accessibilityDescription']);
  const draft = {
    name: one(values.name), description: one(values.description), descriptionNn: text(values.descriptionNn), descriptionEn: text(values.descriptionEn),
    status: one(values.status) || 'active',
    email: text(values.email), url: text(values.url), applicationProcess: text(values.applicationProcess),
    feesDescription: text(values.feesDescription), eligibilityDescription: text(values.eligibilityDescription),
    waitTime: text(values.waitTime), minimumAge: numberOrText(values.minimumAge), maximumAge: numberOrText(values.maximumAge),
    fte: numberOrText(values.fte), terms: [...new Set(many(values.term))], languages: [...new Set(many(values.sprak))],
    phones: phoneRows.map((i) => ({ number: one(values[`phone-${i}-number`]), description: text(values[`phone-${i}-description`]) })),
    contacts: contactRows.map((i) => ({ name: text(values[`contact-${i}-name`]), title: text(values[`contact-${i}-title`]), email: text(values[`contact-${i}-email`]) })),
    schedules: scheduleRows.map((i) => ({
      byday: DAYS.filter((d) => many(values[`schedule-${i}-day`]).includes(d)).join(','),
      opensAt: one(values[`schedule-${i}-opens`]), closesAt: one(values[`schedule-${i}-closes`]), description: text(values[`schedule-${i}-description`]),
    })),
    locations: locationRows.map((i) => {
      const v = (f: string) => values[`location-${i}-${f}`];
      return {
        id: one(v('id')) || newId(), name: text(v('name')), address1: text(v('address1')), postalCode: one(v('postalCode')),
        city: text(v('city')), isConfidential: one(v('isConfidential')) === 'ja', nameShown: one(v('nameShown')) === 'ja', latitude: numberOrText(v('latitude')),
        longitude: numberOrText(v('longitude')), transportation: text(v('transportation')), description: text(v('description')),
        accessibility: many(v('accessibility')), accessibilityDescription: text(v('accessibilityDescription')),
      };
    }),
  };
  return { draft, rowOf: { phones: phoneRows, contacts: contactRows, schedules: scheduleRows, locations: locationRows } };
}

const ROW_PREFIX: Record<string, string> = { phones: 'phone', contacts: 'contact', schedules: 'schedule', locations: 'location' };
const ROW_FIELD: Record<string, string> = { byday: 'day-MO', opensAt: 'opens', closesAt: 'closes' };

/** The form field id a schema path points at: /phones/1/number → phone-<form row>-number. */
export function fieldIdOf(path: string, rowOf: Record<string, number[]>): string {
  const [list, index, field] = path.split('/').filter(Boolean);
  if (list === 'terms') return 'terms';
  if (list === 'languages') return 'languages';
  if (list && ROW_PREFIX[list] && index !== undefined) {
    const row = rowOf[list]?.[Number(index)] ?? Number(index);
    if (!field || /^[0-9]+$/.test(field)) return `${ROW_PREFIX[list]}-${row}-${list === 'locations' ? 'accessibility' : 'number'}`;
    return `${ROW_PREFIX[list]}-${row}-${ROW_FIELD[field] ?? field}`;
  }
  return list ?? 'form';
}

export interface DraftCheck {
  draft: ServiceDraft | null;
  /** field id → message key (nb.selfService.errors in the catalogue) */
  errors: Record<string, string>;
  /** the form row each kept row came from, per list */
  rowOf: Record<string, number[]>;
}

/**
 * Validates the draft: formats always (a draft is only saved when it is well-formed), the
 * required parts only when it is sent to moderation.
 */
export function checkDraft(values: FormValues, options: { forSubmit: boolean }): DraftCheck {
  const { draft, rowOf } = formToDraft(values);
  return checkDraftObject(draft, rowOf, options);
}

/** The same checks for a draft that arrives structured (the JSON API); rows are then 0, 1, 2 … */
export function checkDraftObject(draft: unknown, rowOf: Record<string, number[]>, options: { forSubmit: boolean }): DraftCheck {
  const errors: Record<string, string> = {};
  for (const error of Value.Errors(ServiceDraftSchema, draft)) {
    const id = fieldIdOf(error.path, rowOf);
    errors[id] ??= error.path.split('/').filter((p) => !/^[0-9]+$/.test(p)).pop() ?? 'form';
  }
  const d = draft as ServiceDraft;
  if (typeof d.minimumAge === 'number' && typeof d.maximumAge === 'number' && d.minimumAge > d.maximumAge) errors.maximumAge ??= 'ageOrder';
  if (typeof d.url === 'string' && !isWebUrl(d.url)) errors.url ??= 'url';
  d.schedules.forEach((s, i) => {
    if (s.byday === '') errors[`schedule-${rowOf.schedules?.[i] ?? i}-day-MO`] ??= 'byday';
  });
  if (options.forSubmit) {
    if (!d.description) errors.description ??= 'descriptionRequired';
    // a translation of nothing: the bokmål text is what every reader falls back to
    for (const { field } of FORM_TRANSLATIONS) if (d[field] && !d.description) errors[field] ??= 'translationWithoutDescription';
    if (!d.terms.some((t) => t.startsWith('niva:'))) errors.terms ??= 'levelRequired';
    if (d.locations.length === 0 && !d.terms.includes('format:digital')) errors['location-0-postalCode'] ??= 'placeRequired';
  }
  return { draft: Object.keys(errors).length === 0 ? d : null, errors, rowOf };
}

/** A checked draft as the aggregate the directory stores; places come from the postal codes. */
/**
 * The entry's translations with the form's descriptions in place: a description left empty removes
 * it, a field the draft does not carry keeps it, and the rest of each translation (a name, the text
 * on how to get in, other languages, from an import) is kept as it is.
 */
export function mergeTranslations(kept: ServiceTranslation[], draft: Pick<ServiceDraft, 'descriptionNn' | 'descriptionEn'>): ServiceTranslation[] {
  const byLanguage = new Map(kept.map((t) => [t.language, { ...t }]));
  for (const { language, field } of FORM_TRANSLATIONS) {
    const value = draft[field];
    if (value === undefined) continue;
    const translation = byLanguage.get(language) ?? { language, name: null, description: null, applicationProcess: null };
    translation.description = value;
    byLanguage.set(language, translation);
  }
  return [...byLanguage.values()].filter((t) => t.name || t.description || t.applicationProcess).sort((a, b) => a.language.localeCompare(b.language));
}

export function draftToAggregate(draft: ServiceDraft, base: { id: string; organizationId: string; assuredDate: string | null; isDemo: boolean; translations?: ServiceTranslation[] | undefined }, places: Map<string, { municipalityNumber: string; city: string; county: string }>): ServiceAggregate {
  return {
    id: base.id, organizationId: base.organizationId, name: draft.name, description: draft.description, status: draft.status as ServiceAggregate['status'],
    email: draft.email, url: draft.url, applicationProcess: draft.applicationProcess, feesDescription: draft.feesDescription,
    eligibilityDescription: draft.eligibilityDescription, waitTime: draft.waitTime, minimumAge: draft.minimumAge,
    maximumAge: draft.maximumAge, assuredDate: base.assuredDate, fte: draft.fte, isDemo: base.isDemo,
    terms: [...draft.terms].sort(), languages: [...draft.languages].sort(), phones: draft.phones,
    contacts: draft.contacts, schedules: draft.schedules,
    locations: draft.locations.map((l): LocationAggregate => {
      const place = places.get(l.postalCode);
      return {
        id: l.id, name: l.name, description: l.description, transportation: l.transportation, latitude: l.latitude, longitude: l.longitude,
        isConfidential: l.isConfidential, nameShown: l.nameShown === true, municipalityNumber: place?.municipalityNumber ?? null,
        address: l.address1 ? { address1: l.address1, postalCode: l.postalCode, city: l.city ?? place?.city ?? '', stateProvince: place?.county ?? '' } : null,
        accessibility: [...l.accessibility].sort(), accessibilityDescription: l.accessibilityDescription,
      };
    }),
    translations: mergeTranslations(base.translations ?? [], draft),
  };
}

/** A stored aggregate as form values, to edit it. */
export function aggregateToForm(s: ServiceAggregate): FormValues {
  const values: FormValues = {
    name: s.name, description: s.description, status: s.status, email: s.email ?? '', url: s.url ?? '',
    applicationProcess: s.applicationProcess ?? '', feesDescription: s.feesDescription ?? '', eligibilityDescription: s.eligibilityDescription ?? '',
    waitTime: s.waitTime ?? '', minimumAge: s.minimumAge?.toString() ?? '', maximumAge: s.maximumAge?.toString() ?? '',
    fte: s.fte?.toString().replace('.', ',') ?? '', term: s.terms, sprak: s.languages,
  };
  for (const { language, field } of FORM_TRANSLATIONS) values[field] = (s.translations ?? []).find((t) => t.language === language)?.description ?? '';
  s.phones.forEach((p, i) => Object.assign(values, { [`phone-${i}-number`]: p.number, [`phone-${i}-description`]: p.description ?? '' }));
  s.contacts.forEach((c, i) => Object.assign(values, { [`contact-${i}-name`]: c.name ?? '', [`contact-${i}-title`]: c.title ?? '', [`contact-${i}-email`]: c.email ?? '' }));
  s.schedules.forEach((x, i) => Object.assign(values, { [`schedule-${i}-day`]: x.byday.split(',').filter(Boolean), [`schedule-${i}-opens`]: x.opensAt, [`schedule-${i}-closes`]: x.closesAt, [`schedule-${i}-description`]: x.description ?? '' }));
  s.locations.forEach((l, i) => Object.assign(values, {
    [`location-${i}-id`]: l.id, [`location-${i}-name`]: l.name ?? '', [`location-${i}-address1`]: l.address?.address1 ?? '',
    [`location-${i}-postalCode`]: l.address?.postalCode ?? '', [`location-${i}-city`]: l.address?.city ?? '',
    [`location-${i}-isConfidential`]: l.isConfidential ? 'ja' : '', [`location-${i}-nameShown`]: l.nameShown === true ? 'ja' : '', [`location-${i}-latitude`]: l.latitude?.toString() ?? '',
    [`location-${i}-longitude`]: l.longitude?.toString() ?? '', [`location-${i}-transportation`]: l.transportation ?? '',
    [`location-${i}-description`]: l.description ?? '', [`location-${i}-accessibility`]: l.accessibility,
    [`location-${i}-accessibilityDescription`]: l.accessibilityDescription ?? '',
  }));
  return values;
}
