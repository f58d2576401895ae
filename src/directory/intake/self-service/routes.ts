import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbid, mayEdit, requireUser } from '../../../accounts/index.ts';
import type { App } from '../../../platform/http/app.ts';
import { sentValue } from '../../../platform/http/sent.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db/index.ts';
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { freshnessJob, freshnessOf, useFreshnessSettings } from '../../freshness.ts';
import type { ServiceAggregate } from '../../model.ts';
import { loadServiceAggregate } from '../../queries.ts';
import { diffServices } from './diff.ts';
import { aggregateToForm, postedForm } from './draft.ts';
import { organizationRoutes } from './organization-routes.ts';
import { proposalFromForm } from './proposal.ts';
import { assureService, publishService } from './publish.ts';
import { selfServiceApiRoutes } from './api.ts';
import {
  changeRequestsOf, findChangeRequest, openChangeRequest, organizationsByIds, pendingClaimsOf, registrationsOf, saveChangeRequest, servicesOf, type ChangeRequest,
} from './store.ts';
import { MinePage } from './views/mine-page.tsx';
import { ServiceFormPage } from './views/service-form.tsx';

const m = msg.selfService;
const Uuid = Type.String({ pattern: UUID_PATTERN });

/**
 * Small fields an editor may publish at once without moderation: wait time and status change
 * often and matter to people now ("midlertidig stengt"), and a wrong value does little harm.
 * Any other change goes through the moderation queue.
 */
export const TRUSTED_FIELDS = new Set(['wait_time', 'status']);

const NOTICES: Record<string, string> = { lagret: m.mine.saved, sendt: m.mine.submitted, publisert: m.mine.published };

/**
 * May draft services for the organisation: its editors, and the person who registered it while it
 * waits for a moderator (drafts only: nothing of it is published or sent on before approval).
 */
async function mayDraft(db: Db, request: FastifyRequest, organizationId: string): Promise<boolean> {
  if (mayEdit(request, organizationId)) return true;
  return !!request.user && (await registrationsOf(db, request.user.id)).some((o) => o.id === organizationId);
}

export async function mineOverview(db: Db, request: FastifyRequest) {
  const user = request.user!;
  const [editable, registered] = await Promise.all([organizationsByIds(db, user.editorOf), registrationsOf(db, user.id)]);
  const organizations = [...editable.map((o) => ({ ...o, awaitingApproval: false })), ...registered.map((o) => ({ ...o, awaitingApproval: true }))];
  const ids = organizations.map((o) => o.id);
  const [services, changes, claims] = await Promise.all([
    servicesOf(db, user.editorOf), changeRequestsOf(db, ids), pendingClaimsOf(db, user.id),
  ]);
  return {
    organizations: organizations.map((o) => ({
      ...o,
      services: services.filter((s) => s.organizationId === o.id).map((s) => ({ ...s, freshness: freshnessOf(s.confirmedOn) })),
      changes: changes.filter((c) => c.organizationId === o.id),
    })),
    pendingClaims: claims.map((c) => c.organizationName),
  };
}

/** Saves a change request from the service form; a change of trusted fields only is published at once. */
async function saveFromForm(db: Db, request: FastifyRequest, reply: FastifyReply, target: { existing?: ChangeRequest; base: ServiceAggregate; isNew: boolean; title: string; action: string }) {
  const values = postedForm(request.body);
  const submit = values.handling === 'send';
  const proposal = await proposalFromForm(db, values, {
    id: target.base.id, organizationId: target.base.organizationId, assuredDate: target.base.assuredDate, isDemo: target.base.isDemo,
    translations: target.base.translations,
  }, submit);
  if (!proposal.ok) {
    return sendPage(reply, ServiceFormPage({ title: target.title, action: target.action, values, errors: proposal.errors, csrfToken: request.csrfToken, mode: 'editor' }), 400);
  }
  const user = request.user!;
  const outcome = await db.transaction().execute(async (trx) => {
    if (submit && !target.isNew) {
      const published = await loadServiceAggregate(trx, target.base.id);
      const changes = published ? diffServices(published, proposal.aggregate) : [];
      if (published && changes.length > 0 && changes.every((c) => TRUSTED_FIELDS.has(c.field))) {
        const id = await saveChangeRequest(trx, { id: target.existing?.id, proposed: proposal.aggregate, isNew: false, userId: user.id, submit: true });
        await trx.updateTable('change_request').set({ status: 'approved', decided_by: user.id, decided_at: new Date() }).where('id', '=', id).execute();
        await publishService(trx, proposal.aggregate, user.id, id, false);
        return 'publisert';
      }
    }
    await saveChangeRequest(trx, { id: target.existing?.id, proposed: proposal.aggregate, isNew: target.isNew, userId: user.id, submit });
    return submit ? 'sendt' : 'lagret';
  });
  return reply.redirect(`${paths.selfService.mine}?melding=${outcome}`, 303);
}

