import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import type { Db } from '../../platform/db/index.ts';
import { PROBLEM_TYPES, sendProblem } from '../../platform/http/problem.ts';
import { paths } from '../../platform/paths.ts';
import { sql } from 'kysely';
import { organizationShownTo, type ServiceFilter } from './filters.ts';
import { organizationDocuments, serviceAtLocationDocuments, serviceDocuments, syncedServiceDocuments, taxonomyDocuments, termDocuments } from './documents.ts';
import type { Json } from './objects.ts';
import {
  DEFAULT_PER_PAGE, IdParams, OrganizationQuery, OrganizationsQuery, ServiceAtLocationsQuery, ServicesQuery, TaxonomiesQuery,
  TaxonomyTermsQuery, pageOf, parseModifiedAfter,
} from './params.ts';
import {
  catalogueIdBatches, nameSearch, organizationIdBatches, pageCatalogueIds, pageOrganizationIds, pageServiceAtLocationIds, pageServiceIds,
  serviceIdBatches, type IdPage, type KeepIds, type Near,
} from './queries.ts';
import { yieldToRequests } from '../../platform/event-loop.ts';
import { sendExport } from './export-cache.ts';
import { tabularExportJson } from './tabular-export.ts';
import { HSDS_VERSION, placeFrom, profileDocument } from '../../directory/index.ts';
import { answeredNotModified, validatorsUnlessAnswered } from '../conditional.ts';
import { cachedAnswer, idListBytes, sendKept } from '../answer-cache.ts';
import { METHOD_NOT_ALLOWED, refuseWrites } from '../read-only.ts';
import { HSDS_TAG, hsdsOpenApi } from './openapi.ts';

const TAGS = [HSDS_TAG];
export const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Streams documents as ndjson, one batch of ids at a time, so memory stays flat on any size. */
function sendNdjson(reply: FastifyReply, batches: AsyncGenerator<string[]>, build: (ids: string[]) => Promise<Json[]>) {
  async function* lines() {
    for await (const ids of batches) {
      // requests get their turn between batches (PGlite answers in this thread)
      await yieldToRequests();
      const documents = await build(ids);
      yield documents.map((d) => `${JSON.stringify(d)}\n`).join('');
    }
  }
  return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
}

interface Listing {
  format?: string;
  page?: number;
  per_page?: number;
}

/**
 * Answers a valid list request: 304 when the client holds the current answer, else one Page
 * object, or every match streamed as ndjson. A Page is kept as sent while the directory's data
 * version and day stay the same (answer-cache.ts), keyed by the route and its validated query.
 */
async function sendList(request: FastifyRequest, reply: FastifyReply, db: Db, query: Listing, source: {
  page: (page: number, perPage: number, keep: KeepIds) => Promise<IdPage>;
  batches: () => AsyncGenerator<string[]>;
  build: (ids: string[]) => Promise<Json[]>;
}) {
  const validators = await validatorsUnlessAnswered(request, reply, db);
  if (!validators) return reply;
  if (query.format === 'ndjson') return sendNdjson(reply, source.batches(), source.build);
  const page = query.page ?? 1;
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const keep: KeepIds = (key, compute) => cachedAnswer(db, validators, key, compute, idListBytes);
  const key = `hsds|${baseUrl(request)}|${request.routeOptions.url}|${JSON.stringify(request.query)}`;
  return sendKept(request, reply, db, validators, key, 'application/json; charset=utf-8', async () => {
    const { ids, total } = await source.page(page, perPage, keep);
    return JSON.stringify(pageOf(await source.build(ids), total, page, perPage));
  });
}

function badRequest(reply: FastifyReply, name: string, reason: string) {
  return sendProblem(reply, { type: PROBLEM_TYPES.validation, title: 'Invalid request parameters', status: 400, errors: [{ name, reason }] });
}

function notFound(reply: FastifyReply, what: string, id: string) {
  return sendProblem(reply, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: `No ${what} with id ${id}` });
}

