import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import type { TableName } from './dataset.ts';
import type { ServiceTable } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { TRANSLATION_LANGUAGE_PATTERN, WEB_URL_PATTERN } from '../model.ts';
import { MunicipalityNumber } from '../../reference/index.ts';

/**
 * The columns an import stores, per table, as TypeBox schemas: HSDS 3.0 field names and types,
 * narrowed where our database is stricter (coordinates in range, ages as whole numbers). Each
 * schema carries a `hint`: the plain message a person sees when a value does not fit.
 */

/** The hint is read when a value fails, in the reader's language (a function, so no text is fixed when the module loads). */
const hinted = <T extends TSchema>(schema: T, hint: () => string): T => ({ ...schema, hint });
const uuid = hinted(Type.String({ pattern: UUID_PATTERN }), () => msg.hsdsImport.hint.uuid);
const text = (max = 10_000) => hinted(Type.String({ maxLength: max }), () => msg.hsdsImport.hint.text(max));
/** A day that exists in the calendar (not 2026-02-31), from year 1 to 9999 as PostgreSQL's date takes it. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// The formats TypeBox checks with these functions: the same check before the write as the database
// makes at it, so a file that passes the check is never refused by PostgreSQL (issue #10, item 11).
FormatRegistry.Set('calendar-date', (value) => {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
});
FormatRegistry.Set('zoned-date-time', (value) => {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,9})?)?(Z|[+-]([0-9]{2}):?([0-9]{2}))$/.exec(value);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const offset = match[7] === 'Z' || (Number(match[8]) <= 15 && Number(match[9]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 59 && offset;
});

const date = hinted(Type.String({ format: 'calendar-date' }), () => msg.hsdsImport.hint.date);
const time = hinted(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$' }), () => msg.hsdsImport.hint.time);
const dateTime = hinted(Type.String({ format: 'zoned-date-time' }), () => msg.hsdsImport.hint.dateTime);
const email = hinted(Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 320 }), () => msg.hsdsImport.hint.email);
const uri = hinted(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$', maxLength: 2000 }), () => msg.hsdsImport.hint.uri);
// a link the public is shown (a web page, not an identifier): http or https only (model.ts)
const webUrl = hinted(Type.String({ pattern: WEB_URL_PATTERN, maxLength: 2000 }), () => msg.hsdsImport.hint.webUrl);
const int = (minimum: number, maximum: number) => hinted(Type.Integer({ minimum, maximum }), () => msg.hsdsImport.hint.wholeNumber(minimum, maximum));
const number = (minimum: number, maximum: number) => hinted(Type.Number({ minimum, maximum }), () => msg.hsdsImport.hint.number(minimum, maximum));
const oneOf = (values: string[]) => hinted(Type.String({ pattern: `^(${values.join('|')})$` }), () => msg.hsdsImport.hint.oneOf(values));
const flag = hinted(Type.Boolean(), () => msg.hsdsImport.hint.flag);

interface TableColumns {
  columns: Record<string, TSchema>;
  required: string[];
}

const table = (required: string[], columns: Record<string, TSchema>): TableColumns => ({ columns: { id: uuid, ...columns }, required: ['id', ...required] });

/**
 * Every column of service an import may write: one entry per column of ServiceTable but id (added by
 * table()) and created_at (the database's), so a new column fails to compile here until it has its rule.
 */
const SERVICE_COLUMNS = {
  organization_id: uuid, name: text(500), alternate_name: text(500), description: text(), url: webUrl, email,
  status: oneOf(['active', 'inactive', 'defunct', 'temporarily closed']), interpretation_services: text(), application_process: text(),
  fees_description: text(), wait_time: text(), eligibility_description: text(), minimum_age: int(0, 150), maximum_age: int(0, 150),
  assured_date: date, assurer_email: email, alert: text(), last_modified: dateTime, fte: number(0, 9999), is_demo: flag,
  program_id: uuid,
} satisfies { [K in Exclude<keyof ServiceTable, 'id' | 'created_at'>]-?: TSchema };

