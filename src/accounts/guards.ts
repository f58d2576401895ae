import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../platform/http/problem.ts';
import { msg } from '../platform/i18n/index.ts';
import { sendPage } from '../platform/views/render.ts';
import { ErrorPage } from '../platform/views/error-page.tsx';
import { ACCOUNT_PROBLEMS } from './plugin.ts';
import { LoginPage } from './views/pages.tsx';

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
/** The sign-in page offers single sign-on only when it is configured. */
let oidcEnabled = false;
export const setOidcEnabled = (enabled: boolean) => { oidcEnabled = enabled; };

/** For a person who must sign in first: the sign-in page in place (401), or problem+json for the API. */
export function askToSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (isApi(request)) return sendProblem(reply, { type: ACCOUNT_PROBLEMS.unauthorized, title: 'Sign in required', status: 401 });
  const next = request.method === 'GET' ? request.url : '';
  return sendPage(reply, LoginPage({ values: { email: '', next }, errors: {}, csrfToken: request.csrfToken, notice: msg.accounts.login.needed, oidc: oidcEnabled }), 401);
}

export function forbid(request: FastifyRequest, reply: FastifyReply) {
  const m = msg.accounts.errors;
  if (isApi(request)) return sendProblem(reply, { type: ACCOUNT_PROBLEMS.forbidden, title: 'Forbidden', status: 403 });
  return sendPage(reply, ErrorPage({ title: m.forbiddenTitle, message: m.forbidden }), 403);
}

/** preHandler: only signed-in people. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply) {
  if (!request.user) return askToSignIn(request, reply);
}

/** preHandler: only admins (the network's secretariat). */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply) {
  if (!request.user) return askToSignIn(request, reply);
  if (!request.user.isAdmin) return forbid(request, reply);
}

/** Whether the signed-in person may manage this organisation's entries. */
export function mayEdit(request: FastifyRequest, organizationId: string): boolean {
  return !!request.user && (request.user.isAdmin || request.user.editorOf.includes(organizationId));
}
