import type { Graph, Row } from '../hsds/graph.ts';
import { compact } from '../hsds/objects.ts';
import { publicWebUrl, TERM_BY_ID, type ColumnPlaces } from '../../directory/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import {
  DEMO_TAG, FACET_ELEMENT, MUNICIPALITY_EXTENSION, MUNICIPALITY_SYSTEM, ORGANIZATION_NUMBER_SYSTEM, coding, isOrganizationNumber,
} from './codes.ts';

type Resource = Record<string, unknown>;
const DAYS: Record<string, string> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };

/**
 * Resource.meta: when it last changed and the demo tag; absent when it would be empty. No
 * meta.profile: we follow the Norwegian base profiles' conventions (organisation number system,
 * kommunenummer on Address.district) but do not validate against those profiles, so we claim only
 * the base R4 definitions, which every resource is tested against (see the CapabilityStatement).
 */
const meta = (lastUpdated: Date | null, isDemo: boolean) => {
  const value = compact({ lastUpdated: lastUpdated ? new Date(lastUpdated).toISOString() : null, tag: isDemo ? [DEMO_TAG] : [] });
  return Object.keys(value).length > 0 ? value : null;
};
const reference = (type: string, id: string, display?: string | null) => compact({ reference: `${type}/${id}`, display });
const concept = (codings: Resource[]) => ({ coding: codings });

/** kommunenummer on Address.district, as the Norwegian base profiles put it. */
function district(number: string | null, names: Map<string, string>) {
  if (!number) return {};
  const name = names.get(number) ?? number;
  return {
    district: name,
    _district: { extension: [{ url: MUNICIPALITY_EXTENSION, valueCoding: { system: MUNICIPALITY_SYSTEM, code: number, display: name } }] },
  };
}

/**
 * A Location from a row and addresses already through publicLocationView (location-view.ts): a
 * confidential one arrives with no address, position or description, and a name only when its
 * editor marked it safe to show, so it has only its municipality (and its contact points).
 */
export function locationResource(row: Row<'location'>, graph: Pick<Graph, 'addresses' | 'phones'>, municipalities: Map<string, string>): Resource {
  const address = graph.addresses.find((a) => a.location_id === row.id);
  const phones = graph.phones.filter((p) => p.location_id === row.id).map((p) => ({ system: 'phone', value: p.number }));
  return compact({
    resourceType: 'Location', id: row.id, meta: meta(null, row.is_demo), status: 'active', mode: 'instance',
    managingOrganization: row.organization_id ? reference('Organization', row.organization_id) : null,
    name: row.name, alias: row.alternate_name ? [row.alternate_name] : [], description: row.description,
    telecom: [...phones, ...(publicWebUrl(row.url) ? [{ system: 'url', value: row.url }] : [])],
    address: address ? compact({
      use: 'work', type: address.address_type === 'postal' ? 'postal' : 'physical', line: [address.address_1, address.address_2].filter(Boolean),
      city: address.city, postalCode: address.postal_code, country: address.country, ...district(row.municipality_number, municipalities),
    }) : row.municipality_number ? { ...district(row.municipality_number, municipalities), country: 'NO' } : null,
    position: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
  });
}

export function organizationResource(row: Row<'organization'>, graph: Graph): Resource {
  const numbers = graph.identifiers.filter((i) => i.organization_id === row.id && isOrganizationNumber(i));
  return compact({
    resourceType: 'Organization', id: row.id, meta: meta(row.updated_at, row.is_demo),
    identifier: numbers.map((i) => ({ system: ORGANIZATION_NUMBER_SYSTEM, value: i.identifier })),
    active: true, name: row.name, alias: row.alternate_name ? [row.alternate_name] : [],
    telecom: [...(row.email ? [{ system: 'email', value: row.email }] : []), ...(publicWebUrl(row.website) ? [{ system: 'url', value: row.website }] : [])],
    partOf: row.parent_organization_id ? reference('Organization', row.parent_organization_id) : null,
  });
}

/** Our classification of the service (and its locations) as codings, per HealthcareService element. */
function classification(row: Row<'service'>, graph: Graph) {
  const locations = new Set(graph.serviceAtLocations.filter((s) => s.service_id === row.id).map((s) => s.location_id));
  const codings: Record<'category' | 'type' | 'characteristic', Resource[]> = { category: [], type: [], characteristic: [] };
  for (const attribute of graph.attributes) {
    const mine = (attribute.link_entity === 'service' && attribute.link_id === row.id) || (attribute.link_entity === 'location' && locations.has(attribute.link_id));
    const term = mine ? TERM_BY_ID.get(attribute.taxonomy_term_id) : undefined;
    if (term) codings[FACET_ELEMENT[term.facet.id] ?? 'characteristic'].push(coding(term));
  }
  return codings;
}

