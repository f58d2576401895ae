import { Type } from '@sinclair/typebox';
import { publicWebUrl } from '../model.ts';
import type { ServiceDetail } from '../queries.ts';
import type { FieldPlaces } from '../service-fields.ts';
import type { SearchHit } from './search.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T | ReturnType<typeof Type.Number> | ReturnType<typeof Type.Integer>) => Type.Union([schema, Type.Null()]);

const ServiceHitSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  organization_name: Type.String(),
  status: Type.String(),
  classification: Type.Array(Type.String(), { description: 'Taxonomy keys, ancestors included, e.g. "arena:spesialist:dps"' }),
  municipality_numbers: Type.Array(Type.String()),
  is_digital: Type.Boolean(),
  is_demo: Type.Boolean({ description: 'Fictional demo data' }),
  assured_date: Nullable(Type.String({ format: 'date' })),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  distance_km: Nullable(Type.Number()),
  in_place_municipality: Type.Boolean(),
  translations: Type.Array(Type.Object({
    language: Type.String({ description: 'BCP 47 language tag' }),
    name: Type.String(),
  }), { description: "The offer's name in other languages than Norwegian Bokmal (nb), where its provider gave one; the page shows the reader's" }),
  url: Type.String(),
});

export const ServiceListSchema = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  total_pages: Type.Integer(),
  place: Type.Union([
    Type.Object({
      kind: Type.String(), label: Type.String(), lat: Type.Number(), lon: Type.Number(), municipality_number: Nullable(Type.String()),
      from_text: Nullable(Type.String({ description: 'The words of q that named the place (a postal code or municipality typed in the free text), taken out of the text searched; null when the place came from sted, kommune or lat/lon' })),
    }),
    Type.Null(),
  ]),
  text: Type.String({ description: 'The free text searched: q without the words that named a place' }),
  fuzzy: Type.Array(Type.Object({ word: Type.String(), matched: Type.Array(Type.String()) }), { description: 'Words that found nothing as typed, with the indexed words (stems) they matched through typo tolerance' }),
  ignored_words: Type.Array(Type.String(), { description: 'Words that found nothing, not even with typo tolerance, left out of the search' }),
  items: Type.Array(ServiceHitSchema),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()), { description: 'Per facet: hits per option with the other facets applied' }),
});

export function hitToJson(hit: SearchHit, translations: { language: string; name: string }[]) {
  return {
    id: hit.id, name: hit.name, organization_name: hit.organizationName, status: hit.status, classification: hit.terms,
    municipality_numbers: hit.municipalityNumbers, is_digital: hit.isDigital, is_demo: hit.isDemo, assured_date: hit.assuredDate,
    lat: hit.lat, lon: hit.lon, distance_km: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10,
    in_place_municipality: hit.inPlaceMunicipality, translations, url: `/api/v1/services/${hit.id}`,
  };
}

const LocationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Nullable(Type.String()),
  is_confidential: Type.Boolean({ description: 'Address, point, transport and accessibility description withheld, and the name unless its editor marked it safe to show; contact the service for where to meet' }),
  municipality_number: Nullable(Type.String()),
  municipality_name: Nullable(Type.String()),
  address: Type.Union([Type.Object({ address_1: Type.String(), postal_code: Type.String(), city: Type.String() }), Type.Null()]),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  transportation: Nullable(Type.String()),
  accessibility: Type.Array(Type.String()),
  accessibility_description: Nullable(Type.String()),
});

export const ServiceSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  status: Type.String(),
  organization: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), website: Nullable(Type.String()), email: Nullable(Type.String()), is_demo: Type.Boolean() }),
  email: Nullable(Type.String()),
  url: Nullable(Type.String()),
  application_process: Nullable(Type.String()),
  fees_description: Nullable(Type.String()),
  eligibility_description: Nullable(Type.String()),
  wait_time: Nullable(Type.String()),
  minimum_age: Nullable(Type.Integer()),
  maximum_age: Nullable(Type.Integer()),
  assured_date: Nullable(Type.String({ format: 'date' })),
  fte: Nullable(Type.Number({ description: 'Music-therapist capacity in full-time equivalents (årsverk)' })),
  is_demo: Type.Boolean(),
  last_modified: Type.String({ format: 'date-time' }),
  classification: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  phones: Type.Array(Type.Object({ number: Type.String(), description: Nullable(Type.String()) })),
  contacts: Type.Array(Type.Object({ name: Nullable(Type.String()), title: Nullable(Type.String()), email: Nullable(Type.String()) })),
  schedules: Type.Array(Type.Object({ byday: Nullable(Type.String()), opens_at: Nullable(Type.String()), closes_at: Nullable(Type.String()), description: Nullable(Type.String()) })),
  locations: Type.Array(LocationSchema),
  translations: Type.Array(Type.Object({
    language: Type.String({ description: 'BCP 47 language tag of the translated text' }),
    name: Nullable(Type.String()),
    description: Nullable(Type.String()),
    application_process: Nullable(Type.String()),
  }), { description: "The service's own text in other languages than Norwegian Bokmal (nb), the language of its fields (name, description, application_process); a null field is not translated" }),
});

/** Where each field of the model appears in GET /api/v1/services/:id (see ../service-fields.ts). */
export const API_FIELDS = {
  id: 'id', organizationId: 'organization.id', name: 'name', description: 'description', status: 'status', email: 'email', url: 'url',
  applicationProcess: 'application_process', feesDescription: 'fees_description', eligibilityDescription: 'eligibility_description',
  waitTime: 'wait_time', minimumAge: 'minimum_age', maximumAge: 'maximum_age', assuredDate: 'assured_date', fte: 'fte', isDemo: 'is_demo',
  terms: 'classification', languages: 'languages', phones: 'phones', contacts: 'contacts', schedules: 'schedules', locations: 'locations',
  translations: 'translations',
} as const satisfies FieldPlaces;

export function serviceToJson(s: ServiceDetail) {
  return {
    id: s.id, name: s.name, description: s.description, status: s.status,
    organization: { id: s.organization.id, name: s.organization.name, website: publicWebUrl(s.organization.website), email: s.organization.email, is_demo: s.organization.isDemo },
    email: s.email, url: publicWebUrl(s.url), application_process: s.applicationProcess, fees_description: s.feesDescription,
    eligibility_description: s.eligibilityDescription, wait_time: s.waitTime, minimum_age: s.minimumAge, maximum_age: s.maximumAge,
    assured_date: s.assuredDate, fte: s.fte, is_demo: s.isDemo, last_modified: s.lastModified.toISOString(),
    classification: s.terms, languages: s.languages, phones: s.phones, contacts: s.contacts,
    schedules: s.schedules.map((x) => ({ byday: x.byday || null, opens_at: x.opensAt || null, closes_at: x.closesAt || null, description: x.description })),
    locations: s.locations.map((l) => ({
      id: l.id, name: l.name, is_confidential: l.isConfidential, municipality_number: l.municipalityNumber, municipality_name: l.municipalityName,
      address: l.address ? { address_1: l.address.address1, postal_code: l.address.postalCode, city: l.address.city } : null,
      latitude: l.latitude, longitude: l.longitude, transportation: l.transportation, accessibility: l.accessibility,
      accessibility_description: l.accessibilityDescription,
    })),
    translations: s.translations.map((t) => ({ language: t.language, name: t.name, description: t.description, application_process: t.applicationProcess })),
  };
}
