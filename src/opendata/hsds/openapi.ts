import { Type } from '@sinclair/typebox';
import { paths } from '../../platform/paths.ts';
import { HSDS_VERSION } from '../../directory/index.ts';

/**
 * The OpenAPI document of the HSDS endpoints alone, which /hsds/ names as openapi_url (the HSDS
 * API reference asks for one). Built from the whole app's document, so parameters are described
 * once, by the routes' own schemas; each answer is described by the official HSDS 3.0 schema the
 * specification's own openapi.json gives for it, referenced at the URL it uses there (not copied).
 */

/** Where the official HSDS 3.0 schemas are published, as the specification's openapi.json refers to them. */
export const HSDS_SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** The official schema of each answer, by path under /hsds: one object, or a Page of them. */
const RESPONSES: Record<string, { one: string } | { page: string }> = {
  '/services': { page: 'compiled/service_list.json' },
  '/services/{id}': { one: 'compiled/service.json' },
  '/service_at_locations': { page: 'compiled/service_at_location_list.json' },
  // the specification's openapi.json names compiled/service.json here, which is not what the path
  // serves; the compiled service_at_location schema is
  '/service_at_locations/{id}': { one: 'compiled/service_at_location.json' },
  '/organizations': { page: 'compiled/organization_list.json' },
  '/organizations/{id}': { one: 'compiled/organization.json' },
  '/taxonomies': { page: 'taxonomy.json' },
  '/taxonomies/{id}': { one: 'taxonomy.json' },
  '/taxonomy_terms': { page: 'taxonomy_term.json' },
  '/taxonomy_terms/{id}': { one: 'taxonomy_term.json' },
  '/tabular.json': { one: 'compiled/tabular.json' },
};

/** The spec's Page object, as pageOf (params.ts) writes it. */
const Page = Type.Object({
  total_items: Type.Integer({ description: 'How many items match in all' }),
  total_pages: Type.Integer({ description: 'How many pages there are at this per_page' }),
  page_number: Type.Integer({ description: 'This page, from 1' }),
  size: Type.Integer({ description: 'Items on this page' }),
  first_page: Type.Boolean(),
  last_page: Type.Boolean(),
  empty: Type.Boolean({ description: 'true when this page has no items' }),
  contents: Type.Array(Type.Unknown()),
}, { required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'] });

const Root = Type.Object({
  version: Type.String({ description: 'HSDS version of this API' }),
  profile: Type.String({ format: 'uri', description: 'URI of the Norwegian profile this API follows' }),
  openapi_url: Type.String({ format: 'uri', description: 'This document' }),
});

const Problem = Type.Object({
  type: Type.String({ format: 'uri' }), title: Type.String(), status: Type.Integer(), detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }))),
});

type Operation = { tags?: string[] } & Record<string, unknown>;
type PathItem = Record<string, Operation>;
/** What is read of the app's document (@fastify/swagger's output). */
export interface OpenApiDocument {
  paths?: Record<string, { get?: object } | undefined>;
}

const json = (schema: unknown) => ({ 'application/json': { schema } });

function okResponse(path: string): Record<string, unknown> {
  if (path === '/') return { description: 'The HSDS version, the profile and this document', content: json({ $ref: '#/components/schemas/Root' }) };
  if (path === '/profile') return { description: 'The profile: JSON merge patches over the canonical schemas, and the taxonomies used', content: json({ type: 'object' }) };
  const answer = RESPONSES[path];
  if (!answer) throw new Error(`no HSDS response schema for ${path}`);
  if ('one' in answer) return { description: 'One fully nested object', content: json({ $ref: `${HSDS_SCHEMA_BASE}${answer.one}` }) };
  const item = { $ref: `${HSDS_SCHEMA_BASE}${answer.page}` };
  return {
    description: 'One page of items; with format=ndjson every match, one JSON document a line, without a Page around them',
    content: {
      ...json({ allOf: [{ $ref: '#/components/schemas/Page' }], properties: { contents: { type: 'array', items: item } } }),
      'application/x-ndjson': { schema: item },
    },
  };
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const CONDITIONAL_HEADERS = {
  ETag: { description: 'The data version and day; send it back in If-None-Match', schema: { type: 'string' } },
  'Last-Modified': { description: 'When the published directory last changed; send it back in If-Modified-Since', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
};

/** The HSDS part of the app's OpenAPI document, with paths relative to the server `${base}/hsds`. */
export function hsdsOpenApi(whole: OpenApiDocument, base: string) {
  const prefix = paths.hsds.root.slice(0, -1);
  const selected: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(whole.paths ?? {})) {
    const operation = item?.get as Operation | undefined;
    if (!operation || !(operation.tags ?? []).includes(HSDS_TAG)) continue;
    const relative = path.slice(prefix.length) || '/';
    if (relative === OPENAPI_RELATIVE) continue;
    const { tags: _tags, ...get } = operation;
    selected[relative] = {
      get: {
        ...get,
        responses: {
          200: { ...okResponse(relative), headers: CONDITIONAL_HEADERS },
          304: { description: 'Not modified: the ETag or date the client sent is still current' },
          400: problem('A known parameter with a bad value (unknown parameters are ignored)'),
          ...(relative.endsWith('{id}') ? { 404: problem('No such object in the published directory') } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Samklang HSDS API',
      version: HSDS_VERSION,
      summary: 'Music-therapy offers in Norway as Human Services Data Specification 3.0, with a Norwegian profile',
      description: 'Read-only. Answers are the official HSDS 3.0 schemas with the profile at /hsds/profile applied. Unknown query '
        + 'parameters are ignored; a known one with a bad value is a 400 problem+json. Every answer carries an ETag and Last-Modified '
        + 'and honours If-None-Match and If-Modified-Since. Write methods answer 405.',
      license: { name: 'NLOD 2.0', url: 'https://data.norge.no/nlod/no/2.0' },
    },
    servers: [{ url: `${base}${prefix}`, description: 'This Samklang instance' }],
    paths: selected,
    components: { schemas: { Page, Root, Problem } },
  };
}

export const HSDS_TAG = 'HSDS 3.0';
const OPENAPI_RELATIVE = paths.hsds.openapi.slice(paths.hsds.root.length - 1);
