import { languageWasChosen } from '../platform/http/language.ts';
import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config.ts';
import type { Db, Tx } from '../platform/db/index.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { sentValue } from '../platform/http/sent.ts';
import { msg, currentLanguage } from '../platform/i18n/index.ts';
import { sendPage } from '../platform/views/render.ts';
import { ErrorPage } from '../platform/views/error-page.tsx';
import { viewerContext } from '../platform/views/layout.tsx';
import type { SessionUser } from './contract.ts';
import { CSRF_FIELD } from '../platform/forms/csrf.ts';
import { hmac, randomToken, sameText } from '../platform/crypto.ts';
import { sessionSecret } from '../platform/secret.ts';
import { SESSION_DAYS, createSession, endSession, pruneSessions, userForSession } from './sessions.ts';
import { createMailer, type Mailer } from '../platform/mail/smtp.ts';
import { pruneOutbox } from '../platform/mail/outbox.ts';
import { createJobRegistry, nextNight, startWorker, type JobRegistry } from '../platform/jobs.ts';
import { pruneAttempts } from '../platform/rate-limit.ts';
import { createPersonalDataRegistry } from './privacy.ts';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../platform/http/cookies.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** sends outbox mail through SMTP when configured (kick() after queueing mail) */
    mailer: Mailer;
    /** scheduled jobs; domains register theirs, the worker runs them once across instances */
    jobs: JobRegistry;
  }
}

/** Binds CSRF tokens of people who are not signed in (set only when a page shows a form). */
export const FORM_COOKIE = 'samklang_skjema';
export const CSRF_HEADER = 'x-csrf-token';
export const ACCOUNT_PROBLEMS = {
  csrf: 'https://samklang.no/problems/csrf',
  unauthorized: 'https://samklang.no/problems/unauthorized',
  forbidden: 'https://samklang.no/problems/forbidden',
} as const;

interface RequestState {
  secret: string;
  sessionToken: string | null;
  formCookie: string | null;
  newFormCookie: boolean;
  resource: AsyncResource | null;
}
const state = new WeakMap<FastifyRequest, RequestState>();
const stateOf = (request: FastifyRequest): RequestState => {
  const found = state.get(request);
  if (!found) throw new Error('the accounts plugin has not run for this request');
  return found;
};

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function csrfFor(request: FastifyRequest): string {
  const s = stateOf(request);
  if (s.sessionToken) return hmac(s.secret, `csrf:session:${s.sessionToken}`);
  if (!s.formCookie) {
    s.formCookie = randomToken();
    s.newFormCookie = true;
  }
  return hmac(s.secret, `csrf:form:${s.formCookie}`);
}

export function cookieOptions(config: Pick<Config, 'trustProxy' | 'publicUrl'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.trustProxy || config.publicUrl.startsWith('https://') };
}

/**
 * Sets request.user and request.csrfToken for every request, and refuses any state-changing
 * request without a valid CSRF token (JSON calls without a session cookie excepted: a browser
 * cannot send those cross-site without CORS, which the API does not allow for writes).
 */
