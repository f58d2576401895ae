import type { Tx } from '../../../platform/db/index.ts';
import { sql } from 'kysely';
import { newId, nameUuid } from '../../../platform/ids.ts';
import { recordChanges } from '../../../accounts/index.ts';
import type { ServiceAggregate } from '../../model.ts';
import { confirmedOn } from '../../freshness.ts';
import { ORGANIZATION_NUMBER_TYPE } from '../../write.ts';
import type { ChangeRequestStatus } from './tables.ts';

export interface ChangeRequest {
  id: string;
  serviceId: string;
  organizationId: string;
  isNew: boolean;
  proposed: ServiceAggregate;
  status: ChangeRequestStatus;
  createdBy: string | null;
  submittedAt: Date | null;
  reason: string | null;
  updatedAt: Date;
}

const toChangeRequest = (r: { id: string; service_id: string; organization_id: string; is_new: boolean; proposed: ServiceAggregate | string; status: ChangeRequestStatus; created_by: string | null; submitted_at: Date | null; reason: string | null; updated_at: Date }): ChangeRequest => ({
  id: r.id, serviceId: r.service_id, organizationId: r.organization_id, isNew: r.is_new,
  proposed: typeof r.proposed === 'string' ? JSON.parse(r.proposed) as ServiceAggregate : r.proposed,
  status: r.status, createdBy: r.created_by, submittedAt: r.submitted_at, reason: r.reason, updatedAt: r.updated_at,
});

const COLUMNS = ['id', 'service_id', 'organization_id', 'is_new', 'proposed', 'status', 'created_by', 'submitted_at', 'reason', 'updated_at'] as const;

export async function findChangeRequest(db: Tx, id: string): Promise<ChangeRequest | undefined> {
  const row = await db.selectFrom('change_request').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toChangeRequest(row) : undefined;
}

/** The draft or submitted change of a service, if one is open (at most one is). */
export async function openChangeRequest(db: Tx, serviceId: string): Promise<ChangeRequest | undefined> {
  const row = await db.selectFrom('change_request').select(COLUMNS).where('service_id', '=', serviceId)
    .where('status', 'in', ['draft', 'submitted']).executeTakeFirst();
  return row ? toChangeRequest(row) : undefined;
}

export async function saveChangeRequest(db: Tx, request: { id?: string; proposed: ServiceAggregate; isNew: boolean; userId: string; submit: boolean }): Promise<string> {
  const status: ChangeRequestStatus = request.submit ? 'submitted' : 'draft';
  const proposed = JSON.stringify(request.proposed);
  if (request.id) {
    await db.updateTable('change_request').set({
      proposed, status, updated_at: sql`now()`, reason: null,
      submitted_at: request.submit ? sql`now()` : null,
    }).where('id', '=', request.id).execute();
    return request.id;
  }
  const id = newId();
  await db.insertInto('change_request').values({
    id, service_id: request.proposed.id, organization_id: request.proposed.organizationId, is_new: request.isNew, proposed, status,
    created_by: request.userId, submitted_at: request.submit ? new Date() : null,
  }).execute();
  return id;
}

export async function decideChangeRequest(db: Tx, id: string, decision: { status: 'approved' | 'rejected'; by: string; reason: string | null; proposed?: ServiceAggregate }): Promise<void> {
  await db.updateTable('change_request').set({
    status: decision.status, decided_by: decision.by, decided_at: sql`now()`, reason: decision.reason, updated_at: sql`now()`,
    ...(decision.proposed ? { proposed: JSON.stringify(decision.proposed) } : {}),
  }).where('id', '=', id).execute();
}

export interface OwnService {
  id: string;
  name: string;
  status: string;
  assuredDate: string | null;
  confirmedOn: string;
  published: boolean;
}

