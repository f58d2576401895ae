import type { Db } from '../../platform/db/index.ts';
import { organizationShownTo, serviceShownTo, type Audience } from './filters.ts';
import { loadGraph, loadTerms } from './graph.ts';
import { DATA_TAXONOMY, DATA_TERM_BY_ID, findDepartures } from '../../directory/index.ts';
import {
  locationListObject, organizationListObject, organizationObject, serviceAtLocationObject, serviceListObject, serviceObject,
  taxonomyObject, termObject, type Json,
} from './objects.ts';

/** The documents the HSDS API serves, built for a batch of ids and returned in the ids' order. */

const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
};

export type ServiceForm = 'minimal' | 'list' | 'full';

/** Services by id; one not shown to the audience is left out. Without an audience (bench:import, tests): everything. */
export async function serviceDocuments(db: Db, ids: string[], form: ServiceForm, audience: Audience = 'everything'): Promise<Json[]> {
  if (ids.length === 0) return [];
  if (form === 'minimal') {
    const rows = await db.selectFrom('service as s').select(['id', 'last_modified']).where('id', 'in', ids).where(serviceShownTo(audience, 's')).execute();
    return inOrder(ids, rows).map((row) => ({ id: row.id, last_modified: row.last_modified.toISOString() }));
  }
  const graph = await loadGraph(db, { audience, serviceIds: ids });
  return inOrder(ids, graph.services).map((row) => form === 'full'
    ? serviceObject(row, graph, { withOrganization: true, withLocations: true })
    : serviceListObject(row, graph));
}

/**
 * Services by id for a sync: the public documents, and for an id that left the public set lately
 * (departures.ts) a document that says so: status inactive, last_modified when it left.
 */
export async function syncedServiceDocuments(db: Db, ids: string[], form: ServiceForm): Promise<Json[]> {
  const documents = await serviceDocuments(db, ids, form, 'public');
  const found = new Set(documents.map((d) => String(d.id)));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return documents;
  const departed = (await findDepartures(db, missing)).map((d) => ({
    id: d.id, ...(form === 'minimal' ? {} : { organization_id: d.organization_id, name: d.name, description: '', status: 'inactive' }),
    last_modified: d.left_at.toISOString(),
  }));
  return inOrder(ids, [...documents.map((d) => ({ ...d, id: String(d.id) })), ...departed]);
}

export async function organizationDocuments(db: Db, ids: string[], form: 'list' | 'full' | 'full_service', audience: Audience): Promise<Json[]> {
  if (ids.length === 0) return [];
  if (form === 'list') {
    const rows = await db.selectFrom('organization as o').selectAll().where('id', 'in', ids).where(organizationShownTo(audience, 'o')).execute();
    return inOrder(ids, rows).map(organizationListObject);
  }
  const services = await db.selectFrom('service').select(['id', 'organization_id']).where('organization_id', 'in', ids).orderBy('name').orderBy('id').execute();
  const graph = await loadGraph(db, { audience, serviceIds: services.map((s) => s.id), organizationIds: ids });
  return inOrder(ids, [...graph.organizations.values()]).map((organization) => {
    const own = graph.services.filter((s) => s.organization_id === organization.id);
    const nested = form === 'full_service'
      ? own.map((s) => serviceObject(s, graph, { withOrganization: false, withLocations: true }))
      : own.map((s) => {
        const { organization: _, ...list } = serviceListObject(s, graph);
        return list;
      });
    return organizationObject(organization, graph, nested);
  });
}

/** service_at_locations by id; one whose service is not shown to the audience is left out with it. */
export async function serviceAtLocationDocuments(db: Db, ids: string[], form: 'list' | 'full', audience: Audience): Promise<Json[]> {
  if (ids.length === 0) return [];
  const links = await db.selectFrom('service_at_location').select(['id', 'service_id']).where('id', 'in', ids).execute();
  const graph = await loadGraph(db, { audience, serviceIds: [...new Set(links.map((l) => l.service_id))] });
  const services = new Map(graph.services.map((s) => [s.id, s]));
  return inOrder(ids, graph.serviceAtLocations).map((sal) => {
    const service = services.get(sal.service_id)!;
    if (form === 'full') {
      return serviceAtLocationObject(sal, graph, { service: serviceObject(service, graph, { withOrganization: true, withLocations: false }) });
    }
    const location = graph.locations.get(sal.location_id);
    const description = sal.description ?? undefined;
    return {
      id: sal.id, service_id: sal.service_id, location_id: sal.location_id, ...(description ? { description } : {}),
      ...(location ? { location: locationListObject(location) } : {}),
      service: serviceListObject(service, graph),
    };
  });
}

/** Taxonomies: the stored ones and the profile's data taxonomy, which is never stored. */
export async function taxonomyDocuments(db: Db, ids: string[]): Promise<Json[]> {
  const stored = ids.length === 0 ? [] : await db.selectFrom('taxonomy').selectAll().where('id', 'in', ids).execute();
  return inOrder(ids, [...stored, DATA_TAXONOMY]).map(taxonomyObject);
}

export async function termDocuments(db: Db, ids: string[]): Promise<Json[]> {
  const { terms, taxonomies } = await loadTerms(db, ids);
  return inOrder(ids, [...terms.values(), ...ids.map((id) => DATA_TERM_BY_ID.get(id)).filter((t) => t !== undefined)])
    .map((term) => termObject(term, taxonomies));
}