/** Where each column of service appears in a HealthcareService (see src/directory/service-fields.ts). */
export const FHIR_COLUMNS = {
  id: 'id', organization_id: 'providedBy.reference', name: 'name', description: 'extraDetails', url: 'telecom:url', email: 'telecom:email',
  status: 'active', eligibility_description: 'eligibility.0.comment', wait_time: 'availabilityExceptions', last_modified: 'meta.lastUpdated',
  is_demo: 'meta.tag', program_id: 'program.0.id',
  alternate_name: { leftOut: 'HealthcareService has no alias' },
  interpretation_services: { leftOut: 'free text with no element; languages go in communication' },
  application_process: { leftOut: 'no element for how to apply; referralMethod is coded' },
  fees_description: { leftOut: 'no element for fees in R4 HealthcareService' },
  minimum_age: { leftOut: 'eligibility is coded in R4; the age limits are in the text of the HSDS and JSON outputs' },
  maximum_age: { leftOut: 'eligibility is coded in R4; the age limits are in the text of the HSDS and JSON outputs' },
  assured_date: { leftOut: 'no element for when an entry was last confirmed' },
  assurer_email: { leftOut: 'internal to moderation' },
  alert: { leftOut: 'no element for a notice' },
  fte: { leftOut: 'capacity has no element in R4 HealthcareService' },
  created_at: { leftOut: 'bookkeeping of the database' },
} as const satisfies ColumnPlaces;

/** FHIR's standard extension for the same text in another language, on a string element's `_element`. */
export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';

/** `_name`/`_extraDetails`: the element's text in other languages, as translation extensions (lang, content), or null. */
function translations(rows: Row<'service_translation'>[], field: 'name' | 'description'): Resource | null {
  const extension = rows.filter((t) => t[field]).map((t) => ({
    url: TRANSLATION_EXTENSION, extension: [{ url: 'lang', valueCode: t.language }, { url: 'content', valueString: t[field] }],
  }));
  return extension.length > 0 ? { extension } : null;
}

export function healthcareServiceResource(row: Row<'service'>, graph: Graph): Resource {
  const organization = graph.organizations.get(row.organization_id);
  const translated = graph.translations.filter((t) => t.service_id === row.id);
  const { category, type, characteristic } = classification(row, graph);
  const telecom = [
    ...graph.phones.filter((p) => p.service_id === row.id).map((p) => ({ system: 'phone', value: p.number })),
    ...(row.email ? [{ system: 'email', value: row.email }] : []), ...(publicWebUrl(row.url) ? [{ system: 'url', value: row.url }] : []),
  ];
  return compact({
    resourceType: 'HealthcareService', id: row.id, meta: meta(row.last_modified, row.is_demo),
    active: row.status === 'active' || row.status === 'temporarily closed',
    providedBy: reference('Organization', row.organization_id, organization?.name),
    category: category.length ? [concept(category)] : [], type: type.map((c) => concept([c])),
    location: graph.serviceAtLocations.filter((s) => s.service_id === row.id).map((s) => reference('Location', s.location_id)),
    // the resource's own text is bokmål; nynorsk, English … ride on the elements as translation extensions
    language: 'nb',
    name: row.name, _name: translations(translated, 'name'), extraDetails: row.description, _extraDetails: translations(translated, 'description'), telecom,
    eligibility: row.eligibility_description ? [{ comment: row.eligibility_description }] : [],
    characteristic: characteristic.map((c) => concept([c])),
    communication: graph.languages.filter((l) => l.service_id === row.id && l.code).map((l) => concept([{ system: 'urn:ietf:bcp:47', code: l.code }])),
    availableTime: graph.schedules.filter((s) => s.service_id === row.id && s.byday).map((s) => compact({
      daysOfWeek: s.byday!.split(',').map((d) => DAYS[d.trim()]).filter(Boolean), availableStartTime: s.opens_at, availableEndTime: s.closes_at,
    })),
    // HSDS program (migration 0026): the element's id is the program's, its text the program's name
    program: row.program_id && graph.programs.has(row.program_id) ? [{ id: row.program_id, text: graph.programs.get(row.program_id)!.name }] : [],
    notAvailable: row.status === 'temporarily closed' ? [{ description: msg.finder.temporarilyClosed }] : [],
    availabilityExceptions: row.wait_time ? `Ventetid: ${row.wait_time}` : null,
  });
}
