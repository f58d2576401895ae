import type { AuditChange } from '../../../accounts/index.ts';
import type { ServiceAggregate } from '../../model.ts';
import type { FieldPlaces } from '../../service-fields.ts';
import { localeTag, msg } from '../../../platform/i18n/index.ts';
import { FACETS } from '../../taxonomy.ts';
import { facetLabel, languageLabel, termLabel } from '../../taxonomy-labels.ts';

/** One field of an entry as people read it: what it is called, and its value as text. */
export interface FlatField {
  resourceId: string;
  resourceType: 'service' | 'location';
  /** HSDS-style field name, stored in the audit log */
  field: string;
  /** Norwegian label for the moderation diff */
  label: string;
  value: string;
}

export interface FieldChange extends FlatField {
  previous: string;
}

const termNames = (keys: string[]) => keys.map(termLabel).join(', ');
const d = msg.moderation.diff;

/** The audit field each field of the model is shown and logged as (see ../../service-fields.ts); attribute.* and location.* are groups. */
export const DIFF_FIELDS = {
  name: 'name', description: 'description', status: 'status', email: 'email', url: 'url', applicationProcess: 'application_process',
  feesDescription: 'fees_description', eligibilityDescription: 'eligibility_description', waitTime: 'wait_time', minimumAge: 'minimum_age',
  maximumAge: 'maximum_age', fte: 'fte', terms: 'attribute.*', languages: 'language', phones: 'phone', contacts: 'contact', schedules: 'schedule',
  locations: 'location.*',
  translations: 'translation.*',
  id: { leftOut: 'the entry itself, not a field of it' },
  organizationId: { leftOut: 'an entry does not move between organisations through a change request' },
  assuredDate: { leftOut: 'confirming an entry is logged as its own action, not as a change' },
  isDemo: { leftOut: 'set by the demo loader only' },
} as const satisfies FieldPlaces;

/** A language's name in the reader's language (nynorsk, English …), or its code where Intl has none. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([localeTag()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A service and its locations as a flat list of fields, for diffs and the audit log. */
export function flattenService(s: ServiceAggregate): FlatField[] {
  const svc = (field: string, label: string, value: string | number | null | undefined): FlatField =>
    ({ resourceId: s.id, resourceType: 'service', field, label, value: value === null || value === undefined ? '' : String(value) });
  const fields: FlatField[] = [
    svc('name', d.service.name, s.name),
    svc('description', d.service.description, s.description),
    svc('status', d.service.status, d.status[s.status] ?? s.status),
    svc('email', d.service.email, s.email),
    svc('url', d.service.url, s.url),
    svc('application_process', d.service.applicationProcess, s.applicationProcess),
    svc('fees_description', d.service.feesDescription, s.feesDescription),
    svc('eligibility_description', d.service.eligibilityDescription, s.eligibilityDescription),
    svc('wait_time', d.service.waitTime, s.waitTime),
    svc('minimum_age', d.service.minimumAge, s.minimumAge),
    svc('maximum_age', d.service.maximumAge, s.maximumAge),
    svc('fte', d.service.fte, s.fte),
    ...FACETS.filter((f) => f.appliesTo === 'service').map((f) => svc(`attribute.${f.id}`, facetLabel(f.id), termNames(s.terms.filter((t) => t.startsWith(`${f.id}:`))))),
    svc('language', d.service.language, s.languages.map(languageLabel).join(', ')),
    svc('phone', d.service.phone, s.phones.map((p) => [p.number, p.description].filter(Boolean).join(' – ')).join('; ')),
    svc('contact', d.service.contact, s.contacts.map((c) => [c.name, c.title, c.email].filter(Boolean).join(', ')).join('; ')),
    svc('schedule', d.service.schedule, s.schedules.map((x) => `${x.byday} ${x.opensAt}–${x.closesAt}${x.description ? ` (${x.description})` : ''}`).join('; ')),
    // the text in other languages, one field per language and field ("translation.nn.description"); a
    // change request saved before translations existed has none
    ...(s.translations ?? []).flatMap((t) => {
      const language = languageName(t.language);
      return [
        svc(`translation.${t.language}.name`, d.service.translated(d.service.name, language), t.name),
        svc(`translation.${t.language}.description`, d.service.translated(d.service.description, language), t.description),
        svc(`translation.${t.language}.application_process`, d.service.translated(d.service.applicationProcess, language), t.applicationProcess),
      ];
    }),
  ];
  s.locations.forEach((l, i) => {
    const loc = (field: string, label: string, value: string | number | null | undefined): FlatField =>
      ({ resourceId: l.id, resourceType: 'location', field, label: d.locationField(i + 1, label), value: value === null || value === undefined ? '' : String(value) });
    fields.push(
      loc('name', d.location.name, l.name),
      loc('address', d.location.address, l.address ? `${l.address.address1}, ${l.address.postalCode} ${l.address.city}` : ''),
      loc('municipality_number', d.location.municipalityNumber, l.municipalityNumber),
      loc('is_confidential', d.location.isConfidential, l.isConfidential ? d.yes : d.no),
      loc('name_shown', d.location.nameShown, l.nameShown === true ? d.yes : d.no),
      loc('latitude', d.location.latitude, l.latitude),
      loc('longitude', d.location.longitude, l.longitude),
      loc('transportation', d.location.transportation, l.transportation),
      loc('description', d.location.description, l.description),
      loc('attribute.tilgjengelighet', d.location.accessibility, termNames(l.accessibility)),
      loc('accessibility_description', d.location.accessibilityDescription, l.accessibilityDescription),
    );
  });
  return fields;
}

/** Fields that differ between the published entry (null: none yet) and the proposal. */
export function diffServices(before: ServiceAggregate | null, after: ServiceAggregate): FieldChange[] {
  const key = (f: FlatField) => `${f.resourceId}\u0000${f.field}`;
  const old = new Map((before ? flattenService(before) : []).map((f) => [key(f), f]));
  const now = flattenService(after);
  const changes: FieldChange[] = now.map((f) => ({ ...f, previous: old.get(key(f))?.value ?? '' })).filter((f) => f.previous !== f.value);
  const kept = new Set(now.map(key));
  // a removed location shows up with its old values and empty new ones
  for (const f of old.values()) if (!kept.has(key(f)) && f.value !== '') changes.push({ ...f, previous: f.value, value: '' });
  return changes;
}

export function toAuditChanges(changes: FieldChange[], actionType: string): AuditChange[] {
  return changes.map((c) => ({
    resourceId: c.resourceId, resourceType: c.resourceType, actionType, fieldName: c.field, previousValue: c.previous, replacementValue: c.value,
  }));
}
