import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { PostalCode } from '../../reference/index.ts';
import { OneOf } from '../../platform/http/one-of.ts';

/** The largest page the HSDS API serves; format=ndjson streams everything without pages. */
export const MAX_PER_PAGE = 500;
export const DEFAULT_PER_PAGE = 50;

const Id = (description: string) => Type.Optional(Type.String({ pattern: UUID_PATTERN, description }));
const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));

const common = {
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Full text: Norwegian stemming on published services, else a part of the name' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'Page number from 1' })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE, description: `Items per page, at most ${MAX_PER_PAGE}` })),
  format: Type.Optional(OneOf(['json', 'ndjson'], { description: 'ndjson streams every match, one JSON document a line, without pages' })),
};
const serviceFilters = {
  taxonomy_term_id: Id('Only services with this taxonomy term (or one below it), on the service, its locations or service_at_locations'),
  taxonomy_id: Id('Only services with any term of this taxonomy'),
  organization_id: Id('Only services of this organisation'),
  modified_after: Type.Optional(Type.String({
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$',
    description: 'Only services modified on or after this date or date-time (ISO 8601; UTC when no offset is given)',
  })),
};
/**
 * The parameters of one endpoint. Others are ignored, as the finder page ignores them: cache
 * busters (_=123), tracking tags (utm_*) and parameters of other profiles (the UK's) must not make
 * a consumer's request fail. A known parameter with a bad value is still a 400.
 */
const lenient = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: true });

export const ServicesQuery = lenient({
  ...common, ...serviceFilters,
  minimal: Flag('Only id and last_modified of each service'),
  full: Flag('Fully nested services'),
});
export const ServiceAtLocationsQuery = lenient({
  ...common, ...serviceFilters,
  full: Flag('Fully nested service_at_locations'),
  postcode: Type.Optional(PostalCode({ description: 'Norwegian postal code: with proximity, measured from the postal code\'s own point; alone, locations in its municipality' })),
  proximity: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_000_000, description: 'Metres from the postal code (needs postcode)' })),
});
export const OrganizationsQuery = lenient({
  ...common,
  full: Flag('Fully nested organisations'),
  full_service: Flag('With full services nested (implies full)'),
});
export const OrganizationQuery = lenient({ full_service: Flag('With full services nested') });
export const TaxonomiesQuery = lenient({ ...common });
export const TaxonomyTermsQuery = lenient({
  ...common,
  taxonomy_id: Id('Only terms of this taxonomy'),
  parent_id: Id('Only terms directly below this term'),
  top_only: Flag('Only top-level terms (no parent)'),
});
export const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });

export type ServicesQuery = Static<typeof ServicesQuery>;
export type ServiceAtLocationsQuery = Static<typeof ServiceAtLocationsQuery>;
export type OrganizationsQuery = Static<typeof OrganizationsQuery>;
export type TaxonomyTermsQuery = Static<typeof TaxonomyTermsQuery>;

/** The spec's Page object around one page of documents. */
export function pageOf<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total, total_pages: totalPages, page_number: page, size: contents.length,
    first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents,
  };
}

const MODIFIED_AFTER = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * modified_after as a Date; a date alone means its start in UTC, and so does a time without an
 * offset. Null when it names no real time: 2024-02-30 is not 1 March, 25:00 is not tomorrow.
 */
export function parseModifiedAfter(value: string | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  const match = MODIFIED_AFTER.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const [y, mo, d, h, mi, se] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || se > 59) return null;
  const offset = zone === 'Z' ? null : /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59)) return null;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset ? `${offset[1]}${offset[2]}:${offset[3]}` : 'Z'}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
