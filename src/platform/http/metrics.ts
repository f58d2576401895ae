import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Gauge } from 'prom-client';
import type { Db } from '../db/index.ts';
import { sameText } from '../crypto.ts';
import { createAppMetrics } from '../metrics.ts';
import { paths } from '../paths.ts';

/** Requests that matched no route share one label, so unknown URLs never make new series. */
export const UNMATCHED_ROUTE = '(unmatched)';

function hasToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer +(\S+)\s*$/i.exec(header) : null;
  return match !== null && sameText(match[1]!, token);
}

/**
 * GET /metrics in Prometheus's text format, only with METRICS_TOKEN set and only to a request
 * carrying it as `Authorization: Bearer <token>` (compared in constant time); to anyone else it
 * is the site's ordinary 404, so it does not show that it exists. Counts every request by its
 * route pattern (Fastify's routeOptions.url, never the URL asked for) and status class.
 */
export function registerMetrics(app: FastifyInstance, db: Db, token: string | undefined): void {
  if (!token) return;
  const metrics = createAppMetrics(db);
  new Gauge({
    name: 'samklang_http_requests_in_flight',
    help: 'Requests this instance is working on now, this scrape included (reads are shed past MAX_REQUESTS_IN_FLIGHT)',
    registers: [metrics.registry],
    collect() {
      this.set(app.requestsInFlight.count());
    },
  });
  // the route matched on arrival: a handler that answers with the 404 page (callNotFound) still
  // counts under its own pattern
  const matched = new WeakMap<FastifyRequest, string>();
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url) matched.set(request, request.routeOptions.url);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = matched.get(request) ?? request.routeOptions.url ?? UNMATCHED_ROUTE;
    metrics.observeRequest({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
  });
  app.get(paths.metrics, { config: { rateLimit: false } }, async (request, reply) => {
    if (!hasToken(request, token)) return reply.callNotFound();
    const text = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
  });
}
