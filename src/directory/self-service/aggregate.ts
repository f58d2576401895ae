import type { Tx } from '../../platform/db/index.ts';
import type { LocationAggregate, ServiceAggregate } from '../model.ts';
import { TERM_BY_ID } from '../taxonomy.ts';

/**
 * A service as stored, whether published in the finder or not, in the shape forms and change
 * requests use. Confidential addresses are included: only editors and moderators see this.
 */
export async function loadServiceAggregate(db: Tx, id: string): Promise<ServiceAggregate | undefined> {
  const s = await db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const [locations, languages, phones, contacts, schedules, attributes] = await Promise.all([
    db.selectFrom('service_at_location as sal').innerJoin('location as l', 'l.id', 'sal.location_id')
      .leftJoin('address as a', 'a.location_id', 'l.id').leftJoin('accessibility as acc', 'acc.location_id', 'l.id')
      .select(['l.id', 'l.name', 'l.description', 'l.transportation', 'l.latitude', 'l.longitude', 'l.is_confidential', 'l.name_shown', 'l.municipality_number',
        'a.address_1', 'a.postal_code', 'a.city', 'a.state_province', 'acc.description as accessibility_description'])
      .where('sal.service_id', '=', id).orderBy('sal.id').execute(),
    db.selectFrom('language').select('code').where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('phone').select(['number', 'description']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('contact').select(['name', 'title', 'email']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('schedule').select(['byday', 'opens_at', 'closes_at', 'description']).where('service_id', '=', id).orderBy('id').execute(),
    db.selectFrom('attribute').select(['link_id', 'link_entity', 'taxonomy_term_id']).where((eb) => eb.or([
      eb('link_id', '=', id),
      eb('link_id', 'in', eb.selectFrom('service_at_location').select('location_id').where('service_id', '=', id)),
    ])).execute(),
  ]);
  const termsOf = (linkId: string) => attributes.filter((a) => a.link_id === linkId).map((a) => TERM_BY_ID.get(a.taxonomy_term_id)?.key).filter((k): k is string => !!k).sort();
  return {
    id: s.id, organizationId: s.organization_id, name: s.name, description: s.description, status: s.status,
    email: s.email, url: s.url, applicationProcess: s.application_process, feesDescription: s.fees_description,
    eligibilityDescription: s.eligibility_description, waitTime: s.wait_time, minimumAge: s.minimum_age, maximumAge: s.maximum_age,
    assuredDate: s.assured_date, fte: s.fte, isDemo: s.is_demo,
    terms: termsOf(s.id),
    languages: languages.map((l) => l.code).filter((c): c is string => !!c).sort(),
    phones, contacts,
    schedules: schedules.map((x) => ({ byday: x.byday ?? '', opensAt: x.opens_at?.slice(0, 5) ?? '', closesAt: x.closes_at?.slice(0, 5) ?? '', description: x.description })),
    locations: locations.map((l): LocationAggregate => ({
      id: l.id, name: l.name, description: l.description, transportation: l.transportation, latitude: l.latitude, longitude: l.longitude,
      isConfidential: l.is_confidential, nameShown: l.name_shown, municipalityNumber: l.municipality_number,
      address: l.address_1 ? { address1: l.address_1, postalCode: l.postal_code!, city: l.city!, stateProvince: l.state_province! } : null,
      accessibility: termsOf(l.id), accessibilityDescription: l.accessibility_description,
    })),
  };
}
