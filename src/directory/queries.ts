// The one read model of a service. Every reader starts from the same rows (loadServiceRows):
// - editors and moderators get the whole entry as a ServiceAggregate, the shape forms, change
//   requests and diffs use (confidential addresses included);
// - the public gets a ServiceDetail: the same aggregate after the one rule for confidential places
//   (location-view.ts), plus what the public page adds (organisation, freshness, the search
//   index's classification with ancestors, municipality names).
// A new field of a service is added to ServiceAggregate (model.ts) and mapped in toAggregate below;
// the compiler then points at every output that must place it (see service-fields.ts).
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { AccessibilityTable, AddressTable, LocationTable, ServiceTable, Tx } from '../platform/db/index.ts';
import { TERM_BY_ID } from './taxonomy.ts';
import { freshnessCutoffs, freshnessOf } from './freshness.ts';
import { publicLocationView, type StoredLocation } from './location-view.ts';
import { textIn, type LocationAggregate, type ServiceAggregate } from './model.ts';

/** SQL: the rows of one table as a JSON array of objects with these columns (every column: null), ordered by `order`. */
const rowsOf = (table: string, columns: string[] | null, where: RawBuilder<boolean>, order = 'id') => {
  const row = columns ? sql.raw(`json_build_object(${columns.map((c) => `'${c}', x.${c}`).join(', ')})`) : sql.raw('to_json(x)');
  return sql`(select coalesce(json_agg(${row} order by ${sql.ref(`x.${order}`)}), '[]') from ${sql.table(table)} x where ${where})`;
};

/**
 * The rows of one service and everything hanging off it, in two statements (each part a JSON
 * array: two round trips, not eleven); each part reads one table by the service's id, or by its
 * locations' ids as an array, so the statements plan as cheaply as their parts. to_json gives
 * every column as the driver would, but timestamptz as text: those are turned back into Date.
 */
async function loadServiceRows(db: Tx, id: string) {
  const ofService = sql<boolean>`x.service_id = ${id}`;
  const { rows: [first] } = await sql<{
    service: Selectable<ServiceTable>[]; locations: Selectable<LocationTable>[];
    languages: { code: string | null }[]; phones: { number: string; description: string | null }[];
    contacts: { name: string | null; title: string | null; email: string | null }[];
    schedules: { byday: string | null; opens_at: string | null; closes_at: string | null; description: string | null }[];
    translations: { language: string; name: string | null; description: string | null; application_process: string | null }[];
  }>`select ${rowsOf('service', null, sql<boolean>`x.id = ${id}`)} as service,
      (select coalesce(json_agg(l order by sal.id), '[]') from service_at_location sal join location l on l.id = sal.location_id where sal.service_id = ${id}) as locations,
      ${rowsOf('language', ['code'], ofService)} as languages,
      ${rowsOf('phone', ['number', 'description'], ofService)} as phones,
      ${rowsOf('contact', ['name', 'title', 'email'], ofService)} as contacts,
      ${rowsOf('schedule', ['byday', 'opens_at', 'closes_at', 'description'], ofService)} as schedules,
      ${rowsOf('service_translation', ['language', 'name', 'description', 'application_process'], ofService, 'language')} as translations`.execute(db);
  const { service: [row], locations, languages, phones, contacts, schedules, translations } = first!;
  if (!row) return undefined;
  const service = { ...row, last_modified: new Date(row.last_modified), created_at: new Date(row.created_at) };
  const locationIds = sql`${locations.map((l) => l.id)}::uuid[]`;
  const { rows: [second] } = await sql<{
    addresses: Selectable<AddressTable>[]; accessibility: Selectable<AccessibilityTable>[]; attributes: { link_id: string; taxonomy_term_id: string }[];
  }>`select ${rowsOf('address', null, sql<boolean>`x.location_id = any(${locationIds})`)} as addresses,
      ${rowsOf('accessibility', null, sql<boolean>`x.location_id = any(${locationIds})`)} as accessibility,
      ${rowsOf('attribute', ['link_id', 'taxonomy_term_id'], sql<boolean>`(x.link_entity = 'service' and x.link_id = ${id}) or (x.link_entity = 'location' and x.link_id = any(${locationIds}))`)} as attributes`
    .execute(db);
  const { addresses, accessibility, attributes } = second!;
  const stored: StoredLocation[] = locations.map((location) => ({
    location, addresses: addresses.filter((a) => a.location_id === location.id), accessibility: accessibility.filter((a) => a.location_id === location.id),
  }));
  const termsOf = (linkId: string) => attributes.filter((a) => a.link_id === linkId).map((a) => TERM_BY_ID.get(a.taxonomy_term_id)?.key).filter((k): k is string => !!k).sort();
  return { service, stored, languages, phones, contacts, schedules, translations, termsOf };
}
type ServiceRows = NonNullable<Awaited<ReturnType<typeof loadServiceRows>>>;

