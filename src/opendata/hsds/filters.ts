import { sql, type RawBuilder } from 'kysely';
import { publiclyVisible, DATA_TAXONOMY, DATA_TERM_BY_ID, translationOf } from '../../directory/index.ts';

/**
 * Who a document is built for. 'public' (every HSDS and FHIR route) follows the finder's rule:
 * services nobody has confirmed for hiddenMonths are left out (404 by id, absent from lists, counts
 * and nested documents) until confirmed, whatever their status. Organisations stay: they are not
 * offers, carry no confirmation date, and one may have no offers at all. A location goes when
 * every service at it is hidden (it is here only as the place those offers are given, so it is no
 * better confirmed than they are); one without services stays with its organisation.
 * 'everything' is the whole directory, for copies that are not published (the import's round
 * trip, bench:import).
 */
export type Audience = 'public' | 'everything';

/**
 * SQL: the organisation with this id is published. One registered through self-service waits for
 * a moderator (awaiting_approval): until approved it, its services and its locations are nowhere
 * public (finder, /api/v1, CSV, HSDS, tabular, FHIR), whatever the audience asks, since an
 * unapproved organisation is not part of the directory yet.
 */
export const organizationApproved = (organization: RawBuilder<unknown>): RawBuilder<boolean> =>
  sql<boolean>`not exists (select 1 from organization awaiting where awaiting.id = ${organization} and awaiting.awaiting_approval)`;

/** SQL: an organisation aliased `alias` is shown to the audience. */
export const organizationShownTo = (audience: Audience, alias: string): RawBuilder<boolean> =>
  audience === 'public' ? sql<boolean>`not ${sql.ref(`${alias}.awaiting_approval`)}` : sql<boolean>`true`;

/** SQL: a service aliased `alias` is shown to the audience. */
export const serviceShownTo = (audience: Audience, alias: string): RawBuilder<boolean> =>
  audience === 'public' ? sql<boolean>`(${publiclyVisible(alias)} and ${organizationApproved(sql.ref(`${alias}.organization_id`))})` : sql<boolean>`true`;

/** SQL: the location with this id is shown to the audience (see Audience). */
export function locationShownTo(audience: Audience, location: RawBuilder<unknown>): RawBuilder<boolean> {
  if (audience === 'everything') return sql<boolean>`true`;
  return sql<boolean>`(not exists (select 1 from location own join organization awaiting on awaiting.id = own.organization_id
      where own.id = ${location} and awaiting.awaiting_approval)
    and (not exists (select 1 from service_at_location at_location where at_location.location_id = ${location})
    or exists (select 1 from service_at_location at_location join service shown on shown.id = at_location.service_id
      where at_location.location_id = ${location} and ${serviceShownTo('public', 'shown')})))`;
}

/** The HSDS filters on services, each optional; all given ones must hold (AND). */
export interface ServiceFilter {
  /** absent: 'everything' */
  audience?: Audience;
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

/** An ILIKE pattern matching text anywhere, with LIKE's wildcards in the text taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Attributes that describe a service: its own, its locations' and its service_at_locations'. */
const linkedToService = (service: RawBuilder<unknown>) => sql`(
  (a.link_entity = 'service' and a.link_id = ${service})
  or (a.link_entity = 'location' and a.link_id in (select sal.location_id from service_at_location sal where sal.service_id = ${service}))
  or (a.link_entity = 'service_at_location' and a.link_id in (select sal.id from service_at_location sal where sal.service_id = ${service})))`;

/** Samklang's data terms are not attribute rows (see profile.ts): they filter on our columns. */
function dataTermCondition(termId: string, service: RawBuilder<unknown>): RawBuilder<boolean> | null {
  const term = DATA_TERM_BY_ID.get(termId);
  if (!term) return null;
  const location = (condition: RawBuilder<unknown>) => sql<boolean>`exists (select 1 from service_at_location sal join location l on l.id = sal.location_id
    where sal.service_id = ${service} and ${condition})`;
  switch (term.code) {
    case 'demo': return sql<boolean>`s.is_demo`;
    case 'arsverk': return sql<boolean>`s.fte is not null`;
    case 'skjermet': return location(sql`l.is_confidential`);
    case 'kommunenummer': return location(sql`l.municipality_number is not null`);
  }
  // a translation term: services that have that field in that language
  const translation = translationOf(term.code);
  if (!translation) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from service_translation t where t.service_id = ${service} and t.language = ${translation.language}
    and ${sql.ref(`t.${translation.field}`)} is not null)`;
}

/**
 * SQL conditions on a service aliased `s`. Free text matches the finder's index (Norwegian
 * stemming; published services) or, for every status, a part of the name. A taxonomy term also
 * finds services classified with its descendants, as the finder does.
 */
export function serviceConditions(filter: ServiceFilter): RawBuilder<boolean>[] {
  const service = sql`s.id`;
  const where: RawBuilder<boolean>[] = [serviceShownTo(filter.audience ?? 'everything', 's')];
  if (filter.search?.trim()) {
    const text = filter.search.trim();
    where.push(sql<boolean>`(s.id in (select service_id from service_search where document @@ websearch_to_tsquery('norwegian', ${text}))
      or s.name ilike ${containing(text)})`);
  }
  if (filter.taxonomyTermId) {
    where.push(dataTermCondition(filter.taxonomyTermId, service) ?? sql<boolean>`exists (select 1 from attribute a where a.taxonomy_term_id in (
      with recursive tree(id) as (select id from taxonomy_term where id = ${filter.taxonomyTermId}
        union select child.id from taxonomy_term child join tree on child.parent_id = tree.id)
      select id from tree) and ${linkedToService(service)})`);
  }
  if (filter.taxonomyId) {
    where.push(filter.taxonomyId === DATA_TAXONOMY.id
      ? sql<boolean>`(s.is_demo or s.fte is not null or exists (select 1 from service_at_location sal join location l on l.id = sal.location_id
          where sal.service_id = s.id and (l.is_confidential or l.municipality_number is not null)))`
      : sql<boolean>`exists (select 1 from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id
          where t.taxonomy_id = ${filter.taxonomyId} and ${linkedToService(service)})`);
  }
  if (filter.organizationId) where.push(sql<boolean>`s.organization_id = ${filter.organizationId}`);
  if (filter.modifiedAfter) where.push(sql<boolean>`s.last_modified >= ${filter.modifiedAfter}`);
  return where;
}

export const allOf = (conditions: RawBuilder<boolean>[]) =>
  conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` and `)}`;
