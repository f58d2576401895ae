import type { Graph, Row } from './graph.ts';
import type { ColumnPlaces } from '../../directory/index.ts';
import { publicWebUrl, DATA_TAXONOMY, DATA_TERM_BY_CODE, DATA_TERM_BY_ID, TRANSLATED_FIELDS, dataAttributeId, translationCode, type DataTermCode } from '../../directory/index.ts';

export type Json = Record<string, unknown>;

/** Drops empty optional fields (null, undefined, '' and []), as HSDS asks; `keep` names required ones. */
export function compact(object: Json, keep: readonly string[] = []): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty || keep.includes(key)) out[key] = value ?? '';
  }
  return out;
}

/** HSDS types a few of our text columns as numbers (UTC offset, phone extension): only numeric text converts. */
const asNumber = (value: string | null) => (value !== null && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null);
const iso = (value: Date | string | null) => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function taxonomyObject(row: Row<'taxonomy'> | typeof DATA_TAXONOMY): Json {
  return compact({ id: row.id, name: row.name, description: row.description, uri: row.uri, version: row.version }, ['description']);
}

export function termObject(term: Pick<Row<'taxonomy_term'>, 'id' | 'code' | 'name' | 'description' | 'parent_id' | 'taxonomy' | 'language' | 'taxonomy_id' | 'term_uri'>,
  taxonomies: Map<string, Row<'taxonomy'>>): Json {
  const taxonomy = term.taxonomy_id === DATA_TAXONOMY.id ? DATA_TAXONOMY : term.taxonomy_id ? taxonomies.get(term.taxonomy_id) : undefined;
  return compact({
    id: term.id, code: term.code, name: term.name, description: term.description, parent_id: term.parent_id, taxonomy: term.taxonomy,
    taxonomy_detail: taxonomy ? taxonomyObject(taxonomy) : null, language: term.language, taxonomy_id: term.taxonomy_id, term_uri: term.term_uri,
  }, ['description']);
}

type Entity = 'service' | 'location' | 'organization' | 'service_at_location';

function dataAttribute(code: DataTermCode, entity: Entity, entityId: string, value: string): Json {
  const term = DATA_TERM_BY_CODE.get(code)!;
  return {
    id: dataAttributeId(code, entityId), link_id: entityId, taxonomy_term_id: term.id, link_type: 'data', link_entity: entity, value,
    taxonomy_term: termObject(term, new Map()),
  };
}

function attributes(graph: Graph, entity: Entity, entityId: string, data: [DataTermCode, string | null][]): Json[] {
  const stored = graph.attributes.filter((a) => a.link_entity === entity && a.link_id === entityId && !DATA_TERM_BY_ID.has(a.taxonomy_term_id));
  return [
    ...stored.map((a) => {
      const term = graph.terms.get(a.taxonomy_term_id);
      return compact({
        id: a.id, link_id: a.link_id, taxonomy_term_id: a.taxonomy_term_id, link_type: a.link_type, link_entity: a.link_entity, value: a.value,
        taxonomy_term: term ? termObject(term, graph.taxonomies) : null,
      });
    }),
    // a data term the profile has no term for (none is written today) is left out rather than served with an unknown term
    ...data.filter((d): d is [DataTermCode, string] => d[1] !== null && DATA_TERM_BY_CODE.has(d[0])).map(([code, value]) => dataAttribute(code, entity, entityId, value)),
  ];
}

function languageObject(row: Row<'language'>): Json {
  return compact({ id: row.id, service_id: row.service_id, location_id: row.location_id, phone_id: row.phone_id, name: row.name, code: row.code, note: row.note });
}

function phoneObject(row: Row<'phone'>, graph: Graph): Json {
  return compact({
    id: row.id, location_id: row.location_id, service_id: row.service_id, organization_id: row.organization_id, contact_id: row.contact_id,
    service_at_location_id: row.service_at_location_id, number: row.number, extension: asNumber(row.extension), type: row.type, description: row.description,
    languages: children(graph.languages, 'phone_id', row.id).map(languageObject),
  }, ['number']);
}

function contactObject(row: Row<'contact'>, graph: Graph): Json {
  return compact({
    id: row.id, organization_id: row.organization_id, service_id: row.service_id, service_at_location_id: row.service_at_location_id,
    location_id: row.location_id, name: row.name, title: row.title, department: row.department, email: row.email,
    phones: children(graph.phones, 'contact_id', row.id).map((p) => phoneObject(p, graph)),
  });
}

function scheduleObject(row: Row<'schedule'>): Json {
  return compact({
    id: row.id, service_id: row.service_id, location_id: row.location_id, service_at_location_id: row.service_at_location_id,
    valid_from: row.valid_from, valid_to: row.valid_to, dtstart: row.dtstart, timezone: asNumber(row.timezone), until: row.until,
    count: row.count, wkst: row.wkst, freq: row.freq, interval: row.interval, byday: row.byday, byweekno: row.byweekno,
    bymonthday: row.bymonthday, byyearday: row.byyearday, description: row.description, opens_at: row.opens_at, closes_at: row.closes_at,
    schedule_link: publicWebUrl(row.schedule_link), attending_type: row.attending_type, notes: row.notes,
  });
}