/** Services of the given organisations, published or not, oldest confirmation first. */
export async function servicesOf(db: Tx, organizationIds: string[]): Promise<(OwnService & { organizationId: string })[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.selectFrom('service as s').leftJoin('service_search as ss', 'ss.service_id', 's.id')
    .select(['s.id', 's.name', 's.status', 's.assured_date', 's.organization_id', sql<string>`${confirmedOn()}::text`.as('confirmed_on'), sql<boolean>`ss.service_id is not null`.as('published')])
    .where('s.organization_id', 'in', organizationIds).orderBy('confirmed_on').orderBy('s.name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, assuredDate: r.assured_date, confirmedOn: r.confirmed_on, published: r.published, organizationId: r.organization_id }));
}

export async function changeRequestsOf(db: Tx, organizationIds: string[]): Promise<ChangeRequest[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.selectFrom('change_request').select(COLUMNS).where('organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('status', 'in', ['draft', 'submitted']), eb.and([eb('status', '=', 'rejected'), eb('decided_at', '>', sql<Date>`now() - interval '60 days'`)])]))
    .orderBy('updated_at', 'desc').execute();
  return rows.map(toChangeRequest);
}

export async function organizationsByIds(db: Tx, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

export async function organizationByNumber(db: Tx, organizationNumber: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('organization_identifier as i').innerJoin('organization as o', 'o.id', 'i.organization_id')
    .select(['o.id', 'o.name']).where('i.identifier_type', '=', ORGANIZATION_NUMBER_TYPE).where('i.identifier', '=', organizationNumber).executeTakeFirst();
}

/**
 * A new organisation with its number, waiting for a moderator: whoever first typed a real
 * organisation's number must not own it, nor publish it, on their word alone. The person's request
 * to be its editor is a claim like any other (the moderation queue decides both at once); until
 * then the organisation is published nowhere, and the person may only draft its services.
 */
export async function createOrganization(db: Tx, org: { name: string; organizationNumber: string; website: string | null; email: string | null; note: string }, userId: string): Promise<string> {
  const id = newId();
  await db.insertInto('organization').values({ id, name: org.name, website: org.website, email: org.email, description: '', awaiting_approval: true }).execute();
  await db.insertInto('organization_identifier').values({
    id: nameUuid(`orgnr:${org.organizationNumber}`), organization_id: id, identifier_scheme: 'NO-BRC',
    identifier_type: ORGANIZATION_NUMBER_TYPE, identifier: org.organizationNumber,
  }).execute();
  await db.insertInto('organization_claim').values({ id: newId(), organization_id: id, user_id: userId, note: org.note, status: 'pending', is_registration: true }).execute();
  await recordChanges(db, userId, [
    { resourceId: id, resourceType: 'organization', actionType: 'create', fieldName: 'name', previousValue: '', replacementValue: org.name },
    { resourceId: id, resourceType: 'organization', actionType: 'create', fieldName: 'organization_identifier', previousValue: '', replacementValue: org.organizationNumber },
    ...(org.website ? [{ resourceId: id, resourceType: 'organization' as const, actionType: 'create', fieldName: 'website', previousValue: '', replacementValue: org.website }] : []),
    ...(org.email ? [{ resourceId: id, resourceType: 'organization' as const, actionType: 'create', fieldName: 'email', previousValue: '', replacementValue: org.email }] : []),
  ]);
  return id;
}

/**
 * Organisations the person registered that wait for a moderator: they may draft services for them
 * meanwhile. Someone who only claims such an organisation may not (nor see its maker's drafts).
 */
export async function registrationsOf(db: Tx, userId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organization_claim as c').innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['o.id', 'o.name']).where('c.user_id', '=', userId).where('c.status', '=', 'pending').where('c.is_registration', '=', true)
    .where('o.awaiting_approval', '=', true)
    .orderBy('o.name').execute();
}

/** The organisation waits for a moderator (see createOrganization). */
export async function isAwaitingApproval(db: Tx, organizationId: string): Promise<boolean> {
  const row = await db.selectFrom('organization').select('awaiting_approval').where('id', '=', organizationId).executeTakeFirst();
  return row?.awaiting_approval ?? false;
}

export async function claimOrganization(db: Tx, organizationId: string, userId: string, note: string): Promise<void> {
  await db.insertInto('organization_claim').values({ id: newId(), organization_id: organizationId, user_id: userId, note, status: 'pending' })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).where('status', '=', 'pending').doNothing()).execute();
}

export async function pendingClaimsOf(db: Tx, userId: string): Promise<{ organizationName: string }[]> {
  const rows = await db.selectFrom('organization_claim as c').innerJoin('organization as o', 'o.id', 'c.organization_id')
    // one's own registration is listed as an organisation of its own (see registrationsOf)
    .select('o.name').where('c.user_id', '=', userId).where('c.status', '=', 'pending')
    .where((eb) => eb.not(eb.and([eb('c.is_registration', '=', true), eb('o.awaiting_approval', '=', true)]))).orderBy('o.name').execute();
  return rows.map((r) => ({ organizationName: r.name }));
}
