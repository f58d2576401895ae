import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditTrail, findUserById, grantEditor, recordChanges, requireAdmin, inLanguageOf } from '../../../accounts/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { freshnessCutoffs, osloToday } from '../../freshness.ts';
import { loadServiceAggregate } from '../../queries.ts';
import { diffServices } from '../self-service/diff.ts';
import { aggregateToForm, postedForm } from '../self-service/draft.ts';
import { proposalFromForm } from '../self-service/proposal.ts';
import { publishService } from '../self-service/publish.ts';
import { decideChangeRequest, findChangeRequest, isAwaitingApproval, type ChangeRequest } from '../self-service/store.ts';
import { ServiceFormPage } from '../self-service/views/service-form.tsx';
import { approveOrganization, dropRegistration } from './registrations.ts';
import { countsByStatus, freshnessByCounty, historyIds, oldestConfirmations, openReports, pendingChanges, pendingClaims, resolveReport } from './queries.ts';
import { reportRoutes } from './report-routes.ts';
import { listRuns } from '../imports/index.ts';
import { DashboardPage } from './views/dashboard-page.tsx';
import { HistoryPage } from './views/history-page.tsx';
import { QueuePage } from './views/queue-page.tsx';
import { ReviewPage } from './views/review-page.tsx';

const m = msg.moderation;
const Uuid = Type.String({ pattern: UUID_PATTERN });
const admin = { preHandler: requireAdmin, schema: { params: Type.Object({ id: Uuid }) } };

async function queue(db: Db, request: FastifyRequest, reply: FastifyReply, notice?: string) {
  const [changes, claims, reports, imports] = await Promise.all([
    pendingChanges(db), pendingClaims(db), openReports(db), listRuns(db, { status: 'submitted', limit: 100 }),
  ]);
  return sendPage(reply, QueuePage({ changes, claims, reports, imports, csrfToken: request.csrfToken, notice }));
}

async function review(db: Db, request: FastifyRequest, reply: FastifyReply, c: ChangeRequest, errors: Record<string, string> = {}, reason = '', status?: number) {
  const published = await loadServiceAggregate(db, c.serviceId);
  const org = await db.selectFrom('organization').select('name').where('id', '=', c.organizationId).executeTakeFirst();
  return sendPage(reply, ReviewPage({
    id: c.id, name: c.proposed.name, organizationName: org?.name ?? '', isNew: c.isNew, changes: diffServices(published ?? null, c.proposed),
    errors, reason, csrfToken: request.csrfToken, decided: c.status !== 'submitted',
  }), status ?? (Object.keys(errors).length ? 400 : 200));
}

