import Fastify, {
  LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyError, type FastifyReply,
  type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from './type-provider.ts';
import type { Config } from '../config.ts';
import { isReachable, type Db } from '../db/index.ts';
import { registerReadRouting } from '../db/read-routing.ts';
import { paths } from '../paths.ts';
import { assetRoutes } from './assets.ts';
import { registerCompression } from './compress.ts';
import { registerLanguage } from './language.ts';
import { PROBLEM_TYPES, invalidParams, sendProblem, type Problem } from './problem.ts';
import { dropNulFromFormFields, isUnsafeValue, refuseUnsafeInput } from './input-guard.ts';
import { loggerOptions, registerRequestContext, requestIdGenerator } from './logging.ts';
import { registerMetrics } from './metrics.ts';
import { trackRequestsInFlight } from './in-flight.ts';
import { countShedRequest } from '../metrics.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { sendPage } from '../views/render.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { msg } from '../i18n/index.ts';

/**
 * The app as domains see it: routes registered on it take their request types from their
 * TypeBox schemas (`request.query`, `params`, `body`), so handlers never cast them.
 */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
export interface DomainPlugin {
  (app: App, deps: { db: Db; config: Config }): Promise<void>;
}

const under = (url: string, prefix: string) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
const isFhir = (url: string) => under(url, '/fhir');
// the open-data APIs (HSDS, FHIR) answer like the JSON API: open CORS, errors as data
const isApi = (url: string) => url.startsWith('/api/') || under(url, '/hsds') || isFhir(url);

/**
 * Powerful browser features no page uses, denied to the site itself and to anything it could
 * embed. A page may allow one to the site itself (allowOwnFeature): the finder's search form
 * offers "use my position", so its pages allow geolocation to the site, never to frames.
 */
const POWERFUL_FEATURES = ['accelerometer', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'usb'] as const;
const permissionsPolicy = (own: readonly string[] = []) =>
  POWERFUL_FEATURES.map((feature) => `${feature}=${own.includes(feature) ? '(self)' : '()'}`).join(', ');
const PERMISSIONS_POLICY = permissionsPolicy();

/** Lets this response's page use a powerful feature itself (not anything it embeds). */
export function allowOwnFeature(reply: FastifyReply, feature: 'geolocation'): void {
  reply.header('permissions-policy', permissionsPolicy([feature]));
}

const FHIR_ISSUE: Record<number, string> = { 400: 'invalid', 404: 'not-found', 429: 'throttled', 500: 'exception', 503: 'transient' };

/** An API error: problem+json, or for FHIR clients the OperationOutcome resource they expect. */
function sendApiError(reply: FastifyReply, problem: Omit<Problem, 'instance'>) {
  if (!isFhir(reply.request.url)) return sendProblem(reply, problem);
  const issues = problem.errors?.length
    ? problem.errors.map((e) => ({ severity: 'error', code: FHIR_ISSUE[problem.status] ?? 'processing', diagnostics: `${e.name}: ${e.reason}`, expression: [e.name] }))
    : [{ severity: 'error', code: FHIR_ISSUE[problem.status] ?? 'processing', diagnostics: problem.detail ?? problem.title }];
  return reply.status(problem.status).type('application/fhir+json; charset=utf-8').send({ resourceType: 'OperationOutcome', issue: issues });
}

/** Always answered, however busy: the proxy's and the monitoring's questions, and the static files a page needs. */
const NEVER_SHED: ReadonlySet<string> = new Set([paths.healthz, paths.readyz, paths.metrics]);
/** How long a shed client is asked to wait before it tries again. */
const SHED_RETRY_AFTER_SECONDS = 5;

/**
 * Load shedding. With more requests in flight than `limit`, a page or API read is answered 503 at
 * once, with Retry-After, instead of joining the queue: past that point every request already
 * waits on the CPU or the database pool, and each one more makes all of them slower, until the
 * proxy's timeouts fail them all. Writes (POST and the rest) are always taken, so nothing a person
 * typed is lost to a busy moment; so are the pages of people signed in (editors and moderators at
 * work: a shed form would leave them without its CSRF token), the health checks, /metrics and
 * static files. Counted in `samklang_http_requests_shed_total`. docs/operations.md, "Overload".
 */
function registerLoadShedding(app: FastifyInstance, limit: number): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (app.requestsInFlight.count() <= limit || (request.method !== 'GET' && request.method !== 'HEAD')) return done();
    const route = request.routeOptions.url;
    if ((route && NEVER_SHED.has(route)) || request.url.startsWith('/assets/') || request.cookies?.[SESSION_COOKIE]) return done();
    countShedRequest();
    reply.header('retry-after', String(SHED_RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
    if (isApi(request.url)) {
      sendApiError(reply, {
        type: PROBLEM_TYPES.busy, title: 'Service busy', status: 503,
        detail: `The service is answering many requests at once. Try again in ${SHED_RETRY_AFTER_SECONDS} seconds.`,
      });
    } else {
      sendPage(reply, ErrorPage({ title: msg.errors.busyTitle, message: msg.errors.busy }), 503);
    }
  });
}

