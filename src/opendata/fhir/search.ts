import { Type, type TProperties } from '@sinclair/typebox';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { allOf, containing, locationShownTo, organizationShownTo, serviceConditions, serviceShownTo } from '../hsds/filters.ts';
import { publicLocationName, TERM_BY_KEY } from '../../directory/index.ts';
import { OneOf } from '../../platform/http/one-of.ts';
import { termKeysForToken } from './codes.ts';

export const MAX_COUNT = 500;
const text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));
const tokens = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 10, description }));
const common = {
  _id: text('Resource id; several separated by commas'),
  _count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COUNT, default: 50, description: 'Entries per page' })),
  _offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0, description: 'Entries to skip (paging links set it)' })),
  _format: Type.Optional(OneOf(['json', 'application/json', 'application/fhir+json'])),
  name: text('Name starts with (case-insensitive)'),
  'name:contains': text('Name contains'),
  'name:exact': text('Name is exactly'),
};
const strict = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: false });

export const SEARCH_SCHEMAS = {
  HealthcareService: strict({
    ...common,
    active: Type.Optional(Type.Boolean({ description: 'true: active or temporarily closed' })),
    organization: text('Organization/{id}'), location: text('Location/{id}'),
    'service-category': tokens('system|code of the category (Samklang tjenestenivå); commas for OR, repeat for AND'),
    'service-type': tokens('system|code of a type (fagfelt, tjenestested, form); commas for OR, repeat for AND'),
    'address-postalcode': text('Postal code of a location (starts with); confidential locations never match'),
  }),
  Location: strict({ ...common, organization: text('Organization/{id}'), 'address-postalcode': text('Postal code (starts with)') }),
  Organization: strict({ ...common, identifier: text('urn:oid:2.16.578.1.12.4.1.4.101|{organisasjonsnummer}, or the number alone'), active: Type.Optional(Type.Boolean()) }),
} as const;

export type ResourceType = keyof typeof SEARCH_SCHEMAS;
export type SearchParams = Record<string, string | string[] | number | boolean | undefined>;

export class SearchError extends Error {
  constructor(readonly param: string, message: string) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function ids(param: string, value: string, type?: string): string[] {
  return value.split(',').map((v) => {
    const id = type && v.startsWith(`${type}/`) ? v.slice(type.length + 1) : v;
    if (!UUID.test(id)) throw new SearchError(param, `"${v}" is not ${type ? `${type}/{id} with a UUID` : 'a UUID'}`);
    return id;
  });
}

function nameConditions(params: SearchParams, column: RawBuilder<unknown>): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [];
  if (typeof params.name === 'string') where.push(sql<boolean>`${column} ilike ${`${containing(params.name).slice(1)}`}`);
  if (typeof params['name:contains'] === 'string') where.push(sql<boolean>`${column} ilike ${containing(params['name:contains'])}`);
  if (typeof params['name:exact'] === 'string') where.push(sql<boolean>`${column} = ${params['name:exact']}`);
  return where;
}

/** Each repeat of a token parameter must hold (AND); the comma-separated values in one are alternatives (OR). */
function tokenConditions(param: string, values: string[] | undefined, element: 'category' | 'type'): RawBuilder<boolean>[] {
  return (values ?? []).map((value) => {
    const keys = value.split(',').flatMap((token) => termKeysForToken(token, element));
    if (keys.length === 0) return sql<boolean>`false`;
    return sql<boolean>`(${sql.join(keys.map((key) => allOf(serviceConditions({ taxonomyTermId: TERM_BY_KEY.get(key)!.id }))), sql` or `)})`;
  });
}

/** The name column searched and ordered by: for a Location, only the name the public may see. */
const nameColumn = (type: ResourceType) => (type === 'Location' ? publicLocationName('s') : sql`s.name`);

function conditions(type: ResourceType, p: SearchParams): { table: string; where: RawBuilder<boolean>[] } {
  const where: RawBuilder<boolean>[] = [];
  if (typeof p._id === 'string') where.push(sql<boolean>`s.id = any(${ids('_id', p._id)}::uuid[])`);
  where.push(...nameConditions(p, nameColumn(type)));
  if (type === 'HealthcareService') {
    // the finder's freshness rule, as in HSDS (see Audience)
    where.push(serviceShownTo('public', 's'));
    if (p.active !== undefined) where.push(p.active ? sql<boolean>`s.status in ('active', 'temporarily closed')` : sql<boolean>`s.status not in ('active', 'temporarily closed')`);
    if (typeof p.organization === 'string') where.push(sql<boolean>`s.organization_id = any(${ids('organization', p.organization, 'Organization')}::uuid[])`);
    if (typeof p.location === 'string') {
      where.push(sql<boolean>`exists (select 1 from service_at_location sal where sal.service_id = s.id and sal.location_id = any(${ids('location', p.location, 'Location')}::uuid[]))`);
    }
    where.push(...tokenConditions('service-category', p['service-category'] as string[] | undefined, 'category'));
    where.push(...tokenConditions('service-type', p['service-type'] as string[] | undefined, 'type'));
    if (typeof p['address-postalcode'] === 'string') {
      where.push(sql<boolean>`exists (select 1 from service_at_location sal join location l on l.id = sal.location_id join address a on a.location_id = l.id
        where sal.service_id = s.id and not l.is_confidential and a.postal_code like ${`${p['address-postalcode'].replace(/[\\%_]/g, '')}%`})`);
    }
    return { table: 'service', where };
  }
  if (type === 'Location') {
    where.push(locationShownTo('public', sql`s.id`));
    if (typeof p.organization === 'string') where.push(sql<boolean>`s.organization_id = any(${ids('organization', p.organization, 'Organization')}::uuid[])`);
    if (typeof p['address-postalcode'] === 'string') {
      where.push(sql<boolean>`not s.is_confidential and exists (select 1 from address a where a.location_id = s.id and a.postal_code like ${`${p['address-postalcode'].replace(/[\\%_]/g, '')}%`})`);
    }
    return { table: 'location', where };
  }
  if (typeof p.identifier === 'string') {
    const value = p.identifier.includes('|') ? p.identifier.split('|')[1]! : p.identifier;
    where.push(sql<boolean>`exists (select 1 from organization_identifier i where i.organization_id = s.id and i.identifier_type = 'organisasjonsnummer' and i.identifier = ${value})`);
  }
  if (p.active === false) where.push(sql<boolean>`false`);
  where.push(organizationShownTo('public', 's'));
  return { table: 'organization', where };
}

/** One page of matching ids, by name then id, and how many match in all. */
export async function searchIds(db: Db, type: ResourceType, params: SearchParams): Promise<{ ids: string[]; total: number }> {
  const { table, where } = conditions(type, params);
  const count = Number(params._count ?? 50);
  const offset = Number(params._offset ?? 0);
  const { rows } = await sql<{ id: string; total: number }>`
    select s.id, count(*) over () as total from ${sql.table(table)} s where ${allOf(where)}
    order by ${nameColumn(type)} nulls last, s.id limit ${count} offset ${offset}`.execute(db);
  if (rows.length > 0 || offset === 0) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  const { rows: all } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} s where ${allOf(where)}`.execute(db);
  return { ids: [], total: all[0]?.n ?? 0 };
}
