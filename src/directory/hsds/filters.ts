import { sql, type RawBuilder } from 'kysely';
import { DATA_TAXONOMY, DATA_TERM_BY_ID } from './profile.ts';

/** The HSDS filters on services, each optional; all given ones must hold (AND). */
export interface ServiceFilter {
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
}

/**
 * SQL conditions on a service aliased `s`. Free text matches the finder's index (Norwegian
 * stemming; published services) or, for every status, a part of the name. A taxonomy term also
 * finds services classified with its descendants, as the finder does.
 */
export function serviceConditions(filter: ServiceFilter): RawBuilder<boolean>[] {
  const service = sql`s.id`;
  const where: RawBuilder<boolean>[] = [];
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
