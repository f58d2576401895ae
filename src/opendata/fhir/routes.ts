import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import type { Db } from '../../platform/db/index.ts';
import { readerOf } from '../../platform/db/index.ts';
import { paths } from '../../platform/paths.ts';
import { locationShownTo } from '../hsds/filters.ts';
import { loadGraph } from '../hsds/graph.ts';
import { baseUrl } from '../hsds/routes.ts';
import { IdParams } from '../hsds/params.ts';
import { findDepartures, publicLocationView } from '../../directory/index.ts';
import { answeredNotModified, dropValidatorsFromErrors, validatorsUnlessAnswered } from '../conditional.ts';
import { cachedAnswer, idListBytes, sendKept } from '../answer-cache.ts';
import { currentLanguage } from '../../platform/i18n/index.ts';
import { refuseWrites } from '../read-only.ts';
import { capabilityStatement } from './capability.ts';
import { CODE_SYSTEM_SEARCH, searchCodeSystems } from './code-system-search.ts';
import { CODE_SYSTEMS, codeSystemResource } from './codes.ts';
import { healthcareServiceResource, locationResource, organizationResource } from './resources.ts';
import { SEARCH_SCHEMAS, SearchError, runSearch, searchPlan, splitParams, type ResourceType, type SearchParams } from './search.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TAGS = ['FHIR R4'];
type Resource = Record<string, unknown>;

function send(reply: FastifyReply, resource: unknown, status = 200) {
  return reply.status(status).type(FHIR_JSON).send(resource);
}

function outcome(reply: FastifyReply, status: number, code: string, diagnostics: string, expression?: string[]) {
  return send(reply, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics, ...(expression?.length ? { expression } : {}) }] }, status);
}

/** The client asked for strict handling of search parameters (FHIR R4 3.1.1.5: Prefer: handling=strict). */
function strictHandling(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  return text.split(/[,;]/).some((part) => part.trim().toLowerCase() === 'handling=strict');
}

/** Marks an entry of which only some elements were asked for (_elements), as FHIR asks. */
const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' };
const ALWAYS_KEPT = new Set(['resourceType', 'id', 'meta']);