const children = <T extends { id: string }>(rows: T[], key: keyof T, id: string) => rows.filter((row) => row[key] === id);

/**
 * A location as HSDS. What the public may see of a confidential one is decided before this, by
 * publicLocationView (location-view.ts) when the graph is loaded for the public: the row and its
 * parts come here already masked. The attributes say it is confidential and in which municipality.
 */
export function locationObject(row: Row<'location'>, graph: Graph): Json {
  const data: [DataTermCode, string | null][] = [
    ['demo', row.is_demo ? 'true' : null], ['skjermet', row.is_confidential ? 'true' : null], ['kommunenummer', row.municipality_number],
  ];
  const shared = {
    id: row.id, location_type: row.location_type, organization_id: row.organization_id,
    languages: children(graph.languages, 'location_id', row.id).map(languageObject),
    contacts: children(graph.contacts, 'location_id', row.id).map((c) => contactObject(c, graph)),
    phones: children(graph.phones, 'location_id', row.id).map((p) => phoneObject(p, graph)),
    schedules: children(graph.schedules, 'location_id', row.id).map(scheduleObject),
    attributes: attributes(graph, 'location', row.id, data),
  };
  return compact({
    ...shared, url: publicWebUrl(row.url), name: row.name, alternate_name: row.alternate_name, description: row.description, transportation: row.transportation,
    latitude: row.latitude, longitude: row.longitude, external_identifier: row.external_identifier, external_identifier_type: row.external_identifier_type,
    addresses: children(graph.addresses, 'location_id', row.id).map((a) => compact({
      id: a.id, location_id: a.location_id, attention: a.attention, address_1: a.address_1, address_2: a.address_2, city: a.city, region: a.region,
      state_province: a.state_province, postal_code: a.postal_code, country: a.country, address_type: a.address_type,
    }, ['address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'])),
    accessibility: children(graph.accessibility, 'location_id', row.id).map((a) => compact({
      id: a.id, location_id: a.location_id, description: a.description, details: a.details, url: publicWebUrl(a.url),
    })),
  }, ['location_type']);
}

/** The one-to-one fields of a location (the list form), from the same (for the public: masked) row. */
export function locationListObject(row: Row<'location'>): Json {
  return compact({
    id: row.id, location_type: row.location_type, url: publicWebUrl(row.url), organization_id: row.organization_id, name: row.name,
    alternate_name: row.alternate_name, description: row.description, transportation: row.transportation, latitude: row.latitude,
    longitude: row.longitude, external_identifier: row.external_identifier, external_identifier_type: row.external_identifier_type,
  });
}

export function organizationListObject(row: Row<'organization'>): Json {
  return compact({
    id: row.id, name: row.name, alternate_name: row.alternate_name, description: row.description, email: row.email, website: publicWebUrl(row.website),
    year_incorporated: row.year_incorporated, legal_status: row.legal_status, logo: publicWebUrl(row.logo), uri: row.uri, parent_organization_id: row.parent_organization_id,
  }, ['description']);
}

function programObject(row: Row<'program'>): Json {
  return compact({ id: row.id, organization_id: row.organization_id, name: row.name, alternate_name: row.alternate_name, description: row.description }, ['name', 'description']);
}

function fundingObject(row: Row<'funding'>): Json {
  return compact({ id: row.id, organization_id: row.organization_id, service_id: row.service_id, source: row.source });
}

/** A fully nested organisation; `services` are the documents to nest (list or full form). */
export function organizationObject(row: Row<'organization'>, graph: Graph, services: Json[] | null): Json {
  return compact({
    ...organizationListObject(row),
    contacts: children(graph.contacts, 'organization_id', row.id).map((c) => contactObject(c, graph)),
    phones: children(graph.phones, 'organization_id', row.id).map((p) => phoneObject(p, graph)),
    locations: [...graph.locations.values()].filter((l) => l.organization_id === row.id).sort((a, b) => a.id.localeCompare(b.id)).map((l) => locationObject(l, graph)),
    organization_identifiers: children(graph.identifiers, 'organization_id', row.id).map((i) => compact({
      id: i.id, organization_id: i.organization_id, identifier_scheme: i.identifier_scheme, identifier_type: i.identifier_type, identifier: i.identifier,
    })),
    attributes: attributes(graph, 'organization', row.id, [['demo', row.is_demo ? 'true' : null]]),
    funding: graph.funding.filter((f) => f.organization_id === row.id && f.service_id === null).map(fundingObject),
    programs: [...graph.programs.values()].filter((p) => p.organization_id === row.id).map(programObject),
    services,
  }, ['description']);
}

