import { Type } from '@sinclair/typebox';
import { forbid, mayEdit, requireUser } from '../../../accounts/index.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Db } from '../../../platform/db/index.ts';
import { PROBLEM_TYPES, sendProblem } from '../../../platform/http/problem.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { freshnessOf } from '../../freshness.ts';
import { loadServiceAggregate } from '../../queries.ts';
import { ServiceDraftSchema, checkDraftObject } from './draft.ts';
import { proposalFromDraft } from './proposal.ts';
import { assureService } from './publish.ts';
import { openChangeRequest, saveChangeRequest, servicesOf } from './store.ts';

const Params = Type.Object({ serviceId: Type.String({ pattern: UUID_PATTERN }) });
const Uuid = Type.String({ format: 'uuid' });
const MineList = Type.Object({
  items: Type.Array(Type.Object({
    id: Uuid,
    organization_id: Uuid,
    name: Type.String(),
    status: Type.String({ description: 'HSDS status: active, temporarily closed, inactive or defunct' }),
    assured_date: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'last confirmed (YYYY-MM-DD), null if never' }),
    published: Type.Boolean({ description: 'false for a new entry still waiting for moderation' }),
    freshness: Type.Union([Type.Literal('fresh'), Type.Literal('stale'), Type.Literal('hidden')], { description: 'stale: not confirmed for 12 months; hidden: for 18, and not shown in the finder' }),
  })),
});
const Assured = Type.Object({ id: Uuid, assured_date: Type.String({ format: 'date' }) });
const Saved = Type.Object({ id: Uuid, status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]) });

/**
 * The editor's JSON API (cookie session; send the CSRF token in the x-csrf-token header). The same
 * role checks as the pages: an editor reaches only their own organisations' services.
 */
export async function selfServiceApiRoutes(app: App, { db }: { db: Db }) {
  app.get(paths.selfService.api.services, {
    preHandler: requireUser,
    schema: { tags: ['self-service'], summary: 'Services the signed-in editor may manage, with their freshness', response: { 200: MineList } },
  }, async (request) => {
    const services = await servicesOf(db, request.user!.editorOf);
    return { items: services.map((s) => ({ id: s.id, organization_id: s.organizationId, name: s.name, status: s.status, assured_date: s.assuredDate, published: s.published, freshness: freshnessOf(s.confirmedOn) })) };
  });

  app.post(paths.selfService.api.assure(), {
    preHandler: requireUser,
    schema: { tags: ['self-service'], summary: 'Confirm that the service\'s information is correct ("Bekreft at opplysningene stemmer")', params: Params, response: { 200: Assured } },
  }, async (request, reply) => {
    const { serviceId } = request.params;
    const service = await loadServiceAggregate(db, serviceId);
    if (!service) return sendProblem(reply, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 });
    if (!mayEdit(request, service.organizationId)) return forbid(request, reply);
    const date = await db.transaction().execute((trx) => assureService(trx, serviceId, request.user!.id));
    return { id: serviceId, assured_date: date };
  });

  app.post(paths.selfService.api.changeRequests(), {
    preHandler: requireUser,
    schema: {
      tags: ['self-service'], summary: 'Propose a change to a service; it is published when a moderator approves', params: Params,
      body: Type.Object({ service: ServiceDraftSchema, submit: Type.Boolean() }),
      response: { 201: Saved },
    },
  }, async (request, reply) => {
    const { serviceId } = request.params;
    const service = await loadServiceAggregate(db, serviceId);
    if (!service) return sendProblem(reply, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 });
    if (!mayEdit(request, service.organizationId)) return forbid(request, reply);
    const { service: draft, submit } = request.body;
    // the same rules as the form, by running the draft through it
    const check = checkDraftObject(draft, {}, { forSubmit: submit });
    const proposal = check.draft ? await proposalFromDraft(db, check.draft, service, (i) => `locations/${i}/postalCode`) : { ok: false as const, errors: check.errors };
    if (!proposal.ok) {
      return sendProblem(reply, { type: PROBLEM_TYPES.validation, title: 'Invalid service', status: 422, errors: Object.entries(proposal.errors).map(([name, reason]) => ({ name, reason })) });
    }
    const open = await openChangeRequest(db, serviceId);
    const id = await saveChangeRequest(db, { id: open?.id, proposed: proposal.aggregate, isNew: false, userId: request.user!.id, submit });
    return reply.status(201).send({ id, status: submit ? 'submitted' : 'draft' });
  });
}