/** The resource with only the elements asked for (and the mandatory ones), tagged SUBSETTED. */
function subset(resource: Resource, elements: Set<string>): Resource {
  const kept = Object.fromEntries(Object.entries(resource).filter(([key]) => ALWAYS_KEPT.has(key) || elements.has(key) || elements.has(key.replace(/^_/, ''))));
  const meta = (kept.meta ?? {}) as { tag?: unknown[] };
  return { ...kept, meta: { ...meta, tag: [...(meta.tag ?? []), SUBSETTED] } };
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

/** A searchset Bundle with self, first, previous, next and last links that keep every parameter searched by. */
function bundle(request: FastifyRequest, type: string, found: { total: number }, entries: Resource[], params: SearchParams): Resource {
  const count = Number(params._count ?? 50);
  const offset = Number(params._offset ?? 0);
  const base = `${baseUrl(request)}${paths.fhir.base}`;
  const link = (relation: string, at: number) => {
    const url = new URL(`${base}/${type}`);
    for (const [key, value] of Object.entries(params)) {
      if (key === '_offset' || key === '_count' || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
    }
    url.searchParams.set('_count', String(count));
    url.searchParams.set('_offset', String(at));
    return { relation, url: url.toString() };
  };
  const onlyTotal = params._summary === 'count' || count === 0;
  const last = count === 0 ? 0 : Math.max(0, Math.floor((found.total - 1) / count) * count);
  const elements = typeof params._elements === 'string' ? new Set(params._elements.split(',')) : null;
  return {
    resourceType: 'Bundle', type: 'searchset',
    ...(params._total === 'none' && !onlyTotal ? {} : { total: found.total }),
    link: onlyTotal ? [link('self', offset)] : [
      link('self', offset), link('first', 0),
      ...(offset > 0 ? [link('previous', Math.max(0, offset - count))] : []),
      ...(offset + count < found.total ? [link('next', offset + count)] : []),
      link('last', last),
    ],
    ...(onlyTotal || entries.length === 0 ? {} : {
      entry: entries.map((resource) => ({
        fullUrl: `${base}/${type}/${String(resource.id)}`, resource: elements ? subset(resource, elements) : resource, search: { mode: 'match' },
      })),
    }),
  };
}

/**
 * The search parameters the type knows, or an answer: with Prefer: handling=strict, unknown
 * parameters are a 400 naming them; otherwise they are ignored.
 */
function knownParams(request: FastifyRequest, reply: FastifyReply, schema: { properties: object }): SearchParams | null {
  const { known, unknown } = splitParams(schema, request.query);
  if (unknown.length > 0 && strictHandling(request)) {
    outcome(reply, 400, 'not-supported', `unknown search parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (strict handling was asked for)`, unknown);
    return null;
  }
  return known;
}

/** FHIR R4 under /fhir: HealthcareService, Location and Organization (read, search), our CodeSystems, the CapabilityStatement. */
export async function fhirRoutes(app: App, deps: { db: Db }) {
  const db = readerOf(deps.db); // public reads: the replica, or the primary after the reader's own write
  app.addHook('onSend', async (_request, reply, payload) => {
    dropValidatorsFromErrors(reply);
    return payload;
  });
  refuseWrites(app, [paths.fhir.base, `${paths.fhir.base}/*`], (request, reply) =>
    outcome(reply, 405, 'not-supported', `This FHIR server is read-only: ${request.method} is not supported; use GET (read and search)`));

  app.get(paths.fhir.metadata, { schema: { tags: TAGS, summary: 'CapabilityStatement' } }, async (request, reply) => {
    if (await answeredNotModified(request, reply, db)) return reply;
    return send(reply, capabilityStatement(`${baseUrl(request)}${paths.fhir.base}`));
  });

  for (const type of Object.keys(SEARCH_SCHEMAS) as ResourceType[]) {
    app.get(`${paths.fhir.base}/${type}`, { schema: { tags: TAGS, summary: `Search ${type}`, querystring: SEARCH_SCHEMAS[type] } }, async (request, reply) => {
      const params = knownParams(request, reply, SEARCH_SCHEMAS[type]);
      if (!params) return reply;
      try {
        const plan = searchPlan(type, params);
        const validators = await validatorsUnlessAnswered(request, reply, db);
        if (!validators) return reply;
        const onlyTotal = params._summary === 'count' || plan.count === 0;
        // kept as sent while the directory's data version and day stay the same (answer-cache.ts); the
        // links carry the address asked at, and a temporarily closed service's text the reader's language
        const key = `fhir|${baseUrl(request)}|${currentLanguage()}|${type}|${JSON.stringify(params)}`;
        return await sendKept(request, reply, db, validators, key, FHIR_JSON, async () => {
          const keep = (idsKey: string, compute: () => Promise<string[]>) => cachedAnswer(db, validators, idsKey, compute, idListBytes);
          const found = await runSearch(db, onlyTotal ? { ...plan, count: 0 } : plan, keep);
          return JSON.stringify(bundle(request, type, found, onlyTotal ? [] : await resources(db, type, found.ids), params));
        });
      } catch (error) {
        if (error instanceof SearchError) return outcome(reply, 400, 'invalid', `${error.param}: ${error.message}`, [error.param]);
        throw error;
      }
    });
    app.get(`${paths.fhir.base}/${type}/:id`, { schema: { tags: TAGS, summary: `Read ${type}`, params: IdParams } }, async (request, reply) => {
      const { id } = request.params;
      const [resource] = await resources(db, type, [id]);
      if (resource) {
        if (await answeredNotModified(request, reply, db)) return reply;
        return send(reply, resource);
      }
      // a service deleted lately: 410, as FHIR answers for a deleted resource (one hidden for age is 404: a confirmation brings it back)
      const [departed] = type === 'HealthcareService' ? await findDepartures(db, [id]) : [];
      if (departed?.reason === 'deleted') return outcome(reply, 410, 'deleted', `${type}/${id} left the directory at ${departed.left_at.toISOString()}`);
      return outcome(reply, 404, 'not-found', `${type}/${id} is not known`);
    });
  }

  app.get(`${paths.fhir.base}/CodeSystem`, { schema: { tags: TAGS, summary: 'Samklang\'s CodeSystems', querystring: CODE_SYSTEM_SEARCH } }, async (request, reply) => {
    const params = knownParams(request, reply, CODE_SYSTEM_SEARCH);
    if (!params) return reply;
    try {
      const { resources: found, total } = searchCodeSystems(params);
      if (await answeredNotModified(request, reply, db)) return reply;
      const onlyTotal = params._summary === 'count' || Number(params._count ?? 50) === 0;
      return send(reply, bundle(request, 'CodeSystem', { total }, onlyTotal ? [] : found, params));
    } catch (error) {
      if (error instanceof SearchError) return outcome(reply, 400, 'invalid', `${error.param}: ${error.message}`, [error.param]);
      throw error;
    }
  });
  app.get(`${paths.fhir.base}/CodeSystem/:id`, { schema: { tags: TAGS, summary: 'One of Samklang\'s CodeSystems' } }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const found = CODE_SYSTEMS.find((c) => c.id === id);
    if (!found) return outcome(reply, 404, 'not-found', `CodeSystem/${id} is not known`);
    if (await answeredNotModified(request, reply, db)) return reply;
    return send(reply, codeSystemResource(found.facet));
  });
}
