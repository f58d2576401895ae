import type { AuditChange } from '../../accounts/index.ts';
import type { ServiceAggregate } from '../model.ts';
import { FACETS, LANGUAGES, TERM_BY_KEY } from '../taxonomy.ts';

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

const termNames = (keys: string[]) => keys.map((k) => TERM_BY_KEY.get(k)?.name ?? k).join(', ');
const STATUS: Record<string, string> = { active: 'Aktiv', 'temporarily closed': 'Midlertidig stengt', inactive: 'Ikke aktiv', defunct: 'Nedlagt' };

/** A service and its locations as a flat list of fields, for diffs and the audit log. */
export function flattenService(s: ServiceAggregate): FlatField[] {
  const svc = (field: string, label: string, value: string | number | null | undefined): FlatField =>
    ({ resourceId: s.id, resourceType: 'service', field, label, value: value === null || value === undefined ? '' : String(value) });
  const fields: FlatField[] = [
    svc('name', 'Navn', s.name),
    svc('description', 'Beskrivelse', s.description),
    svc('status', 'Status', STATUS[s.status] ?? s.status),
    svc('email', 'E-post', s.email),
    svc('url', 'Nettside', s.url),
    svc('application_process', 'Slik får du tilbudet', s.applicationProcess),
    svc('fees_description', 'Kostnad', s.feesDescription),
    svc('eligibility_description', 'Hvem tilbudet er for', s.eligibilityDescription),
    svc('wait_time', 'Ventetid', s.waitTime),
    svc('minimum_age', 'Alder fra', s.minimumAge),
    svc('maximum_age', 'Alder til', s.maximumAge),
    svc('fte', 'Årsverk musikkterapeut', s.fte),
    ...FACETS.filter((f) => f.appliesTo === 'service').map((f) => svc(`attribute.${f.id}`, f.name, termNames(s.terms.filter((t) => t.startsWith(`${f.id}:`))))),
    svc('language', 'Språk', s.languages.map((c) => LANGUAGES[c] ?? c).join(', ')),
    svc('phone', 'Telefon', s.phones.map((p) => [p.number, p.description].filter(Boolean).join(' – ')).join('; ')),
    svc('contact', 'Kontaktpersoner', s.contacts.map((c) => [c.name, c.title, c.email].filter(Boolean).join(', ')).join('; ')),
    svc('schedule', 'Åpningstider', s.schedules.map((x) => `${x.byday} ${x.opensAt}–${x.closesAt}${x.description ? ` (${x.description})` : ''}`).join('; ')),
  ];
  s.locations.forEach((l, i) => {
    const loc = (field: string, label: string, value: string | number | null | undefined): FlatField =>
      ({ resourceId: l.id, resourceType: 'location', field, label: `Sted ${i + 1}: ${label}`, value: value === null || value === undefined ? '' : String(value) });
    fields.push(
      loc('name', 'Navn', l.name),
      loc('address', 'Adresse', l.address ? `${l.address.address1}, ${l.address.postalCode} ${l.address.city}` : ''),
      loc('municipality_number', 'Kommunenummer', l.municipalityNumber),
      loc('is_confidential', 'Skjermet adresse', l.isConfidential ? 'Ja' : 'Nei'),
      loc('name_shown', 'Navnet kan vises selv om stedet er skjermet', l.nameShown === true ? 'Ja' : 'Nei'),
      loc('latitude', 'Breddegrad', l.latitude),
      loc('longitude', 'Lengdegrad', l.longitude),
      loc('transportation', 'Reise', l.transportation),
      loc('description', 'Beskrivelse', l.description),
      loc('attribute.tilgjengelighet', 'Tilgjengelighet', termNames(l.accessibility)),
      loc('accessibility_description', 'Om tilgjengeligheten', l.accessibilityDescription),
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