export async function selfServiceRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  useFreshnessSettings(config.freshness);
  app.jobs.register(freshnessJob(db, config, () => app.mailer.deliver()));
  await organizationRoutes(app, { db: db });
  await selfServiceApiRoutes(app, { db: db });

  app.get(paths.selfService.mine, { preHandler: requireUser }, async (request, reply) => {
    const notice = NOTICES[String(sentValue(request.query, 'melding') ?? '')];
    const overview = await mineOverview(db, request);
    return sendPage(reply, MinePage({ ...overview, notice, csrfToken: request.csrfToken }));
  });

  const newServiceBase = (organizationId: string): ServiceAggregate => ({
    id: newId(), organizationId, name: '', description: '', status: 'active', email: null, url: null, applicationProcess: null,
    feesDescription: null, eligibilityDescription: null, waitTime: null, minimumAge: null, maximumAge: null, assuredDate: null,
    fte: null, isDemo: false, terms: [], languages: [], phones: [], contacts: [], schedules: [], locations: [], translations: [],
  });

  const newService = { schema: { params: Type.Object({ organizationId: Uuid }) }, preHandler: requireUser };
  app.get(paths.selfService.newService(), newService, async (request, reply) => {
    const { organizationId } = request.params;
    if (!(await mayDraft(db, request, organizationId))) return forbid(request, reply);
    const notice = sentValue(request.query, 'melding') === 'registrert' ? m.start.registered : undefined;
    return sendPage(reply, ServiceFormPage({ notice, title: m.form.newTitle, action: paths.selfService.newService(organizationId), values: { status: 'active', sprak: ['nb'] }, errors: {}, csrfToken: request.csrfToken, mode: 'editor' }));
  });
  app.post(paths.selfService.newService(), newService, async (request, reply) => {
    const { organizationId } = request.params;
    if (!(await mayDraft(db, request, organizationId))) return forbid(request, reply);
    return saveFromForm(db, request, reply, { base: newServiceBase(organizationId), isNew: true, title: m.form.newTitle, action: paths.selfService.newService(organizationId) });
  });

  // a draft or change request: only while it is not decided, only by the organisation's editors
  const draftRoute = { schema: { params: Type.Object({ id: Uuid }) }, preHandler: requireUser };
  const loadDraft = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const found = await findChangeRequest(db, id);
    if (!found) return { reply: reply.callNotFound() };
    if (!(await mayDraft(db, request, found.organizationId))) return { reply: forbid(request, reply) };
    if (found.status === 'approved') return { reply: sendPage(reply, ServiceFormPage({ title: m.form.editTitle(found.proposed.name), action: paths.selfService.draft(id), values: aggregateToForm(found.proposed), errors: { form: m.errors.notEditable }, csrfToken: request.csrfToken, mode: 'editor' }), 409) };
    return { found };
  };
  app.get(paths.selfService.draft(), draftRoute, async (request, reply) => {
    const loaded = await loadDraft(request, reply, request.params.id);
    if (!loaded.found) return loaded.reply;
    const c = loaded.found;
    return sendPage(reply, ServiceFormPage({ title: c.isNew ? m.form.newTitle : m.form.editTitle(c.proposed.name), action: paths.selfService.draft(c.id), values: aggregateToForm(c.proposed), errors: {}, csrfToken: request.csrfToken, mode: 'editor', notice: c.status === 'rejected' && c.reason ? m.mine.rejectedBecause(c.reason) : undefined }));
  });
  app.post(paths.selfService.draft(), draftRoute, async (request, reply) => {
    const loaded = await loadDraft(request, reply, request.params.id);
    if (!loaded.found) return loaded.reply;
    const c = loaded.found;
    return saveFromForm(db, request, reply, { existing: c, base: c.proposed, isNew: c.isNew, title: c.isNew ? m.form.newTitle : m.form.editTitle(c.proposed.name), action: paths.selfService.draft(c.id) });
  });

  // a published service: editing starts a change request (or continues the open one)
  const serviceRoute = { schema: { params: Type.Object({ serviceId: Uuid }) }, preHandler: requireUser };
  const loadService = async (request: FastifyRequest, reply: FastifyReply, serviceId: string) => {
    const service = await loadServiceAggregate(db, serviceId);
    if (!service) return { reply: reply.callNotFound() };
    if (!mayEdit(request, service.organizationId)) return { reply: forbid(request, reply) };
    return { service };
  };
  app.get(paths.selfService.change(), serviceRoute, async (request, reply) => {
    const loaded = await loadService(request, reply, request.params.serviceId);
    if (!loaded.service) return loaded.reply;
    const open = await openChangeRequest(db, loaded.service.id);
    if (open) return reply.redirect(paths.selfService.draft(open.id), 303);
    return sendPage(reply, ServiceFormPage({ title: m.form.editTitle(loaded.service.name), action: paths.selfService.change(loaded.service.id), values: aggregateToForm(loaded.service), errors: {}, csrfToken: request.csrfToken, mode: 'editor' }));
  });
  app.post(paths.selfService.change(), serviceRoute, async (request, reply) => {
    const loaded = await loadService(request, reply, request.params.serviceId);
    if (!loaded.service) return loaded.reply;
    const open = await openChangeRequest(db, loaded.service.id);
    return saveFromForm(db, request, reply, { existing: open, base: loaded.service, isNew: false, title: m.form.editTitle(loaded.service.name), action: paths.selfService.change(loaded.service.id) });
  });

  app.post(paths.selfService.assure(), serviceRoute, async (request, reply) => {
    const loaded = await loadService(request, reply, request.params.serviceId);
    if (!loaded.service) return loaded.reply;
    const date = await db.transaction().execute((trx) => assureService(trx, loaded.service.id, request.user!.id));
    const overview = await mineOverview(db, request);
    return sendPage(reply, MinePage({ ...overview, notice: m.mine.assured(formatDate(date)), csrfToken: request.csrfToken }));
  });
}
