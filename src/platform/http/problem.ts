import type { FastifyReply } from 'fastify';

/** One invalid input, named as the client sent it. */
export interface InvalidParam {
  name: string;
  reason: string;
}

/** RFC 9457 problem details; `errors` lists every failing field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: InvalidParam[];
}

export const PROBLEM_TYPES = {
  validation: 'https://samklang.no/problems/validation',
  notFound: 'https://samklang.no/problems/not-found',
  rateLimited: 'https://samklang.no/problems/rate-limited',
  busy: 'https://samklang.no/problems/busy',
  server: 'https://samklang.no/problems/server-error',
} as const;

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'instance'>) {
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, instance: reply.request.url });
}

/** Fastify/Ajv validation errors as named fields: "/niva/0" in querystring becomes "niva". */
export function invalidParams(validation: { instancePath: string; message?: string; params?: Record<string, unknown> }[]): InvalidParam[] {
  const seen = new Set<string>();
  return validation.map((error) => {
    const missing = typeof error.params?.missingProperty === 'string' ? error.params.missingProperty : undefined;
    const extra = typeof error.params?.additionalProperty === 'string' ? error.params.additionalProperty : undefined;
    const name = missing ?? extra ?? (error.instancePath.split('/').filter(Boolean)[0] ?? '');
    const allowed = Array.isArray(error.params?.allowedValues) ? `: one of ${error.params.allowedValues.join(', ')}` : '';
    return { name, reason: extra ? 'unknown parameter' : `${error.message ?? 'invalid'}${allowed}` };
  }).filter((param) => {
    const key = `${param.name}\u0000${param.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * GET forms send every field, filled or not (`innen=&alder=`). An empty value means "not given",
 * so it is removed before schema validation instead of failing as "not an integer".
 */
export async function dropEmptyQueryValues(request: { query: unknown }): Promise<void> {
  const { query } = request;
  if (typeof query !== 'object' || query === null) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === '') Reflect.deleteProperty(query, key);
    else if (Array.isArray(value)) {
      const kept = value.filter((v) => v !== '');
      if (kept.length === 0) Reflect.deleteProperty(query, key);
      else Reflect.set(query, key, kept);
    }
  }
}