/**
 * The HTTP stack shared by all domains: security headers, CORS for GET on the API, rate limits,
 * one error shape per channel (problem+json for the API, a Norwegian page for people).
 */
export async function buildApp(deps: { db: Db; config: Config }, domains: DomainPlugin[], root: DomainPlugin[] = []): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config),
    genReqId: requestIdGenerator(config.trustProxy),
    trustProxy: config.trustProxy,
    // one line per request only when debugging: at 'info' the log holds events, not traffic
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    ajv: { customOptions: { coerceTypes: 'array', allErrors: true, removeAdditional: false } },
    // while draining (SIGTERM), requests already on an open connection are served, with
    // `Connection: close`; new connections are refused, so a proxy sends them to another instance
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerRequestContext(app);
  trackRequestsInFlight(app);
  registerMetrics(app, deps.db, config.metricsToken);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // browsers heed HSTS only over https: send it whenever the site is reached that way
    strictTransportSecurity: config.trustProxy || config.publicUrl.startsWith('https://'),
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => ({ statusCode: 429, retryAfter: context.after }),
    });
  }
  await app.register(formbody);
  // multipart bodies are parsed before any route hook (the CSRF check reads the parsed fields);
  // only routes that say so in config.multipartOptions take files, every other route takes none
  await app.register(multipart, { attachFieldsToBody: true, limits: { files: 0, fields: 50, fieldSize: 100_000, parts: 60 } });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samklang API',
        version: '1.0.0',
        description: 'Music-therapy offers in substance-use and mental-health services in Norway, and the reference data they rest on.',
        license: { name: 'NLOD 2.0', url: 'https://data.norge.no/nlod/no/2.0' },
      },
    },
    hideUntagged: true,
  });

  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('permissions-policy')) reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (isApi(request.url) && request.method === 'GET') reply.header('access-control-allow-origin', '*');
  });

  // gzip or brotli for text when the client asks (every route is registered after this)
  registerCompression(app);

  // a page's form keeps what the person typed: an invisible NUL pasted into a field is dropped
  // before any route's validation (the API still refuses it below)
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && !isApi(request.url) && /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(request.headers['content-type'] ?? '')) {
      dropNulFromFormFields(request.body);
    }
  });
  // before every route's own hooks and handler: values no route can use are a 400, never a 500
  app.addHook('preHandler', refuseUnsafeInput);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      if (isApi(request.url)) {
        return sendApiError(reply, {
          type: PROBLEM_TYPES.validation, title: 'Invalid request parameters', status: 400,
          errors: invalidParams(error.validation),
        });
      }
      const message = error.validation.some(isUnsafeValue) ? msg.errors.unusableValue : msg.errors.filter;
      return sendPage(reply, ErrorPage({ title: msg.errors.badRequestTitle, message }), 400);
    }
    if (error.statusCode === 429) {
      reply.header('retry-after', '60');
      return isApi(request.url)
        ? sendApiError(reply, { type: PROBLEM_TYPES.rateLimited, title: 'Too many requests', status: 429 })
        : sendPage(reply, ErrorPage({ title: msg.errors.serverTitle, message: msg.errors.rateLimited }), 429);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'request failed');
    if (isApi(request.url)) {
      return sendApiError(reply, { type: PROBLEM_TYPES.server, title: status === 500 ? 'Internal error' : error.message, status });
    }
    return sendPage(reply, ErrorPage({ title: msg.errors.serverTitle, message: msg.errors.server }), status);
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApi(request.url)) {
      return sendApiError(reply, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: `No resource at ${request.url}` });
    }
    return sendPage(reply, ErrorPage({ title: msg.errors.notFoundTitle, message: msg.errors.notFound }), 404);
  });

  // the reader's language first: every later hook, handler and page runs inside it
  registerLanguage(app, config.trustProxy || config.publicUrl.startsWith('https://'), config.publicUrl);
  // before any hook that reads the database (the session): an instance past its limit answers at once
  if (config.maxRequestsInFlight > 0) registerLoadShedding(app, config.maxRequestsInFlight);
  // which database a request's public reads go to (a replica, unless it must see its own write)
  registerReadRouting(app, deps.db, { secure: config.trustProxy || config.publicUrl.startsWith('https://') });
  // root plugins (accounts) add hooks for every route: not encapsulated, registered before any route
  for (const plugin of root) await plugin(app, deps);
  app.get(paths.healthz, { config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get(paths.readyz, { config: { rateLimit: false } }, async (_request, reply) => {
    const ok = await isReachable(deps.db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database unreachable' });
  });
  await app.register(assetRoutes);
  for (const domain of domains) await app.register(async (scope) => domain(scope.withTypeProvider<TypeBoxTypeProvider>(), deps));
  app.get(paths.api.openapi, { config: { rateLimit: false } }, async () => app.swagger());
  return app;
}