type FilterQuery = Pick<ServicesQuery, 'search' | 'taxonomy_term_id' | 'taxonomy_id' | 'organization_id' | 'modified_after'>;
function serviceFilter(query: FilterQuery): ServiceFilter | null {
  const modifiedAfter = parseModifiedAfter(query.modified_after);
  if (modifiedAfter === null) return null;
  return {
    audience: 'public', search: query.search, taxonomyTermId: query.taxonomy_term_id, taxonomyId: query.taxonomy_id,
    organizationId: query.organization_id, modifiedAfter,
  };
}

/** One object by id: 404 when the public does not see it, else 304 or the object. */
async function one(request: FastifyRequest, reply: FastifyReply, db: Db, what: string, id: string, build: (ids: string[]) => Promise<Json[]>) {
  const [document] = await build([id]);
  if (!document) return notFound(reply, what, id);
  if (await answeredNotModified(request, reply, db)) return reply;
  return document;
}

/**
 * The HSDS 3.0 API under /hsds/: read-only, open to every origin, described in /api/openapi.json.
 * Every route builds for the 'public' audience: the finder's freshness rule (see Audience).
 */
export async function hsdsRoutes(app: App, { db }: { db: Db }) {
  refuseWrites(app, [paths.hsds.root.slice(0, -1), `${paths.hsds.root}*`], (request, reply) => sendProblem(reply, {
    type: METHOD_NOT_ALLOWED, title: 'Method not allowed', status: 405, detail: `The HSDS API is read-only: ${request.method} is not offered; use GET`,
  }));
  const root = async (request: FastifyRequest, reply: FastifyReply) => {
    if (await answeredNotModified(request, reply, db)) return reply;
    return { version: HSDS_VERSION, profile: `${baseUrl(request)}${paths.hsds.profile}`, openapi_url: `${baseUrl(request)}${paths.hsds.openapi}` };
  };
  app.get(paths.hsds.root, { schema: { tags: TAGS, summary: 'HSDS version, profile and OpenAPI document' } }, root);
  app.get(paths.hsds.root.slice(0, -1), { schema: { hide: true } }, root);
  app.get(paths.hsds.profile, { schema: { tags: TAGS, summary: 'The Samklang HSDS profile: JSON merge patches over the canonical schemas' } },
    async (request, reply) => {
      if (await answeredNotModified(request, reply, db)) return reply;
      return profileDocument(baseUrl(request));
    });
  // the HSDS endpoints alone, built from the app's document once every route is registered
  app.get(paths.hsds.openapi, { schema: { hide: true } }, async (request) => hsdsOpenApi(app.swagger(), baseUrl(request)));

  app.get(paths.hsds.services, {
    schema: { tags: TAGS, summary: 'Services, one-to-one fields (full=true: fully nested; minimal=true: id and last_modified)', querystring: ServicesQuery },
  }, async (request, reply) => {
    const query = request.query;
    const filter = serviceFilter(query);
    if (!filter) return badRequest(reply, 'modified_after', 'not a real date or date-time');
    const form = query.minimal ? 'minimal' : query.full ? 'full' : 'list';
    return sendList(request, reply, db, query, {
      page: (page, perPage, keep) => pageServiceIds(db, filter, page, perPage, keep),
      batches: () => serviceIdBatches(db, filter),
      build: (ids) => syncedServiceDocuments(db, ids, form),
    });
  });
  app.get(`${paths.hsds.services}/:id`, { schema: { tags: TAGS, summary: 'One fully nested service', params: IdParams } }, async (request, reply) =>
    one(request, reply, db, 'service', request.params.id, (ids) => serviceDocuments(db, ids, 'full', 'public')));

  app.get(paths.hsds.serviceAtLocations, {
    schema: { tags: TAGS, summary: 'Services at locations; postcode and proximity search from a postal code', querystring: ServiceAtLocationsQuery },
  }, async (request, reply) => {
    const query = request.query;
    const filter = serviceFilter(query);
    if (!filter) return badRequest(reply, 'modified_after', 'not a real date or date-time');
    if (query.proximity !== undefined && !query.postcode) return badRequest(reply, 'proximity', 'proximity needs postcode');
    let near: Near | null = null;
    if (query.postcode) {
      // the finder's one place resolver: a postal code's own point (its municipality's population centre when it has none)
      const { place } = await placeFrom(db, { sted: query.postcode });
      if (!place?.municipalityNumber) return badRequest(reply, 'postcode', 'unknown postal code, or one outside the municipalities');
      near = { municipalityNumber: place.municipalityNumber, lat: place.lat, lon: place.lon, proximity: query.proximity ?? null };
    }
    const form = query.full ? 'full' : 'list';
    return sendList(request, reply, db, query, {
      page: (page, perPage) => pageServiceAtLocationIds(db, filter, near, page, perPage),
      batches: async function* () {
        for (let page = 1; ; page++) {
          const { ids } = await pageServiceAtLocationIds(db, filter, near, page, 500);
          if (ids.length === 0) return;
          yield ids;
        }
      },
      build: (ids) => serviceAtLocationDocuments(db, ids, form, 'public'),
    });
  });
  app.get(`${paths.hsds.serviceAtLocations}/:id`, { schema: { tags: TAGS, summary: 'One fully nested service_at_location', params: IdParams } },
    async (request, reply) => one(request, reply, db, 'service_at_location', request.params.id, (ids) => serviceAtLocationDocuments(db, ids, 'full', 'public')));

  app.get(paths.hsds.organizations, { schema: { tags: TAGS, summary: 'Organisations', querystring: OrganizationsQuery } }, async (request, reply) => {
    const query = request.query;
    const where = sql<boolean>`${nameSearch(query.search)} and ${organizationShownTo('public', 'organization')}`;
    const form = query.full_service ? 'full_service' : query.full ? 'full' : 'list';
    return sendList(request, reply, db, query, {
      page: (page, perPage) => pageOrganizationIds(db, where, page, perPage),
      batches: () => organizationIdBatches(db, where),
      build: (ids) => organizationDocuments(db, ids, form, 'public'),
    });
  });
  app.get(`${paths.hsds.organizations}/:id`, {
    schema: { tags: TAGS, summary: 'One fully nested organisation with its services', params: IdParams, querystring: OrganizationQuery },
  }, async (request, reply) => {
    const { full_service } = request.query;
    return one(request, reply, db, 'organization', request.params.id, (ids) => organizationDocuments(db, ids, full_service ? 'full_service' : 'full', 'public'));
  });

  app.get(paths.hsds.taxonomies, { schema: { tags: TAGS, summary: 'Taxonomies', querystring: TaxonomiesQuery } }, async (request, reply) => {
    const query = request.query;
    return sendList(request, reply, db, query, {
      page: (page, perPage) => pageCatalogueIds(db, 'taxonomy', query, page, perPage),
      batches: () => catalogueIdBatches(db, 'taxonomy', query),
      build: (ids) => taxonomyDocuments(db, ids),
    });
  });
  app.get(`${paths.hsds.taxonomies}/:id`, { schema: { tags: TAGS, summary: 'One taxonomy', params: IdParams } }, async (request, reply) =>
    one(request, reply, db, 'taxonomy', request.params.id, (ids) => taxonomyDocuments(db, ids)));

  app.get(paths.hsds.taxonomyTerms, { schema: { tags: TAGS, summary: 'Taxonomy terms', querystring: TaxonomyTermsQuery } }, async (request, reply) => {
    const query = request.query;
    const filter = { search: query.search, taxonomyId: query.taxonomy_id, parentId: query.parent_id, topOnly: query.top_only };
    return sendList(request, reply, db, query, {
      page: (page, perPage) => pageCatalogueIds(db, 'taxonomy_term', filter, page, perPage),
      batches: () => catalogueIdBatches(db, 'taxonomy_term', filter),
      build: (ids) => termDocuments(db, ids),
    });
  });
  app.get(`${paths.hsds.taxonomyTerms}/:id`, { schema: { tags: TAGS, summary: 'One taxonomy term', params: IdParams } }, async (request, reply) =>
    one(request, reply, db, 'taxonomy term', request.params.id, (ids) => termDocuments(db, ids)));

  app.get(paths.hsds.tabular, {
    schema: { tags: TAGS, summary: 'The published directory in HSDS tabular form as JSON (one array of rows per table), as the import reads it' },
  }, async (request, reply) => sendExport(request, reply, db, {
    key: 'hsds-tabular', type: 'application/json; charset=utf-8', build: () => tabularExportJson(db, 'public'),
  }));
}