/** The moderation queue: approve (optionally after editing) or reject with a reason that is mailed. */
export async function moderationRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  await reportRoutes(app, { db: db, clock: config.clock });

  /** Publishes a change request: the editor's submission counts as confirming the entry. */
  async function approve(c: ChangeRequest, proposed: ChangeRequest['proposed'], adminId: string) {
    await db.transaction().execute(async (trx) => {
      const submitter = c.createdBy ? await findUserById(trx, c.createdBy) : undefined;
      const confirmed = { ...proposed, assuredDate: c.submittedAt ? osloToday(c.submittedAt) : osloToday() };
      await publishService(trx, confirmed, adminId, c.id, true);
      await decideChangeRequest(trx, c.id, { status: 'approved', by: adminId, reason: null, proposed: confirmed });
      if (submitter) {
        await inLanguageOf(trx, submitter.email, () => queueMail(trx, { to: submitter.email, subject: m.mail.approvedSubject(proposed.name), body: m.mail.approvedBody(proposed.name, `${config.publicUrl}${paths.service(proposed.id)}`) }));
      }
    });
    app.mailer.kick();
  }

  /** A service of an organisation that waits for approval is not published before the organisation is. */
  async function awaiting(request: FastifyRequest, reply: FastifyReply, c: ChangeRequest) {
    const org = await db.selectFrom('organization').select('name').where('id', '=', c.organizationId).executeTakeFirstOrThrow();
    return review(db, request, reply, c, { form: m.queue.organizationAwaiting(org.name) }, '', 409);
  }

  app.get(paths.moderation.queue, { preHandler: requireAdmin }, async (request, reply) => queue(db, request, reply));

  app.get(paths.moderation.changeRequest(), admin, async (request, reply) => {
    const c = await findChangeRequest(db, request.params.id);
    if (!c || c.status === 'draft') return reply.callNotFound();
    return review(db, request, reply, c);
  });

  app.post(paths.moderation.changeRequest(), {
    ...admin, schema: { ...admin.schema, body: Type.Object({ handling: Type.Union([Type.Literal('godkjenn'), Type.Literal('avvis')]), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: true }) },
  }, async (request, reply) => {
    const c = await findChangeRequest(db, request.params.id);
    if (!c || c.status === 'draft') return reply.callNotFound();
    if (c.status !== 'submitted') return review(db, request, reply, c);
    const { handling, reason = '' } = request.body;
    if (handling === 'godkjenn') {
      if (await isAwaitingApproval(db, c.organizationId)) return awaiting(request, reply, c);
      await approve(c, c.proposed, request.user!.id);
      return queue(db, request, reply, m.review.approved(c.proposed.name));
    }
    if (!reason.trim()) return review(db, request, reply, c, { reason: m.review.reasonRequired }, reason);
    await db.transaction().execute(async (trx) => {
      await decideChangeRequest(trx, c.id, { status: 'rejected', by: request.user!.id, reason: reason.trim() });
      const submitter = c.createdBy ? await findUserById(trx, c.createdBy) : undefined;
      if (submitter) {
        await inLanguageOf(trx, submitter.email, () => queueMail(trx, { to: submitter.email, subject: m.mail.rejectedSubject(c.proposed.name), body: m.mail.rejectedBody(c.proposed.name, reason.trim(), `${config.publicUrl}${paths.selfService.draft(c.id)}`) }));
      }
    });
    app.mailer.kick();
    return queue(db, request, reply, m.review.rejected(c.proposed.name));
  });

  app.get(paths.moderation.editChangeRequest(), admin, async (request, reply) => {
    const c = await findChangeRequest(db, request.params.id);
    if (!c || c.status !== 'submitted') return reply.callNotFound();
    return sendPage(reply, ServiceFormPage({ title: m.review.title(c.proposed.name), action: paths.moderation.editChangeRequest(c.id), values: aggregateToForm(c.proposed), errors: {}, csrfToken: request.csrfToken, mode: 'moderator' }));
  });

  app.post(paths.moderation.editChangeRequest(), admin, async (request, reply) => {
    const c = await findChangeRequest(db, request.params.id);
    if (!c || c.status !== 'submitted') return reply.callNotFound();
    const values = postedForm(request.body);
    if (await isAwaitingApproval(db, c.organizationId)) return awaiting(request, reply, c);
    const proposal = await proposalFromForm(db, values, { id: c.serviceId, organizationId: c.organizationId, assuredDate: c.proposed.assuredDate, isDemo: c.proposed.isDemo, translations: c.proposed.translations }, true);
    if (!proposal.ok) {
      return sendPage(reply, ServiceFormPage({ title: m.review.title(c.proposed.name), action: paths.moderation.editChangeRequest(c.id), values, errors: proposal.errors, csrfToken: request.csrfToken, mode: 'moderator' }), 400);
    }
    await approve(c, proposal.aggregate, request.user!.id);
    return queue(db, request, reply, m.review.approved(proposal.aggregate.name));
  });

  app.post(paths.moderation.claim(), {
    ...admin, schema: { ...admin.schema, body: Type.Object({ handling: Type.Union([Type.Literal('godkjenn'), Type.Literal('avvis')]) }, { additionalProperties: true }) },
  }, async (request, reply) => {
    const { id } = request.params;
    const claim = await db.selectFrom('organization_claim as c').innerJoin('organization as o', 'o.id', 'c.organization_id').innerJoin('app_user as u', 'u.id', 'c.user_id')
      .select(['c.id', 'c.user_id', 'c.organization_id', 'o.name', 'o.awaiting_approval', 'u.email']).where('c.id', '=', id).where('c.status', '=', 'pending').executeTakeFirst();
    if (!claim) return reply.callNotFound();
    const approved = request.body.handling === 'godkjenn';
    let deleted = false;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organization_claim').set({ status: approved ? 'approved' : 'rejected', decided_by: request.user!.id, decided_at: new Date() }).where('id', '=', id).execute();
      if (approved) {
        await grantEditor(trx, claim.user_id, claim.organization_id);
        await recordChanges(trx, request.user!.id, [{ resourceId: claim.organization_id, resourceType: 'organization_editor', actionType: 'claim', fieldName: 'user_id', previousValue: '', replacementValue: claim.user_id }]);
        if (claim.awaiting_approval) await approveOrganization(trx, claim.organization_id, request.user!.id);
      } else if (claim.awaiting_approval) {
        deleted = await dropRegistration(trx, claim.organization_id, request.user!.id);
      }
      await inLanguageOf(trx, claim.email, () => queueMail(trx, approved
        ? { to: claim.email, subject: m.mail.claimApprovedSubject(claim.name), body: m.mail.claimApprovedBody(claim.name, `${config.publicUrl}${paths.selfService.mine}`) }
        : { to: claim.email, subject: m.mail.claimRejectedSubject(claim.name), body: deleted ? m.mail.registrationRejectedBody(claim.name) : m.mail.claimRejectedBody(claim.name, '') }));
    });
    app.mailer.kick();
    return reply.redirect(paths.moderation.queue, 303);
  });

  app.post(paths.moderation.report(), admin, async (request, reply) => {
    if (!(await resolveReport(db, request.params.id, request.user!.id))) return reply.callNotFound();
    return reply.redirect(paths.moderation.queue, 303);
  });

  app.get(paths.moderation.history(), { preHandler: requireAdmin, schema: { params: Type.Object({ resourceId: Uuid }) } }, async (request, reply) => {
    const { resourceId } = request.params;
    const service = await db.selectFrom('service').select('name').where('id', '=', resourceId).executeTakeFirst();
    const org = service ? undefined : await db.selectFrom('organization').select('name').where('id', '=', resourceId).executeTakeFirst();
    if (!service && !org) return reply.callNotFound();
    const records = await auditTrail(db, service ? await historyIds(db, resourceId) : [resourceId]);
    return sendPage(reply, HistoryPage({ name: service?.name ?? org!.name, records }));
  });

  app.get(paths.moderation.dashboard, { preHandler: requireAdmin }, async (_request, reply) => {
    const [byStatus, byCounty, oldest, pending] = await Promise.all([
      countsByStatus(db), freshnessByCounty(db, freshnessCutoffs()), oldestConfirmations(db), pendingChanges(db),
    ]);
    return sendPage(reply, DashboardPage({ byStatus, byCounty, oldest, pending: pending.length }));
  });
}
