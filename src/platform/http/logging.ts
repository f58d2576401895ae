/**
 * What the app's log says, and what it never says.
 * - Every line logged while a request is handled carries its request id (`reqId`): Fastify's
 *   request logger has it, and lines logged through the app's logger (or any code it calls) during
 *   a request get it from the request's async context.
 * - A request id is ours (a UUID), or the proxy's X-Request-Id when TRUST_PROXY is on and the
 *   value is short and plain; it is sent back as X-Request-Id.
 * - Secrets never reach the log: headers are not logged; cookie, authorization and password-,
 *   token-, session-, CSRF- and email-named fields are censored wherever they are logged; URLs lose
 *   their token path segments and secret query values; and every line is scrubbed of email
 *   addresses and token-like strings just before it is written, whatever logged it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Fastify's genReqId: the trusted proxy's X-Request-Id when valid, else a new UUID. */
export function requestIdGenerator(trustProxy: boolean): (request: IncomingMessage) => string {
  return (request) => {
    const sent = trustProxy ? request.headers['x-request-id'] : undefined;
    return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
  };
}

const CENSORED = '[redacted]';
/** Query parameters whose values are secret or personal. */
const SECRET_QUERY = /^(token|code|state|nonce|password|passord|email|e-?post|session|sid|csrf|_csrf|key|secret|signature|sig|ticket|id_token|access_token|refresh_token)$/i;
/** Route parameters that carry a secret (`/nytt-passord/:token`). */
const SECRET_ROUTE_PARAMS = new Set(['token']);

/** A URL as it may be logged: token route parameters and secret query values replaced. */
export function redactUrl(url: string, routePattern?: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (routePattern) {
    const patternParts = routePattern.split('/');
    const parts = path.split('/');
    if (patternParts.length === parts.length) {
      path = parts.map((part, i) => (SECRET_ROUTE_PARAMS.has(patternParts[i]!.replace(/^:/, '')) && patternParts[i]!.startsWith(':') ? CENSORED : part)).join('/');
    }
  }
  if (queryAt === -1) return path;
  const query = url.slice(queryAt + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    let name = key;
    try { name = decodeURIComponent(key.replace(/\+/g, ' ')); } catch { /* keep as sent */ }
    return eq !== -1 && SECRET_QUERY.test(name) ? `${key}=${CENSORED}` : pair;
  });
  return `${path}?${query.join('&')}`;
}

// Last line of defence on the written line: email addresses, and long random-looking strings
// (our tokens, session ids and CSRF tokens are 43 base64url characters; UUIDs are 36, hex
// digests and slugs are lower case, so neither is touched).
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const TOKEN_LIKE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;
export function scrubLine(line: string): string {
  return line.replace(EMAIL, '[email]').replace(TOKEN_LIKE, (match) => (/^[a-z0-9-]+$/.test(match) ? match : CENSORED));
}

const SECRET_KEYS = ['password', 'passord', 'newPassword', 'currentPassword', 'token', 'csrf', '_csrf', 'csrfToken', 'session', 'sessionId', 'sid', 'cookie', 'authorization', 'email', 'to_address', 'secret'];
const REDACT_PATHS = [
  ...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`), ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'headers', '*.headers',
];

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** The pino options of the app's logger (Fastify adds its own request and reply serializers). */
export function loggerOptions(config: Pick<Config, 'logLevel'> & { logDestination?: { write(line: string): void } }): LoggerOptions & { stream?: { write(line: string): void } } {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: CENSORED },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url, request.routeOptions?.url),
        route: request.routeOptions?.url,
        remoteAddress: request.ip,
      }),
    },
    // a line logged through the app's logger while a request is handled gets the request's id
    mixin(_object, _level, logger) {
      const context = requestContext.getStore();
      return context && !('reqId' in logger.bindings()) ? { reqId: context.reqId } : {};
    },
    hooks: { streamWrite: scrubLine },
    ...(config.logDestination ? { stream: config.logDestination } : {}),
  };
}

/** Runs each request in an async context knowing its id, and answers with X-Request-Id. */
export function registerRequestContext(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestContext.run({ reqId: request.id }, done);
  });
}
