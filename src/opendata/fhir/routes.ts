import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import type { Db } from '../../platform/db/index.ts';
import { paths } from '../../platform/paths.ts';
import { locationShownTo } from '../hsds/filters.ts';
import { loadGraph } from '../hsds/graph.ts';
import { baseUrl } from '../hsds/routes.ts';
import { IdParams } from '../hsds/params.ts';
import { findDepartures, publicLocationView } from '../../directory/index.ts';
import { capabilityStatement } from './capability.ts';
import { CODE_SYSTEMS, codeSystemResource } from './codes.ts';
import { healthcareServiceResource, locationResource, organizationResource } from './resources.ts';
import { SEARCH_SCHEMAS, SearchError, searchIds, type ResourceType, type SearchParams } from './search.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TAGS = ['FHIR R4'];
type Resource = Record<string, unknown>;

function send(reply: FastifyReply, resource: unknown, status = 200) {
  return reply.status(status).type(FHIR_JSON).send(resource);
}

function outcome(reply: FastifyReply, status: number, code: string, diagnostics: string, expression?: string) {
  return send(reply, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }] }, status);
}

/** The resources of one type for a batch of ids, in the ids' order; one the public does not see (see Audience) is left out. */
async function resources(db: Db, type: ResourceType, ids: string[]): Promise<Resource[]> {
  if (ids.length === 0) return [];
  if (type === 'HealthcareService') {
    const graph = await loadGraph(db, { audience: 'public', serviceIds: ids });
    const byId = new Map(graph.services.map((s) => [s.id, healthcareServiceResource(s, graph)]));
    return ids.map((id) => byId.get(id)).filter((r): r is Resource => r !== undefined);
  }
  if (type === 'Organization') {
    const graph = await loadGraph(db, { audience: 'public', organizationIds: ids });
    return ids.map((id) => graph.organizations.get(id)).filter((o) => o !== undefined).map((o) => organizationResource(o, graph));
  }
  const locations = await db.selectFrom('location as l').selectAll().where('id', 'in', ids).where(locationShownTo('public', sql`l.id`)).execute();
  const [addresses, phones, municipalities] = await Promise.all([
    db.selectFrom('address').selectAll().where('location_id', 'in', ids).execute(),
    db.selectFrom('phone').selectAll().where('location_id', 'in', ids).execute(),
    db.selectFrom('municipality').select(['number', 'name']).execute(),
  ]);
  const names = new Map(municipalities.map((m) => [m.number, m.name]));
  const byId = new Map(locations.map((stored) => {
    const view = publicLocationView({ location: stored, addresses: addresses.filter((a) => a.location_id === stored.id), accessibility: [] });
    return [stored.id, locationResource(view.location, { addresses: view.addresses, phones }, names)];
  }));
  return ids.map((id) => byId.get(id)).filter((r): r is Resource => r !== undefined);
}

/** A searchset Bundle with self, first, previous, next and last links that keep every parameter. */
function bundle(request: FastifyRequest, type: ResourceType, found: { ids: string[]; total: number }, entries: Resource[], params: SearchParams): Resource {
  const count = Number(params._count ?? 50);
  const offset = Number(params._offset ?? 0);
  const base = `${baseUrl(request)}${paths.fhir.base}`;
  const link = (relation: string, at: number) => {
    const url = new URL(`${base}/${type}`);
    for (const [key, value] of Object.entries(params)) {
      if (key === '_offset' || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
    }
    url.searchParams.set('_count', String(count));
    url.searchParams.set('_offset', String(at));
    return { relation, url: url.toString() };
  };
  const last = Math.max(0, Math.floor((found.total - 1) / count) * count);
  return {
    resourceType: 'Bundle', type: 'searchset', total: found.total,
    link: [
      link('self', offset), link('first', 0),
      ...(offset > 0 ? [link('previous', Math.max(0, offset - count))] : []),
      ...(offset + count < found.total ? [link('next', offset + count)] : []),
      link('last', last),
    ],
    entry: entries.map((resource) => ({ fullUrl: `${base}/${type}/${String(resource.id)}`, resource, search: { mode: 'match' } })),
  };
}

/** FHIR R4 under /fhir: HealthcareService, Location and Organization (read, search), our CodeSystems, the CapabilityStatement. */
export async function fhirRoutes(app: App, { db }: { db: Db }) {
  app.get(paths.fhir.metadata, { schema: { tags: TAGS, summary: 'CapabilityStatement' } }, async (request, reply) =>
    send(reply, capabilityStatement(`${baseUrl(request)}${paths.fhir.base}`)));

  for (const type of Object.keys(SEARCH_SCHEMAS) as ResourceType[]) {
    app.get(`${paths.fhir.base}/${type}`, { schema: { tags: TAGS, summary: `Search ${type}`, querystring: SEARCH_SCHEMAS[type] } }, async (request, reply) => {
      const params = request.query;
      try {
        const found = await searchIds(db, type, params);
        return send(reply, bundle(request, type, found, await resources(db, type, found.ids), params));
      } catch (error) {
        if (error instanceof SearchError) return outcome(reply, 400, 'invalid', `${error.param}: ${error.message}`, error.param);
        throw error;
      }
    });
    app.get(`${paths.fhir.base}/${type}/:id`, { schema: { tags: TAGS, summary: `Read ${type}`, params: IdParams } }, async (request, reply) => {
      const { id } = request.params;
      const [resource] = await resources(db, type, [id]);
      if (resource) return send(reply, resource);
      // a service deleted lately: 410, as FHIR answers for a deleted resource (one hidden for age is 404: a confirmation brings it back)
      const [departed] = type === 'HealthcareService' ? await findDepartures(db, [id]) : [];
      if (departed?.reason === 'deleted') return outcome(reply, 410, 'deleted', `${type}/${id} left the directory at ${departed.left_at.toISOString()}`);
      return outcome(reply, 404, 'not-found', `${type}/${id} is not known`);
    });
  }

  app.get(`${paths.fhir.base}/CodeSystem`, { schema: { tags: TAGS, summary: 'Samklang\'s CodeSystems' } }, async (request, reply) => {
    const entries = CODE_SYSTEMS.map(({ facet }) => codeSystemResource(facet));
    const base = `${baseUrl(request)}${paths.fhir.base}`;
    return send(reply, {
      resourceType: 'Bundle', type: 'searchset', total: entries.length, link: [{ relation: 'self', url: `${base}/CodeSystem` }],
      entry: entries.map((resource) => ({ fullUrl: `${base}/CodeSystem/${resource.id}`, resource, search: { mode: 'match' } })),
    });
  });
  app.get(`${paths.fhir.base}/CodeSystem/:id`, { schema: { tags: TAGS, summary: 'One of Samklang\'s CodeSystems' } }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const found = CODE_SYSTEMS.find((c) => c.id === id);
    return found ? send(reply, codeSystemResource(found.facet)) : outcome(reply, 404, 'not-found', `CodeSystem/${id} is not known`);
  });
}
