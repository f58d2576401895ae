import { Type, type TProperties } from '@sinclair/typebox';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { EARTH_RADIUS_KM } from '../../platform/geo.ts';
import { isUuid } from '../../platform/ids.ts';
import { allOf, containing, locationShownTo, organizationShownTo, serviceConditions, serviceShownTo } from '../hsds/filters.ts';
import { publicLocationName, TERM_BY_KEY } from '../../directory/index.ts';
import { OneOf } from '../../platform/http/one-of.ts';
import { ORGANIZATION_NUMBER_SYSTEM, organizationNumberSql, termKeysForToken } from './codes.ts';
import { DEFAULT_NEAR_KM, SearchError, parseDateSearch, parseNear, type Near } from './values.ts';

export { SearchError } from './values.ts';

export const MAX_COUNT = 500;
const text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));
const tokens = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 10, description }));
const dates = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 4, description }));

/** Result parameters: how the Bundle is made, for every type (CodeSystem included). */
export const RESULT_PARAMS = {
  _count: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_COUNT, default: 50, description: `Entries per page, at most ${MAX_COUNT}; 0 gives the total alone` })),
  _offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0, description: 'Entries to skip (the paging links set it)' })),
  _format: Type.Optional(OneOf(['json', 'application/json', 'application/fhir+json'])),
  _summary: Type.Optional(OneOf(['count', 'false'], { description: 'count: the total alone, no entries; false: whole resources (the default)' })),
  _total: Type.Optional(OneOf(['none', 'estimate', 'accurate'], { description: 'none leaves Bundle.total out; estimate and accurate both give the exact total' })),
  _elements: Type.Optional(Type.String({ maxLength: 500, pattern: '^[A-Za-z][A-Za-z0-9]*(,[A-Za-z][A-Za-z0-9]*)*$', description: 'Top-level elements to return, separated by commas (the entries are tagged SUBSETTED)' })),
};
const sortable = (keys: string) => Type.Optional(Type.String({ maxLength: 100, description: `Order by ${keys}, separated by commas; a leading - for descending. Default: name, then _id` }));
const common = {
  ...RESULT_PARAMS,
  _id: text('Resource id; several separated by commas'),
  name: text('Name starts with (case-insensitive)'),
  'name:contains': text('Name contains'),
  'name:exact': text('Name is exactly'),
};
const lastUpdated = dates('When the resource last changed: [ge|gt|le|lt|eq|ne]yyyy[-mm[-dd[Thh:mm[:ss][Z|+hh:mm]]]]; repeat for a range (AND)');

/**
 * Every search parameter a type knows. Others are ignored, as FHIR R4 asks of a server (3.1.1.5),
 * and left out of the Bundle's self link, which says what was searched by; a client that sends
 * `Prefer: handling=strict` gets a 400 naming them instead. A known parameter with a bad value is
 * always a 400 OperationOutcome.
 */
const lenient = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: true });

export const SEARCH_SCHEMAS = {
  HealthcareService: lenient({
    ...common,
    _lastUpdated: lastUpdated,
    _sort: sortable('name, _id or _lastUpdated'),
    active: Type.Optional(Type.Boolean({ description: 'true: active or temporarily closed' })),
    organization: text('Organization/{id}'), location: text('Location/{id}'),
    'location.near': text('Chained near on the service\'s locations: latitude|longitude|distance|units; nearest first unless _sort says otherwise'),
    'service-category': tokens('system|code of the category (Samklang tjenestenivå); commas for OR, repeat for AND'),
    'service-type': tokens('system|code of a type (fagfelt, tjenestested, form); commas for OR, repeat for AND'),
    'address-postalcode': text('Postal code of a location (starts with); confidential locations never match'),
  }),
  Location: lenient({
    ...common,
    _sort: sortable('name or _id'),
    organization: text('Organization/{id}'), 'address-postalcode': text('Postal code (starts with)'),
    near: text(`latitude|longitude|distance|units (decimal degrees; distance ${DEFAULT_NEAR_KM} and units km when left out; m and [mi_i] too); nearest first unless _sort says otherwise. A confidential location, or one without a position, is placed at its municipality's population centre`),
  }),
  Organization: lenient({
    ...common,
    _lastUpdated: lastUpdated,
    _sort: sortable('name, _id or _lastUpdated'),
    identifier: text(`${ORGANIZATION_NUMBER_SYSTEM}|{organisasjonsnummer}, or the number alone; commas for OR`),
    active: Type.Optional(Type.Boolean()),
  }),
} as const;

export type ResourceType = keyof typeof SEARCH_SCHEMAS;
export type SearchParams = Record<string, string | string[] | number | boolean | undefined>;

/** The parameters a schema knows, and those it does not (ignored, or a 400 under strict handling). */
export function splitParams(schema: { properties: object }, query: unknown): { known: SearchParams; unknown: string[] } {
  const known: SearchParams = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries((query ?? {}) as SearchParams)) {
    if (Object.hasOwn(schema.properties, name)) known[name] = value;
    else unknown.push(name);
  }
  return { known, unknown };
}