function toAggregate({ service: s, stored, languages, phones, contacts, schedules, translations, termsOf }: ServiceRows): ServiceAggregate {
  return {
    id: s.id, organizationId: s.organization_id, name: s.name, description: s.description, status: s.status,
    email: s.email, url: s.url, applicationProcess: s.application_process, feesDescription: s.fees_description,
    eligibilityDescription: s.eligibility_description, waitTime: s.wait_time, minimumAge: s.minimum_age, maximumAge: s.maximum_age,
    assuredDate: s.assured_date, fte: s.fte, isDemo: s.is_demo,
    terms: termsOf(s.id),
    languages: languages.map((l) => l.code).filter((c): c is string => !!c).sort(),
    phones, contacts,
    schedules: schedules.map((x) => ({ byday: x.byday ?? '', opensAt: x.opens_at?.slice(0, 5) ?? '', closesAt: x.closes_at?.slice(0, 5) ?? '', description: x.description })),
    locations: stored.map(({ location: l, addresses: [a], accessibility: [acc] }): LocationAggregate => ({
      id: l.id, name: l.name, description: l.description, transportation: l.transportation, latitude: l.latitude, longitude: l.longitude,
      isConfidential: l.is_confidential, nameShown: l.name_shown, municipalityNumber: l.municipality_number,
      address: a ? { address1: a.address_1, postalCode: a.postal_code, city: a.city, stateProvince: a.state_province } : null,
      accessibility: termsOf(l.id), accessibilityDescription: acc?.description ?? null,
    })),
    translations: translations.map((t) => ({ language: t.language, name: t.name, description: t.description, applicationProcess: t.application_process })),
  };
}

/**
 * A service as stored, whether published in the finder or not, in the shape forms and change
 * requests use. Confidential addresses are included: only editors and moderators see this.
 */
export async function loadServiceAggregate(db: Tx, id: string): Promise<ServiceAggregate | undefined> {
  const rows = await loadServiceRows(db, id);
  return rows && toAggregate(rows);
}

export type PublicLocation = Omit<LocationAggregate, 'nameShown' | 'description' | 'address'> & {
  municipalityName: string | null;
  /** null when confidential (see location-view.ts) */
  address: { address1: string; postalCode: string; city: string } | null;
};

/** A service as the public sees it: the aggregate after the rule for confidential places, with what the public page adds. */
export type ServiceDetail = Omit<ServiceAggregate, 'organizationId' | 'locations'> & {
  organization: { id: string; name: string; website: string | null; email: string | null; isDemo: boolean };
  /** not confirmed within the stale threshold ("ikke bekreftet siste år") */
  stale: boolean;
  lastModified: Date;
  locations: PublicLocation[];
};

/**
 * Everything the public page shows about one service in the finder, or undefined, also when it has
 * gone unconfirmed so long that it left the finder (its editors still see it on their own pages).
 */
