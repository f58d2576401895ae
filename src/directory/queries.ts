import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import { TERM_BY_ID } from './taxonomy.ts';
import { freshnessCutoffs, freshnessOf } from './freshness.ts';
import { publicLocationView } from './location-view.ts';

export interface PublicLocation {
  id: string;
  name: string | null;
  isConfidential: boolean;
  municipalityNumber: string | null;
  municipalityName: string | null;
  /** null when confidential (see location-view.ts): name unless marked safe to show; address, point, transport and accessibility description always */
  address: { address1: string; postalCode: string; city: string } | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string[];
  accessibilityDescription: string | null;
}

export interface ServiceDetail {
  id: string;
  name: string;
  description: string;
  status: string;
  organization: { id: string; name: string; website: string | null; email: string | null; isDemo: boolean };
  email: string | null;
  url: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  waitTime: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredDate: string | null;
  /** not confirmed within the stale threshold ("ikke bekreftet siste år") */
  stale: boolean;
  fte: number | null;
  isDemo: boolean;
  lastModified: Date;
  terms: string[];
  languages: string[];
  phones: { number: string; description: string | null }[];
  contacts: { name: string | null; title: string | null; email: string | null }[];
  schedules: { byday: string | null; opensAt: string | null; closesAt: string | null; description: string | null }[];
  locations: PublicLocation[];
}

/**
 * Everything the public page shows about one service in the finder, or undefined, also when it has
 * gone unconfirmed so long that it left the finder (its editors still see it on their own pages).
 */
export async function findPublicService(db: Db, id: string): Promise<ServiceDetail | undefined> {
  const service = await db.selectFrom('service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .innerJoin('service_search as ss', 'ss.service_id', 's.id')
    .select([
      's.id', 's.name', 's.description', 's.status', 's.email', 's.url', 's.application_process', 's.fees_description',
      's.eligibility_description', 's.wait_time', 's.minimum_age', 's.maximum_age', 's.assured_date', 's.fte', 's.is_demo',
      's.last_modified', 'ss.terms', sql<string | null>`ss.confirmed_on`.as('confirmed_on'), 'o.id as org_id', 'o.name as org_name', 'o.website as org_website', 'o.email as org_email', 'o.is_demo as org_is_demo',
    ])
    .where('s.id', '=', id).executeTakeFirst();
  if (!service) return undefined;
  if (service.confirmed_on && service.confirmed_on < freshnessCutoffs().hidden) return undefined;

  const [locations, languages, phones, contacts, schedules] = await Promise.all([
    db.selectFrom('service_at_location as sal')
      .innerJoin('location as l', 'l.id', 'sal.location_id')
      .selectAll('l')
      .where('sal.service_id', '=', id).orderBy('sal.id').execute(),
    db.selectFrom('language').select('code').where('service_id', '=', id).orderBy('code').execute(),
    db.selectFrom('phone').select(['number', 'description']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('contact').select(['name', 'title', 'email']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('schedule').select(['byday', 'opens_at', 'closes_at', 'description']).where('service_id', '=', id).orderBy('id').execute(),
  ]);
  const locationIds = locations.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : locations.map((l) => l.id);
  const [locationTerms, addresses, accessibility, municipalities] = await Promise.all([
    db.selectFrom('attribute').select(['link_id', 'taxonomy_term_id']).where('link_entity', '=', 'location').where('link_id', 'in', locationIds).execute(),
    db.selectFrom('address').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('accessibility').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('municipality').select(['number', 'name'])
      .where('number', 'in', [...new Set(locations.map((l) => l.municipality_number ?? '0000'))]).execute(),
  ]);
  // what the public may see of each place: the one rule for confidential locations
  const views = locations.map((location) => publicLocationView({
    location, addresses: addresses.filter((a) => a.location_id === location.id), accessibility: accessibility.filter((a) => a.location_id === location.id),
  }));

  return {
    id: service.id, name: service.name, description: service.description, status: service.status,
    organization: { id: service.org_id, name: service.org_name, website: service.org_website, email: service.org_email, isDemo: service.org_is_demo },
    email: service.email, url: service.url, applicationProcess: service.application_process,
    feesDescription: service.fees_description, eligibilityDescription: service.eligibility_description,
    waitTime: service.wait_time, minimumAge: service.minimum_age, maximumAge: service.maximum_age,
    assuredDate: service.assured_date, stale: freshnessOf(service.confirmed_on) !== 'fresh', fte: service.fte, isDemo: service.is_demo, lastModified: service.last_modified,
    terms: service.terms,
    languages: languages.map((l) => l.code).filter((c): c is string => c !== null),
    phones, contacts,
    schedules: schedules.map((s) => ({ byday: s.byday, opensAt: s.opens_at?.slice(0, 5) ?? null, closesAt: s.closes_at?.slice(0, 5) ?? null, description: s.description })),
    locations: views.map(({ location: l, addresses: [address], accessibility: [access] }) => ({
      id: l.id, name: l.name, isConfidential: l.is_confidential, municipalityNumber: l.municipality_number,
      municipalityName: municipalities.find((m) => m.number === l.municipality_number)?.name ?? null,
      address: address ? { address1: address.address_1, postalCode: address.postal_code, city: address.city } : null,
      latitude: l.latitude, longitude: l.longitude, transportation: l.transportation,
      accessibility: locationTerms.filter((t) => t.link_id === l.id).map((t) => TERM_BY_ID.get(t.taxonomy_term_id)?.key).filter((k): k is string => !!k),
      accessibilityDescription: access?.description ?? null,
    })),
  };
}
