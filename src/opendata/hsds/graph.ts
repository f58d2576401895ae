import { sql, type Selectable } from 'kysely';
import type { Db, Database } from '../../platform/db/index.ts';
import { locationShownTo, organizationShownTo, serviceShownTo, type Audience } from './filters.ts';
import { publicLinkDescription, publicLocationView } from '../../directory/index.ts';

export type Row<T extends keyof Database> = Selectable<Database[T]>;

/** Rows of every table an HSDS document is built from, for a batch of services or organisations. */
export interface Graph {
  services: Row<'service'>[];
  organizations: Map<string, Row<'organization'>>;
  identifiers: Row<'organization_identifier'>[];
  serviceAtLocations: Row<'service_at_location'>[];
  locations: Map<string, Row<'location'>>;
  addresses: Row<'address'>[];
  accessibility: Row<'accessibility'>[];
  contacts: Row<'contact'>[];
  phones: Row<'phone'>[];
  schedules: Row<'schedule'>[];
  languages: Row<'language'>[];
  attributes: Row<'attribute'>[];
  /** HSDS tables of migration 0026: programs of the services and organisations, and what hangs off a service or organisation */
  programs: Map<string, Row<'program'>>;
  funding: Row<'funding'>[];
  serviceAreas: Row<'service_area'>[];
  costOptions: Row<'cost_option'>[];
  requiredDocuments: Row<'required_document'>[];
  /** the services' text in other languages (migration 0031), served as data attributes */
  translations: Row<'service_translation'>[];
  terms: Map<string, Row<'taxonomy_term'>>;
  taxonomies: Map<string, Row<'taxonomy'>>;
}

const none = ['00000000-0000-0000-0000-000000000000'];
const ids = (values: Iterable<string | null>) => {
  const list = [...new Set([...values].filter((v): v is string => v !== null))];
  return list.length > 0 ? list : none;
};

/**
 * Loads a batch in a fixed number of queries (not one per service), so a page of 500 services or
 * an ndjson stream of 100,000 costs about the same per service. Organisation ids add organisations
 * with their own locations, contacts and phones (the nested organisation document).
 */