/** The one-to-one fields of a service with its organisation (the list form). */
/** Where each column of service appears in an HSDS service document (see src/directory/service-fields.ts). */
export const HSDS_COLUMNS = {
  id: 'id', organization_id: 'organization_id', name: 'name', alternate_name: 'alternate_name', description: 'description', url: 'url',
  email: 'email', status: 'status', interpretation_services: 'interpretation_services', application_process: 'application_process',
  fees_description: 'fees_description', wait_time: 'wait_time', eligibility_description: 'eligibility_description',
  minimum_age: 'minimum_age', maximum_age: 'maximum_age', assured_date: 'assured_date', assurer_email: 'assurer_email', alert: 'alert',
  last_modified: 'last_modified', fte: 'attribute:arsverk', is_demo: 'attribute:demo', program_id: 'program_id',
  created_at: { leftOut: 'HSDS has no creation time; last_modified says when it last changed' },
} as const satisfies ColumnPlaces;

export function serviceListObject(row: Row<'service'>, graph: Graph): Json {
  const organization = graph.organizations.get(row.organization_id);
  return compact({
    id: row.id, organization_id: row.organization_id, name: row.name, alternate_name: row.alternate_name, description: row.description,
    url: publicWebUrl(row.url), email: row.email, status: row.status, interpretation_services: row.interpretation_services,
    application_process: row.application_process, fees_description: row.fees_description, wait_time: row.wait_time,
    eligibility_description: row.eligibility_description, minimum_age: row.minimum_age, maximum_age: row.maximum_age,
    assured_date: row.assured_date, assurer_email: row.assurer_email, alert: row.alert, last_modified: iso(row.last_modified),
    program_id: row.program_id,
    organization: organization ? organizationListObject(organization) : null,
  }, ['description']);
}

export function serviceAtLocationObject(row: Row<'service_at_location'>, graph: Graph, nest: { service: Json | null }): Json {
  const location = graph.locations.get(row.location_id);
  return compact({
    id: row.id, service_id: row.service_id, location_id: row.location_id,
    description: row.description,
    contacts: children(graph.contacts, 'service_at_location_id', row.id).map((c) => contactObject(c, graph)),
    phones: children(graph.phones, 'service_at_location_id', row.id).map((p) => phoneObject(p, graph)),
    schedules: children(graph.schedules, 'service_at_location_id', row.id).map(scheduleObject),
    location: location ? locationObject(location, graph) : null,
    attributes: attributes(graph, 'service_at_location', row.id, []),
    service: nest.service,
  });
}

/** A fully nested service; `withLocations` false leaves out service_at_locations (inside a service_at_location). */
export function serviceObject(row: Row<'service'>, graph: Graph, options: { withOrganization: boolean; withLocations: boolean }): Json {
  const list = serviceListObject(row, graph);
  const organization = graph.organizations.get(row.organization_id);
  return compact({
    ...list,
    organization: options.withOrganization && organization ? organizationObject(organization, { ...graph, locations: new Map() }, null) : null,
    phones: children(graph.phones, 'service_id', row.id).map((p) => phoneObject(p, graph)),
    schedules: children(graph.schedules, 'service_id', row.id).map(scheduleObject),
    service_at_locations: options.withLocations
      ? children(graph.serviceAtLocations, 'service_id', row.id).map((sal) => serviceAtLocationObject(sal, graph, { service: null }))
      : [],
    languages: children(graph.languages, 'service_id', row.id).map(languageObject),
    contacts: children(graph.contacts, 'service_id', row.id).map((c) => contactObject(c, graph)),
    attributes: attributes(graph, 'service', row.id, [
      ['demo', row.is_demo ? 'true' : null], ['arsverk', row.fte === null ? null : String(row.fte)],
      // the text in other languages: one attribute per translated field and language (see profile.ts)
      ...children(graph.translations, 'service_id', row.id).flatMap((t) => TRANSLATED_FIELDS.map((field): [DataTermCode, string | null] => [translationCode(field, t.language), t[field]])),
    ]),
    service_areas: children(graph.serviceAreas, 'service_id', row.id).map((a) => compact({
      id: a.id, service_id: a.service_id, name: a.name, description: a.description, extent: a.extent, extent_type: a.extent_type, uri: a.uri,
    })),
    funding: children(graph.funding, 'service_id', row.id).map(fundingObject),
    cost_options: children(graph.costOptions, 'service_id', row.id).map((c) => compact({
      id: c.id, service_id: c.service_id, valid_from: c.valid_from, valid_to: c.valid_to, option: c.option, currency: c.currency,
      amount: c.amount, amount_description: c.amount_description,
    })),
    program: row.program_id && graph.programs.has(row.program_id) ? programObject(graph.programs.get(row.program_id)!) : null,
    required_documents: children(graph.requiredDocuments, 'service_id', row.id).map((d) => compact({
      id: d.id, service_id: d.service_id, document: d.document, uri: d.uri,
    })),
  }, ['description']);
}
