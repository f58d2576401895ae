// The one read model of a service. Every reader starts from the same rows (loadServiceRows):
// - editors and moderators get the whole entry as a ServiceAggregate, the shape forms, change
//   requests and diffs use (confidential addresses included);
// - the public gets a ServiceDetail: the same aggregate after the one rule for confidential places
//   (location-view.ts), plus what the public page adds (organisation, freshness, the search
//   index's classification with ancestors, municipality names).
// A new field of a service is added to ServiceAggregate (model.ts) and mapped in toAggregate below;
// the compiler then points at every output that must place it (see service-fields.ts).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/index.ts';
import { TERM_BY_ID } from './taxonomy.ts';
import { freshnessCutoffs, freshnessOf } from './freshness.ts';
import { publicLocationView, type StoredLocation } from './location-view.ts';
import { textIn, type LocationAggregate, type ServiceAggregate } from './model.ts';

/** The rows of one service and everything hanging off it. */
async function loadServiceRows(db: Tx, id: string) {
  const service = await db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
  if (!service) return undefined;
  const [locations, languages, phones, contacts, schedules, translations] = await Promise.all([
    db.selectFrom('service_at_location as sal').innerJoin('location as l', 'l.id', 'sal.location_id')
      .selectAll('l').where('sal.service_id', '=', id).orderBy('sal.id').execute(),
    db.selectFrom('language').select('code').where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('phone').select(['number', 'description']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('contact').select(['name', 'title', 'email']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('schedule').select(['byday', 'opens_at', 'closes_at', 'description']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('service_translation').select(['language', 'name', 'description', 'application_process']).where('service_id', '=', id).orderBy('language').execute(),
  ]);
  const locationIds = locations.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : locations.map((l) => l.id);
  const [addresses, accessibility, attributes] = await Promise.all([
    db.selectFrom('address').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('accessibility').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('attribute').select(['link_id', 'taxonomy_term_id'])
      .where((eb) => eb.or([eb.and([eb('link_entity', '=', 'service'), eb('link_id', '=', id)]), eb.and([eb('link_entity', '=', 'location'), eb('link_id', 'in', locationIds)])]))
      .execute(),
  ]);
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
