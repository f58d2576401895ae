import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import { sentString } from '../../platform/http/sent.ts';
import { isUuid } from '../../platform/ids.ts';
import { forbid } from '../../accounts/index.ts';
import { acceptInvitations, findPlanForMember, type PlanRow } from './queries.ts';

/**
 * The plan in the URL, if the signed-in person is on it. A stranger gets 404, not 403: whether a
 * plan exists is itself not theirs to know. A viewer who tries to change something gets 403.
 * Returns undefined when the reply has been sent.
 */
export async function openPlan(db: Db, request: FastifyRequest, reply: FastifyReply, need: 'read' | 'edit'): Promise<PlanRow | undefined> {
  const id = sentString(request.params, 'id');
  if (request.user) await acceptInvitations(db, request.user.id);
  const plan = id && isUuid(id) && request.user ? await findPlanForMember(db, id, request.user.id) : undefined;
  if (!plan) {
    await reply.callNotFound();
    return undefined;
  }
  if (need === 'edit' && plan.role === 'viewer') {
    await forbid(request, reply);
    return undefined;
  }
  return plan;
}

/** After a successful save the page says so once: ?lagret=1 on the redirect (post/redirect/get). */
export const savedNotice = (request: FastifyRequest, text: string): string | null =>
  sentString(request.query, 'lagret') === '1' ? text : null;