function ids(param: string, value: string, type?: string): string[] {
  return value.split(',').map((v) => {
    const id = type && v.startsWith(`${type}/`) ? v.slice(type.length + 1) : v;
    if (!isUuid(id)) throw new SearchError(param, `"${v}" is not ${type ? `${type}/{id} with a UUID` : 'a UUID'}`);
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
function tokenConditions(values: string[] | undefined, element: 'category' | 'type'): RawBuilder<boolean>[] {
  return (values ?? []).map((value) => {
    const keys = value.split(',').flatMap((token) => termKeysForToken(token, element));
    if (keys.length === 0) return sql<boolean>`false`;
    return sql<boolean>`(${sql.join(keys.map((key) => allOf(serviceConditions({ taxonomyTermId: TERM_BY_KEY.get(key)!.id }))), sql` or `)})`;
  });
}

/** _lastUpdated: each repeat must hold; each value's range compared by its prefix. */
function lastUpdatedConditions(values: string[] | undefined, column: RawBuilder<unknown>): RawBuilder<boolean>[] {
  return (values ?? []).map((value) => {
    const { prefix, start, end } = parseDateSearch('_lastUpdated', value);
    switch (prefix) {
      case 'eq': return sql<boolean>`(${column} >= ${start} and ${column} < ${end})`;
      case 'ne': return sql<boolean>`(${column} < ${start} or ${column} >= ${end})`;
      case 'gt': return sql<boolean>`${column} >= ${end}`;
      case 'ge': return sql<boolean>`${column} >= ${start}`;
      case 'lt': return sql<boolean>`${column} < ${start}`;
      case 'le': return sql<boolean>`${column} < ${end}`;
    }
  });
}

/**
 * The point a location is searched from: its own, unless it is confidential or has none; then its
 * municipality's population centre (as in HSDS proximity: a confidential place is never placed).
 */
const pointOf = (location: string) => ({
  lat: sql<number>`(case when ${sql.ref(`${location}.is_confidential`)} or ${sql.ref(`${location}.latitude`)} is null
    then (select m.centre_lat from municipality m where m.number = ${sql.ref(`${location}.municipality_number`)}) else ${sql.ref(`${location}.latitude`)} end)`,
  lon: sql<number>`(case when ${sql.ref(`${location}.is_confidential`)} or ${sql.ref(`${location}.longitude`)} is null
    then (select m.centre_lon from municipality m where m.number = ${sql.ref(`${location}.municipality_number`)}) else ${sql.ref(`${location}.longitude`)} end)`,
});

/** Great-circle distance (haversine) in km from `near` to a location's point, in SQL. */
function distanceKm(near: Near, location: string): RawBuilder<number> {
  const { lat, lon } = pointOf(location);
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(${lat} - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lon} - ${near.lon}::float8) / 2), 2)))))`;
}

/** SQL: one of the organisation's identifiers matches a token (system|value, |value or value). */
function identifierCondition(token: string): RawBuilder<boolean> {
  const [system, value] = token.includes('|') ? token.split('|', 2) as [string, string] : [null, token];
  // every identifier we serve is an organisation number with its system: another system, or none (|value), matches nothing
  if (system !== null && system !== ORGANIZATION_NUMBER_SYSTEM) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from organization_identifier i where i.organization_id = s.id and ${organizationNumberSql('i')} and i.identifier = ${value})`;
}

/** A search made ready to run: its table, conditions and order. Made without the database, so bad values fail before any query. */
export interface SearchPlan {
  table: string;
  where: RawBuilder<boolean>[];
  orderBy: RawBuilder<unknown>[];
  count: number;
  offset: number;
}

const SORT_COLUMNS: Record<ResourceType, Record<string, (type: ResourceType) => RawBuilder<unknown>>> = {
  HealthcareService: { name: (type) => nameColumn(type), _id: () => sql`s.id`, _lastUpdated: () => sql`s.last_modified` },
  Location: { name: (type) => nameColumn(type), _id: () => sql`s.id` },
  Organization: { name: (type) => nameColumn(type), _id: () => sql`s.id`, _lastUpdated: () => sql`s.updated_at` },
};

function sortOrder(type: ResourceType, value: string | undefined, nearest: RawBuilder<unknown> | null): RawBuilder<unknown>[] {
  if (value === undefined || value.trim() === '') {
    return [...(nearest ? [sql`${nearest} asc`] : []), sql`${nameColumn(type)} asc nulls last`, sql`s.id asc`];
  }
  const order = value.split(',').map((key) => {
    const descending = key.startsWith('-');
    const name = descending ? key.slice(1) : key;
    const column = SORT_COLUMNS[type][name];
    if (!column) throw new SearchError('_sort', `cannot sort ${type} by "${name}": use ${Object.keys(SORT_COLUMNS[type]).join(', ')}`);
    return sql`${column(type)} ${sql.raw(descending ? 'desc nulls last' : 'asc nulls last')}`;
  });
  return [...order, sql`s.id asc`];
}

/** The name column searched and ordered by: for a Location, only the name the public may see. */
const nameColumn = (type: ResourceType) => (type === 'Location' ? publicLocationName('s') : sql`s.name`);