export async function loadGraph(db: Db, scope: { audience: Audience; serviceIds?: string[]; organizationIds?: string[] }): Promise<Graph> {
  const requested = scope.serviceIds ?? [];
  const services = requested.length === 0 ? [] : await db.selectFrom('service as s').selectAll()
    .where('id', 'in', requested).where(serviceShownTo(scope.audience, 's')).orderBy('id').execute();
  // what hangs off a service is loaded for the services shown, never for the ones left out
  const serviceIds = services.map((s) => s.id);
  const organizationIds = ids([...services.map((s) => s.organization_id), ...(scope.organizationIds ?? [])]);
  const [organizations, identifiers, serviceAtLocations, ownLocations] = await Promise.all([
    db.selectFrom('organization as o').selectAll().where('id', 'in', organizationIds).where(organizationShownTo(scope.audience, 'o')).execute(),
    db.selectFrom('organization_identifier').selectAll().where('organization_id', 'in', organizationIds).orderBy('id').execute(),
    db.selectFrom('service_at_location').selectAll().where('service_id', 'in', ids(serviceIds)).orderBy('id').execute(),
    scope.organizationIds?.length
      ? db.selectFrom('location as l').select('id').where('organization_id', 'in', scope.organizationIds)
        .where(locationShownTo(scope.audience, sql`l.id`)).execute()
      : Promise.resolve([]),
  ]);
  const locationIds = ids([...serviceAtLocations.map((sal) => sal.location_id), ...ownLocations.map((l) => l.id)]);
  const salIds = ids(serviceAtLocations.map((sal) => sal.id));
  const orgIds = scope.organizationIds?.length ? ids(scope.organizationIds) : none;
  const [locations, addresses, accessibility, contacts] = await Promise.all([
    db.selectFrom('location').selectAll().where('id', 'in', locationIds).execute(),
    db.selectFrom('address').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('accessibility').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
    db.selectFrom('contact').selectAll().where((eb) => eb.or([
      eb('service_id', 'in', ids(serviceIds)), eb('service_at_location_id', 'in', salIds),
      eb('location_id', 'in', locationIds), eb('organization_id', 'in', orgIds),
    ])).orderBy('id').execute(),
  ]);
  const contactIds = ids(contacts.map((c) => c.id));
  const [phones, schedules] = await Promise.all([
    db.selectFrom('phone').selectAll().where((eb) => eb.or([
      eb('service_id', 'in', ids(serviceIds)), eb('service_at_location_id', 'in', salIds), eb('location_id', 'in', locationIds),
      eb('contact_id', 'in', contactIds), eb('organization_id', 'in', orgIds),
    ])).orderBy('id').execute(),
    db.selectFrom('schedule').selectAll().where((eb) => eb.or([
      eb('service_id', 'in', ids(serviceIds)), eb('service_at_location_id', 'in', salIds), eb('location_id', 'in', locationIds),
    ])).orderBy('id').execute(),
  ]);
  const [languages, attributes] = await Promise.all([
    db.selectFrom('language').selectAll().where((eb) => eb.or([
      eb('service_id', 'in', ids(serviceIds)), eb('location_id', 'in', locationIds), eb('phone_id', 'in', ids(phones.map((p) => p.id))),
    ])).orderBy('id').execute(),
    // naming every link_entity lets the (link_entity, link_id) index answer instead of a scan
    db.selectFrom('attribute').selectAll().where('link_entity', 'in', ['service', 'location', 'organization', 'service_at_location'])
      .where('link_id', 'in', ids([...serviceIds, ...locationIds, ...salIds, ...organizationIds])).orderBy('id').execute(),
  ]);
  const [programs, funding, serviceAreas, costOptions, requiredDocuments, translations] = await Promise.all([
    db.selectFrom('program').selectAll().where((eb) => eb.or([
      eb('id', 'in', ids(services.map((s) => s.program_id))), eb('organization_id', 'in', organizationIds),
    ])).orderBy('id').execute(),
    db.selectFrom('funding').selectAll().where((eb) => eb.or([eb('service_id', 'in', ids(serviceIds)), eb('organization_id', 'in', organizationIds)])).orderBy('id').execute(),
    db.selectFrom('service_area').selectAll().where('service_id', 'in', ids(serviceIds)).orderBy('id').execute(),
    db.selectFrom('cost_option').selectAll().where('service_id', 'in', ids(serviceIds)).orderBy('id').execute(),
    db.selectFrom('required_document').selectAll().where('service_id', 'in', ids(serviceIds)).orderBy('id').execute(),
    db.selectFrom('service_translation').selectAll().where('service_id', 'in', ids(serviceIds)).orderBy('language').execute(),
  ]);
  const { terms, taxonomies } = await loadTerms(db, attributes.map((a) => a.taxonomy_term_id));
  const graph: Graph = {
    services, identifiers, serviceAtLocations, addresses, accessibility, contacts, phones, schedules, languages, attributes, terms, taxonomies,
    programs: new Map(programs.map((p) => [p.id, p])), funding, serviceAreas, costOptions, requiredDocuments, translations,
    organizations: new Map(organizations.map((o) => [o.id, o])),
    locations: new Map(locations.map((l) => [l.id, l])),
  };
  return scope.audience === 'public' ? publicGraph(graph) : graph;
}

/** The graph as the public may see it: every location through publicLocationView, the one rule for confidential places. */
function publicGraph(graph: Graph): Graph {
  const locations = new Map<string, Row<'location'>>();
  const addresses: Row<'address'>[] = [];
  const accessibility: Row<'accessibility'>[] = [];
  for (const location of graph.locations.values()) {
    const view = publicLocationView({
      location, addresses: graph.addresses.filter((a) => a.location_id === location.id),
      accessibility: graph.accessibility.filter((a) => a.location_id === location.id),
    });
    locations.set(location.id, view.location);
    addresses.push(...view.addresses);
    accessibility.push(...view.accessibility);
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    ...graph, locations, addresses: addresses.sort(byId), accessibility: accessibility.sort(byId),
    serviceAtLocations: graph.serviceAtLocations.map((sal) => ({ ...sal, description: publicLinkDescription(graph.locations.get(sal.location_id), sal.description) })),
  };
}

export async function loadTerms(db: Db, termIds: string[]) {
  const terms = await db.selectFrom('taxonomy_term').selectAll().where('id', 'in', ids(termIds)).execute();
  const taxonomies = await db.selectFrom('taxonomy').selectAll().where('id', 'in', ids(terms.map((t) => t.taxonomy_id))).execute();
  return { terms: new Map(terms.map((t) => [t.id, t])), taxonomies: new Map(taxonomies.map((t) => [t.id, t])) };
}
