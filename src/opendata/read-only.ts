import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';

/** The problem type of a 405 in problem+json. */
export const METHOD_NOT_ALLOWED = 'https://samklang.no/problems/method-not-allowed';

/** The methods that would change something; the open-data endpoints take none of them. */
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Answers every write method under the given paths with 405 Method Not Allowed and `Allow: GET,
 * HEAD`, in the open-data error shape the caller gives (problem+json, or a FHIR OperationOutcome).
 *
 * The answer is given in the route's own onRequest hook: before the body is parsed and before the
 * accounts' CSRF check (a preValidation hook for every write). That check stays as strict as it
 * is for every route that acts; here nothing acts, so a missing token is not what went wrong and a
 * "403 CSRF" page would only mislead a client that tried a method these read-only APIs never offer.
 */
export function refuseWrites(app: App, urls: string[], answer: (request: FastifyRequest, reply: FastifyReply) => FastifyReply) {
  for (const url of urls) {
    app.route({
      method: [...WRITE_METHODS], url, schema: { hide: true },
      onRequest: async (request, reply) => {
        reply.header('allow', 'GET, HEAD');
        return answer(request, reply);
      },
      // never reached: onRequest has answered
      handler: async (_request, reply) => reply,
    });
  }
}