export async function accountsPlugin(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const cookies = cookieOptions(config);
  const mailer = createMailer(db, config, app.log);
  const jobs = createJobRegistry();
  app.decorate('mailer', mailer);
  app.decorate('jobs', jobs);
  app.decorate('personalData', createPersonalDataRegistry());
  jobs.register({ kind: 'accounts:housekeeping', next: nextNight, run: async () => {
    await pruneAttempts(db);
    await pruneOutbox(db);
    await pruneSessions(db, config.clock.now());
    await db.deleteFrom('user_token').where('expires_at', '<', sql<Date>`now() - interval '7 days'`).execute();
    // mail that could not be sent before is tried again
    await mailer.deliver();
  } });
  let worker: ReturnType<typeof startWorker> | undefined;
  app.addHook('onReady', async () => {
    if (config.jobWorker) worker = startWorker(db, jobs, app.log);
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    await mailer.close();
  });
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', { getter(this: FastifyRequest) { return csrfFor(this); } });

  app.addHook('onRequest', async (request) => {
    // static files need no session lookup
    const sessionToken = request.url.startsWith('/assets/') ? null : (request.cookies[SESSION_COOKIE] ?? null);
    const user = sessionToken ? await userForSession(db, sessionToken, config.clock.now()) : null;
    request.user = user;
    // a language the person chose while signed in becomes the account's: mail to them follows it
    if (user && languageWasChosen(request) && user.language !== currentLanguage()) {
      await db.updateTable('app_user').set({ language: currentLanguage() }).where('id', '=', user.id).execute();
      user.language = currentLanguage();
    }
    state.set(request, {
      secret: await sessionSecret(db, config),
      sessionToken: user ? sessionToken : null,
      formCookie: request.cookies[FORM_COOKIE] ?? null,
      newFormCookie: false,
      resource: null,
    });
  });
  // Pages read the viewer through AsyncLocalStorage (the layout's navigation); the handler runs in
  // another async context than onRequest, so the context is re-entered before validation.
  app.addHook('onRequest', (request, _reply, done) => {
    const viewer = () => (request.user ? { isAdmin: request.user.isAdmin, csrfToken: request.csrfToken } : null);
    viewerContext.run({ viewer }, () => {
      // made inside run(), so re-entering it later restores the viewer too
      const resource = new AsyncResource('samklang-request');
      stateOf(request).resource = resource;
      resource.runInAsyncScope(done);
    });
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const resource = stateOf(request).resource;
    if (resource) resource.runInAsyncScope(done);
    else done();
  });

  app.addHook('preValidation', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const hasCookieSession = request.cookies[SESSION_COOKIE] !== undefined;
    const json = (request.headers['content-type'] ?? '').startsWith('application/json');
    if (json && !hasCookieSession) return;
    // a form field arrives as a string, or as { value } from a multipart form (file uploads)
    const field = sentValue(request.body, CSRF_FIELD);
    const value = typeof field === 'string' ? field : sentValue(field, 'value');
    const fromBody = typeof value === 'string' ? value : undefined;
    const sent = (fromBody ?? request.headers[CSRF_HEADER]) as string | undefined;
    const s = stateOf(request);
    const bound = s.sessionToken ?? s.formCookie;
    if (sent && bound && sameText(sent, csrfFor(request))) return;
    return rejectCsrf(request, reply);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const s = state.get(request);
    if (s?.newFormCookie) reply.setCookie(FORM_COOKIE, s.formCookie!, cookies);
    // pages that know who you are must not be kept by shared caches
    if (request.user || s?.sessionToken) reply.header('cache-control', 'private, no-store');
    return payload;
  });
}

function rejectCsrf(request: FastifyRequest, reply: FastifyReply) {
  const m = msg.accounts.errors;
  if (isApi(request)) return sendProblem(reply, { type: ACCOUNT_PROBLEMS.csrf, title: 'Missing or invalid CSRF token', status: 403, detail: `Send the token in the ${CSRF_HEADER} header or the ${CSRF_FIELD} field` });
  // the browser still sends a session cookie that no longer works: the session ended (unused too long)
  const ended = request.cookies[SESSION_COOKIE] !== undefined && !request.user;
  return sendPage(reply, ErrorPage(ended ? { title: m.sessionEndedTitle, message: m.sessionEnded } : { title: m.csrfTitle, message: m.csrf }), 403);
}

/**
 * Signs a person in on this request: any session the browser already had is ended and a new id
 * is issued (no session fixation), and the form cookie is dropped.
 */
export async function startSession(db: Tx, request: FastifyRequest, reply: FastifyReply, config: Config, userId: string): Promise<void> {
  const s = stateOf(request);
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await endSession(db, previous);
  const token = await createSession(db, userId, config.clock.now(), request.headers['user-agent']);
  s.sessionToken = token;
  s.formCookie = null;
  s.newFormCookie = false;
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config), maxAge: SESSION_DAYS * 86_400 });
  reply.clearCookie(FORM_COOKIE, { path: '/' });
}

/** The session cookie of a signed-in request (to tell its session from the person's others). */
export const currentSessionToken = (request: FastifyRequest): string | null => stateOf(request).sessionToken;

export async function stopSession(db: Tx, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await endSession(db, token);
  stateOf(request).sessionToken = null;
  request.user = null;
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export type { SessionUser };

/** The key for values this site signs for itself (e.g. OIDC state in a cookie). */
export const signingSecret = (request: FastifyRequest): string => stateOf(request).secret;
