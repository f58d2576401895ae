import { sql, type RawBuilder, type Selectable } from 'kysely';
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

/** Rows as to_json writes them: timestamptz columns arrive as text and are turned back into Date, as the driver would. */
function withDates<T>(rows: T[], columns: readonly string[]): T[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const column of columns) if (typeof row[column] === 'string') row[column] = new Date(row[column]);
  }
  return rows;
}

/**
 * Several lists of rows in one statement and one round trip: each query's rows come back as one
 * JSON array (to_json keeps the columns and their values as the driver gives them, but for
 * timestamptz, see withDates), ordered by `order` (default id). Each query reads one table by
 * ids given as arrays, so the statement is as cheap to plan as its parts.
 */
async function lists<K extends string>(db: Db, parts: Record<K, RawBuilder<unknown>>, order: Partial<Record<K, string>> = {}): Promise<Record<K, unknown[]>> {
  const columns = (Object.entries(parts) as [K, RawBuilder<unknown>][]).map(([name, query]) =>
    sql`(select coalesce(json_agg(x order by ${sql.ref(`x.${order[name] ?? 'id'}`)}), '[]') from (${query}) x) as ${sql.ref(name)}`);
  const { rows } = await sql<Record<K, unknown[]>>`select ${sql.join(columns)}`.execute(db);
  return rows[0]!;
}

const uuids = (values: Iterable<string | null>) => sql`${[...new Set([...values].filter((v): v is string => v !== null))]}::uuid[]`;

/**
 * Loads a batch in five statements (not one per table or per service), so a page of 500 services
 * or an ndjson stream of 100,000 costs about the same per service, and one service five round
 * trips. Organisation ids add organisations with their own locations, contacts and phones (the
 * nested organisation document).
 */
export async function loadGraph(db: Db, scope: { audience: Audience; serviceIds?: string[]; organizationIds?: string[] }): Promise<Graph> {
  const requested = scope.serviceIds ?? [];
  const asked = scope.organizationIds ?? [];
  const services = requested.length === 0 ? [] : await db.selectFrom('service as s').selectAll()
    .where('id', 'in', requested).where(serviceShownTo(scope.audience, 's')).orderBy('id').execute();
  // what hangs off a service is loaded for the services shown, never for the ones left out
  const serviceIds = uuids(services.map((s) => s.id));
  const organizationIds = uuids([...services.map((s) => s.organization_id), ...asked]);
  const orgIds = uuids(asked);
  const first = await lists(db, {
    organizations: sql`select * from organization o where o.id = any(${organizationIds}) and ${organizationShownTo(scope.audience, 'o')}`,
    identifiers: sql`select * from organization_identifier where organization_id = any(${organizationIds})`,
    serviceAtLocations: sql`select * from service_at_location where service_id = any(${serviceIds})`,
    ownLocations: asked.length > 0
      ? sql`select l.id from location l where l.organization_id = any(${orgIds}) and ${locationShownTo(scope.audience, sql`l.id`)}`
      : sql`select null::uuid as id where false`,
    programs: sql`select * from program where id = any(${uuids(services.map((s) => s.program_id))}) or organization_id = any(${organizationIds})`,
    funding: sql`select * from funding where service_id = any(${serviceIds}) or organization_id = any(${organizationIds})`,
    serviceAreas: sql`select * from service_area where service_id = any(${serviceIds})`,
    costOptions: sql`select * from cost_option where service_id = any(${serviceIds})`,
    requiredDocuments: sql`select * from required_document where service_id = any(${serviceIds})`,
    translations: sql`select * from service_translation where service_id = any(${serviceIds})`,
  }, { translations: 'language' });
  const organizations = withDates(first.organizations as Row<'organization'>[], ['created_at', 'updated_at']);
  const serviceAtLocations = first.serviceAtLocations as Row<'service_at_location'>[];
  const ownLocations = first.ownLocations as { id: string }[];
  const locationIds = uuids([...serviceAtLocations.map((sal) => sal.location_id), ...ownLocations.map((l) => l.id)]);
  const salIds = uuids(serviceAtLocations.map((sal) => sal.id));
  const second = await lists(db, {
    locations: sql`select * from location where id = any(${locationIds})`,
    addresses: sql`select * from address where location_id = any(${locationIds})`,
    accessibility: sql`select * from accessibility where location_id = any(${locationIds})`,
    contacts: sql`select * from contact where service_id = any(${serviceIds}) or service_at_location_id = any(${salIds})
      or location_id = any(${locationIds}) or organization_id = any(${orgIds})`,
    schedules: sql`select * from schedule where service_id = any(${serviceIds}) or service_at_location_id = any(${salIds}) or location_id = any(${locationIds})`,
    // each entity with its own ids: the (link_entity, link_id) index answers one probe per id (the documents match both)
    attributes: sql`select * from attribute where (link_entity = 'service' and link_id = any(${serviceIds}))
      or (link_entity = 'location' and link_id = any(${locationIds})) or (link_entity = 'service_at_location' and link_id = any(${salIds}))
      or (link_entity = 'organization' and link_id = any(${organizationIds}))`,
  });
  const contacts = second.contacts as Row<'contact'>[];
  const attributes = second.attributes as Row<'attribute'>[];
  const third = await lists(db, {
    phones: sql`select * from phone where service_id = any(${serviceIds}) or service_at_location_id = any(${salIds}) or location_id = any(${locationIds})
      or contact_id = any(${uuids(contacts.map((c) => c.id))}) or organization_id = any(${orgIds})`,
    terms: sql`select * from taxonomy_term where id = any(${uuids(attributes.map((a) => a.taxonomy_term_id))})`,
  });
  const phones = third.phones as Row<'phone'>[];
  const terms = third.terms as Row<'taxonomy_term'>[];
  const fourth = await lists(db, {
    languages: sql`select * from language where service_id = any(${serviceIds}) or location_id = any(${locationIds}) or phone_id = any(${uuids(phones.map((p) => p.id))})`,
    taxonomies: sql`select * from taxonomy where id = any(${uuids(terms.map((t) => t.taxonomy_id))})`,
  });
  const byId = <T extends { id: string }>(rows: unknown[]) => new Map((rows as T[]).map((row) => [row.id, row]));
  const graph: Graph = {
    services, identifiers: first.identifiers as Row<'organization_identifier'>[], serviceAtLocations,
    addresses: second.addresses as Row<'address'>[], accessibility: second.accessibility as Row<'accessibility'>[], contacts, phones,
    schedules: second.schedules as Row<'schedule'>[], languages: fourth.languages as Row<'language'>[], attributes,
    terms: byId<Row<'taxonomy_term'>>(terms), taxonomies: byId<Row<'taxonomy'>>(fourth.taxonomies),
    programs: byId<Row<'program'>>(first.programs), funding: first.funding as Row<'funding'>[], serviceAreas: first.serviceAreas as Row<'service_area'>[],
    costOptions: first.costOptions as Row<'cost_option'>[], requiredDocuments: first.requiredDocuments as Row<'required_document'>[],
    translations: first.translations as Row<'service_translation'>[],
    organizations: new Map(organizations.map((o) => [o.id, o])),
    locations: byId<Row<'location'>>(second.locations),
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
