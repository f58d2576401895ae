import type { Tx } from '../../../platform/db/index.ts';
import { sql } from 'kysely';
import { newId } from '../../../platform/ids.ts';
import { confirmedOn, publiclyVisible } from '../../freshness.ts';

export interface QueueItem {
  id: string;
  serviceId: string;
  name: string;
  organizationName: string;
  isNew: boolean;
  submittedBy: string | null;
  submittedAt: Date;
}

/** Submitted new entries and changes, oldest first. */
export async function pendingChanges(db: Tx): Promise<QueueItem[]> {
  const rows = await db.selectFrom('change_request as c').innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('app_user as u', 'u.id', 'c.created_by')
    .select(['c.id', 'c.service_id', sql<string>`c.proposed->>'name'`.as('name'), 'o.name as organization_name', 'c.is_new', 'u.email', 'c.submitted_at'])
    .where('c.status', '=', 'submitted').orderBy('c.submitted_at').execute();
  return rows.map((r) => ({ id: r.id, serviceId: r.service_id, name: r.name, organizationName: r.organization_name, isNew: r.is_new, submittedBy: r.email, submittedAt: r.submitted_at! }));
}

/** Pending claims, oldest first; one on an organisation awaiting approval also decides the organisation (a registration). */
export async function pendingClaims(db: Tx) {
  return db.selectFrom('organization_claim as c').innerJoin('organization as o', 'o.id', 'c.organization_id').innerJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('organization_identifier as i', (join) => join.onRef('i.organization_id', '=', 'o.id').on('i.identifier_type', '=', 'organisasjonsnummer'))
    .select(['c.id', 'c.note', 'c.created_at', 'o.name as organization_name', 'o.awaiting_approval', 'i.identifier as organization_number', 'u.email'])
    .where('c.status', '=', 'pending').orderBy('c.created_at').execute();
}

/** Open error reports; `public_page`: the offer's public page opens (it is published and not hidden for want of confirmation). */
export async function openReports(db: Tx) {
  return db.selectFrom('error_report as r').innerJoin('service as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.message', 'r.reporter_email', 'r.created_at', 's.id as service_id', 's.name as service_name'])
    .select(sql<boolean>`(exists (select 1 from service_search ss where ss.service_id = s.id) and ${publiclyVisible('s')})`.as('public_page'))
    .where('r.status', '=', 'open').orderBy('r.created_at').execute();
}

export async function addReport(db: Tx, report: { serviceId: string; message: string; reporterEmail: string | null }): Promise<void> {
  await db.insertInto('error_report').values({ id: newId(), service_id: report.serviceId, message: report.message, reporter_email: report.reporterEmail }).execute();
}

export async function resolveReport(db: Tx, id: string, by: string): Promise<boolean> {
  const done = await db.updateTable('error_report').set({ status: 'resolved', resolved_by: by, resolved_at: sql`now()` })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/**
 * Every resource id whose history belongs to a service: itself, the locations its changes touched,
 * and the parts it has now (an import audits each phone, schedule or address by its own id).
 */
export async function historyIds(db: Tx, serviceId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select resource_id as id from audit_log where change_request_id in (select id from change_request where service_id = ${serviceId})
    union select location_id from service_at_location where service_id = ${serviceId}
    union select id from service_at_location where service_id = ${serviceId}
    union select a.id from address a join service_at_location sal on sal.location_id = a.location_id where sal.service_id = ${serviceId}
    union select id from phone where service_id = ${serviceId}
    union select id from contact where service_id = ${serviceId}
    union select id from schedule where service_id = ${serviceId}
    union select id from language where service_id = ${serviceId}
    union select id from attribute where link_id = ${serviceId}`.execute(db);
  return [...new Set([serviceId, ...rows.map((r) => r.id)])];
}

export interface FreshnessCounts { county: string | null; fresh: number; stale: number; hidden: number }

/** Counts of active entries by county and freshness, from the same dates the finder uses. */
export async function freshnessByCounty(db: Tx, cutoffs: { stale: string; hidden: string }): Promise<FreshnessCounts[]> {
  const { rows } = await sql<{ county: string | null; fresh: number; stale: number; hidden: number }>`
    with entry as (
      select s.id, ${confirmedOn()} as confirmed_on,
        (select c.name from service_at_location sal join location l on l.id = sal.location_id
           join municipality m on m.number = l.municipality_number join county c on c.number = m.county_number
           where sal.service_id = s.id order by sal.id limit 1) as county
      from service s where s.status in ('active', 'temporarily closed'))
    select county,
      count(*) filter (where confirmed_on >= ${cutoffs.stale}::date) as fresh,
      count(*) filter (where confirmed_on < ${cutoffs.stale}::date and confirmed_on >= ${cutoffs.hidden}::date) as stale,
      count(*) filter (where confirmed_on < ${cutoffs.hidden}::date) as hidden
    from entry group by county order by county nulls last`.execute(db);
  return rows;
}

export async function countsByStatus(db: Tx): Promise<{ status: string; n: number }[]> {
  const { rows } = await sql<{ status: string; n: number }>`select status, count(*) as n from service group by status order by status`.execute(db);
  return rows;
}

export async function oldestConfirmations(db: Tx, limit = 25) {
  const { rows } = await sql<{ id: string; name: string; organization_name: string; confirmed_on: string }>`
    select s.id, s.name, o.name as organization_name, ${confirmedOn()}::text as confirmed_on
    from service s join organization o on o.id = s.organization_id
    where s.status in ('active', 'temporarily closed')
    order by 4, s.name limit ${limit}`.execute(db);
  return rows;
}