export const COLUMNS: Record<TableName, TableColumns> = {
  taxonomy: table(['name', 'description'], { name: text(500), description: text(), uri, version: text(100) }),
  taxonomy_term: table(['name', 'description'], {
    code: text(200), name: text(500), description: text(), parent_id: uuid, taxonomy: text(200), language: text(35), taxonomy_id: uuid, term_uri: uri,
  }),
  organization: table(['name'], {
    name: text(500), alternate_name: text(500), description: text(), email, website: webUrl, legal_status: text(500),
    year_incorporated: int(1000, 2100), logo: webUrl, uri, parent_organization_id: uuid, is_demo: flag,
  }),
  organization_identifier: table(['organization_id', 'identifier_type', 'identifier'], {
    organization_id: uuid, identifier_scheme: text(100), identifier_type: text(200), identifier: text(200),
  }),
  location: table(['location_type'], {
    location_type: oneOf(['physical', 'postal', 'virtual']), url: webUrl, organization_id: uuid, name: text(500), alternate_name: text(500),
    description: text(), transportation: text(), latitude: number(-90, 90), longitude: number(-180, 180), external_identifier: text(500),
    external_identifier_type: text(200), is_confidential: flag, is_demo: flag,
    municipality_number: hinted(MunicipalityNumber(), () => msg.hsdsImport.hint.municipalityNumber),
  }),
  address: table(['location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'], {
    location_id: uuid, attention: text(500), address_1: text(500), address_2: text(500), city: text(200), region: text(200),
    state_province: text(200), postal_code: text(20), address_type: oneOf(['physical', 'postal', 'virtual']),
    country: hinted(Type.String({ pattern: '^[A-Z]{2}$' }), () => msg.hsdsImport.hint.countryCode),
  }),
  accessibility: table([], { location_id: uuid, description: text(), details: text(), url: webUrl }),
  service: table(['organization_id', 'name', 'status'], SERVICE_COLUMNS),
  service_at_location: table(['service_id', 'location_id'], { service_id: uuid, location_id: uuid, description: text() }),
  contact: table([], {
    organization_id: uuid, service_id: uuid, service_at_location_id: uuid, location_id: uuid, name: text(500), title: text(500),
    department: text(500), email,
  }),
  phone: table(['number'], {
    location_id: uuid, service_id: uuid, organization_id: uuid, contact_id: uuid, service_at_location_id: uuid, number: text(100),
    extension: number(0, 999_999_999), type: text(100), description: text(),
  }),
  schedule: table([], {
    service_id: uuid, location_id: uuid, service_at_location_id: uuid, valid_from: date, valid_to: date, dtstart: date,
    timezone: number(-12, 14), until: date, count: int(0, 100_000), wkst: oneOf(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']),
    freq: oneOf(['WEEKLY', 'MONTHLY']), interval: int(1, 1000), byday: text(100), byweekno: text(500), bymonthday: text(500),
    byyearday: text(1000), description: text(), opens_at: time, closes_at: time, schedule_link: webUrl, attending_type: text(500), notes: text(),
  }),
  language: table([], { service_id: uuid, location_id: uuid, phone_id: uuid, name: text(200), code: text(35), note: text() }),
  program: table(['name'], { organization_id: uuid, name: text(500), alternate_name: text(500), description: text() }),
  funding: table([], { organization_id: uuid, service_id: uuid, source: text() }),
  service_area: table([], { service_id: uuid, name: text(500), description: text(), extent: text(1_000_000), extent_type: text(100), uri }),
  cost_option: table([], {
    service_id: uuid, valid_from: date, valid_to: date, option: text(), currency: text(3), amount: number(-1e12, 1e12), amount_description: text(),
  }),
  required_document: table([], { service_id: uuid, document: text(), uri }),
  // ours: built from the translation attributes of a service (see foldDataAttributes), never read from a file as a table
  service_translation: table(['service_id', 'language'], {
    service_id: uuid, language: hinted(Type.String({ pattern: TRANSLATION_LANGUAGE_PATTERN, maxLength: 35 }), () => msg.hsdsImport.hint.text(35)),
    name: text(500), description: text(), application_process: text(),
  }),
  attribute: table(['link_id', 'taxonomy_term_id', 'link_entity'], {
    link_id: uuid, taxonomy_term_id: uuid, link_type: text(200), value: text(),
    link_entity: oneOf(['service', 'location', 'organization', 'service_at_location']),
  }),
};

/**
 * HSDS fields Samklang does not store, each with the reason the check's notes give: reported as
 * left out, never silently dropped (docs/hsds-profile.md lists them too).
 */
export const UNSTORED_FIELDS: Partial<Record<TableName, Record<string, string>>> = {
  service: {
    get fees() { return msg.hsdsImport.dropped.fees; },
    get accreditations() { return msg.hsdsImport.dropped.accreditations; },
    get licenses() { return msg.hsdsImport.dropped.licenses; },
  },
  organization: { get tax_status() { return msg.hsdsImport.dropped.taxStatus; }, get tax_id() { return msg.hsdsImport.dropped.taxId; } },
};

/** HSDS tables Samklang does not store, with the reason (see IGNORED_TABLES). */
export const UNSTORED_TABLES: Record<string, string> = {
  get metadata() { return msg.hsdsImport.dropped.metadata; },
  get meta_table_description() { return msg.hsdsImport.dropped.metaTableDescription; },
};

/** Columns HSDS types as numbers that our tables keep as text. */
export const NUMBER_AS_TEXT: Partial<Record<TableName, string[]>> = { phone: ['extension'], schedule: ['timezone'] };

/** Optional references: a dangling one is dropped with a warning, not an error. */
export const OPTIONAL_REFERENCES: Partial<Record<TableName, [string, TableName][]>> = {
  organization: [['parent_organization_id', 'organization']],
  taxonomy_term: [['parent_id', 'taxonomy_term'], ['taxonomy_id', 'taxonomy']],
  location: [['organization_id', 'organization']],
  accessibility: [['location_id', 'location']],
  contact: [['organization_id', 'organization'], ['service_id', 'service'], ['service_at_location_id', 'service_at_location'], ['location_id', 'location']],
  phone: [['location_id', 'location'], ['service_id', 'service'], ['organization_id', 'organization'], ['contact_id', 'contact'], ['service_at_location_id', 'service_at_location']],
  schedule: [['service_id', 'service'], ['location_id', 'location'], ['service_at_location_id', 'service_at_location']],
  language: [['service_id', 'service'], ['location_id', 'location'], ['phone_id', 'phone']],
  service: [['program_id', 'program']],
  program: [['organization_id', 'organization']],
  funding: [['organization_id', 'organization'], ['service_id', 'service']],
  service_area: [['service_id', 'service']],
  cost_option: [['service_id', 'service']],
  required_document: [['service_id', 'service']],
};

/** Required references: a dangling one makes the file invalid. */
export const REQUIRED_REFERENCES: Partial<Record<TableName, [string, TableName][]>> = {
  organization_identifier: [['organization_id', 'organization']],
  address: [['location_id', 'location']],
  service: [['organization_id', 'organization']],
  service_at_location: [['service_id', 'service'], ['location_id', 'location']],
  attribute: [['taxonomy_term_id', 'taxonomy_term']],
  service_translation: [['service_id', 'service']],
};
