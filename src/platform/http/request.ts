import type { FastifyRequest } from 'fastify';

/**
 * Every query parameter as typed, as lists in the order given: for putting the values back into a
 * form after an error, and for links that change one parameter. Read from the URL itself, so it
 * holds what the person sent, whatever the schema made of it.
 */
export function rawQuery(request: FastifyRequest): Record<string, string[]> {
  const url = new URL(request.url, 'http://localhost');
  const params: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (params[key] ??= []).push(value);
  return params;
}