export async function findPublicService(db: Tx, id: string): Promise<ServiceDetail | undefined> {
  const indexed = await db.selectFrom('service_search as ss').innerJoin('service as s', 's.id', 'ss.service_id')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select(['ss.terms', sql<string | null>`ss.confirmed_on`.as('confirmed_on'), 'o.id', 'o.name', 'o.website', 'o.email', 'o.is_demo'])
    .where('ss.service_id', '=', id).executeTakeFirst();
  if (!indexed) return undefined;
  if (indexed.confirmed_on && indexed.confirmed_on < freshnessCutoffs().hidden) return undefined;
  const rows = await loadServiceRows(db, id);
  if (!rows) return undefined;
  // what the public may see of each place: the one rule for confidential locations
  const { organizationId: _, locations, ...service } = toAggregate({ ...rows, stored: rows.stored.map(publicLocationView) });
  const numbers = [...new Set(['0000', ...locations.map((l) => l.municipalityNumber ?? '0000')])];
  const municipalities = await db.selectFrom('municipality').select(['number', 'name']).where('number', 'in', numbers).execute();
  return {
    ...service,
    organization: { id: indexed.id, name: indexed.name, website: indexed.website, email: indexed.email, isDemo: indexed.is_demo },
    stale: freshnessOf(indexed.confirmed_on) !== 'fresh',
    lastModified: rows.service.last_modified,
    // the search index's classification: the service's and its locations' terms with their ancestors
    terms: indexed.terms,
    locations: locations.map(({ nameShown: _shown, description: _description, address, ...l }) => ({
      ...l,
      municipalityName: municipalities.find((m) => m.number === l.municipalityNumber)?.name ?? null,
      address: address ? { address1: address.address1, postalCode: address.postalCode, city: address.city } : null,
    })),
  };
}

/** A text of an offer as shown to a reader, with the language it is written in (for the lang attribute). */
export interface ShownText {
  text: string;
  language: string;
}

/**
 * The name and description of the finder's hits in the reader's language where the offer has them,
 * else its own (bokmål) text: one query by primary key for the page's hits (at most a page, 20 by
 * default), after the search, so the search itself and its cache are unchanged.
 */
export async function hitTexts(db: Tx, ids: string[], language: string): Promise<Map<string, { name: ShownText; description: ShownText }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('service as s')
    .leftJoin('service_translation as t', (join) => join.onRef('t.service_id', '=', 's.id').on('t.language', '=', language))
    .select(['s.id', 's.name', 's.description', 't.name as translated_name', 't.description as translated_description'])
    .where('s.id', 'in', ids).execute();
  return new Map(rows.map((r) => {
    const service = { name: r.name, description: r.description, translations: [{ language, name: r.translated_name, description: r.translated_description, applicationProcess: null }] };
    const shown = (field: 'name' | 'description') => {
      const { text, language: written } = textIn(service, field, language);
      return { text: text ?? '', language: written };
    };
    return [r.id, { name: shown('name'), description: shown('description') }];
  }));
}

/** The finder's hits' names in other languages than bokmål, where the offer has them (for the JSON API, whose client picks): one query for a page's hits. */
export async function hitNameTranslations(db: Tx, ids: string[]): Promise<Map<string, { language: string; name: string }[]>> {
  const names = new Map<string, { language: string; name: string }[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return names;
  const rows = await db.selectFrom('service_translation').select(['service_id', 'language', 'name'])
    .where('service_id', 'in', ids).where('name', 'is not', null).orderBy('service_id').orderBy('language').execute();
  for (const row of rows) names.get(row.service_id)?.push({ language: row.language, name: row.name! });
  return names;
}

/**
 * The languages each service's text is written in: bokmål (its own fields) and those of its
 * translations, as BCP 47 tags, for the CSV export; read in slices of ids.
 */
export async function textLanguagesOf(db: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const languages = new Map<string, string[]>(ids.map((id) => [id, ['nb']]));
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await db.selectFrom('service_translation').select(['service_id', 'language'])
      .where('service_id', 'in', ids.slice(i, i + 10_000)).orderBy('service_id').orderBy('language').execute();
    for (const row of rows) languages.get(row.service_id)?.push(row.language);
  }
  return languages;
}