/** The search the parameters ask for; throws SearchError for a bad value. */
export function searchPlan(type: ResourceType, p: SearchParams): SearchPlan {
  const where: RawBuilder<boolean>[] = [];
  let nearest: RawBuilder<unknown> | null = null;
  if (typeof p._id === 'string') where.push(sql<boolean>`s.id = any(${ids('_id', p._id)}::uuid[])`);
  where.push(...nameConditions(p, nameColumn(type)));
  let table: string;
  if (type === 'HealthcareService') {
    table = 'service';
    // the finder's freshness rule, as in HSDS (see Audience)
    where.push(serviceShownTo('public', 's'));
    where.push(...lastUpdatedConditions(p._lastUpdated as string[] | undefined, sql`s.last_modified`));
    if (p.active !== undefined) where.push(p.active ? sql<boolean>`s.status in ('active', 'temporarily closed')` : sql<boolean>`s.status not in ('active', 'temporarily closed')`);
    if (typeof p.organization === 'string') where.push(sql<boolean>`s.organization_id = any(${ids('organization', p.organization, 'Organization')}::uuid[])`);
    if (typeof p.location === 'string') {
      where.push(sql<boolean>`exists (select 1 from service_at_location sal where sal.service_id = s.id and sal.location_id = any(${ids('location', p.location, 'Location')}::uuid[]))`);
    }
    where.push(...tokenConditions(p['service-category'] as string[] | undefined, 'category'));
    where.push(...tokenConditions(p['service-type'] as string[] | undefined, 'type'));
    if (typeof p['address-postalcode'] === 'string') {
      where.push(sql<boolean>`exists (select 1 from service_at_location sal join location l on l.id = sal.location_id join address a on a.location_id = l.id
        where sal.service_id = s.id and not l.is_confidential and a.postal_code like ${`${p['address-postalcode'].replace(/[\\%_]/g, '')}%`})`);
    }
    if (typeof p['location.near'] === 'string') {
      const near = parseNear('location.near', p['location.near']);
      // the nearest of the service's locations the public sees
      nearest = sql`(select min(${distanceKm(near, 'l')}) from service_at_location sal join location l on l.id = sal.location_id
        where sal.service_id = s.id and ${locationShownTo('public', sql`l.id`)})`;
      where.push(sql<boolean>`${nearest} <= ${near.km}`);
    }
  } else if (type === 'Location') {
    table = 'location';
    where.push(locationShownTo('public', sql`s.id`));
    if (typeof p.organization === 'string') where.push(sql<boolean>`s.organization_id = any(${ids('organization', p.organization, 'Organization')}::uuid[])`);
    if (typeof p['address-postalcode'] === 'string') {
      where.push(sql<boolean>`not s.is_confidential and exists (select 1 from address a where a.location_id = s.id and a.postal_code like ${`${p['address-postalcode'].replace(/[\\%_]/g, '')}%`})`);
    }
    if (typeof p.near === 'string') {
      const near = parseNear('near', p.near);
      nearest = distanceKm(near, 's');
      where.push(sql<boolean>`${nearest} <= ${near.km}`);
    }
  } else {
    table = 'organization';
    where.push(...lastUpdatedConditions(p._lastUpdated as string[] | undefined, sql`s.updated_at`));
    if (typeof p.identifier === 'string') where.push(sql<boolean>`(${sql.join(p.identifier.split(',').map(identifierCondition), sql` or `)})`);
    if (p.active === false) where.push(sql<boolean>`false`);
    where.push(organizationShownTo('public', 's'));
  }
  return {
    table, where, orderBy: sortOrder(type, typeof p._sort === 'string' ? p._sort : undefined, nearest),
    count: Number(p._count ?? 50), offset: Number(p._offset ?? 0),
  };
}

/**
 * One page of matching ids in the plan's order, and how many match in all. With `keep`, every
 * matching id in that order is read once and kept under the query (answer-cache.ts), so each
 * page after it is a slice and no request sorts and counts every match again.
 */
export async function runSearch(db: Db, plan: SearchPlan, keep?: (key: string, compute: () => Promise<string[]>) => Promise<string[]>): Promise<{ ids: string[]; total: number }> {
  const { table, where, orderBy, count, offset } = plan;
  if (keep) {
    const ordered = sql<{ id: string }>`select s.id from ${sql.table(table)} s where ${allOf(where)} order by ${sql.join(orderBy)}`;
    const { sql: text, parameters } = ordered.compile(db);
    const ids = await keep(`ids|${text}|${JSON.stringify(parameters)}`, async () => (await ordered.execute(db)).rows.map((r) => r.id));
    return { ids: ids.slice(offset, offset + count), total: ids.length };
  }
  if (count > 0) {
    const { rows } = await sql<{ id: string; total: number }>`
      select s.id, count(*) over () as total from ${sql.table(table)} s where ${allOf(where)}
      order by ${sql.join(orderBy)} limit ${count} offset ${offset}`.execute(db);
    if (rows.length > 0 || offset === 0) return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
  }
  const { rows: all } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} s where ${allOf(where)}`.execute(db);
  return { ids: [], total: Number(all[0]?.n ?? 0) };
}
