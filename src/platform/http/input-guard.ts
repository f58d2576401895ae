import type { FastifyRequest } from 'fastify';
import { CSRF_FIELD } from '../forms/csrf.ts';

/**
 * Values no route can use, refused for every route at once after schema validation:
 * - a NUL character (U+0000) in any string or key: PostgreSQL text and jsonb cannot hold it, so it
 *   would fail in the database as a 500;
 * - a number that is not finite: Ajv's type coercion turns "Infinity" and "1e309" into Infinity and
 *   then skips minimum/maximum for it (JSON.parse does the same for 1e309), so it passes any range;
 * - JSON nested deeper than MAX_DEPTH: no input here needs it, and deep values overflow recursive
 *   code and PostgreSQL's jsonb parser.
 */
export const MAX_DEPTH = 32;
const MAX_REPORTED = 20;

export interface UnsafeValue {
  instancePath: string;
  keyword: 'nul' | 'finite' | 'depth';
  message: string;
  params: Record<string, unknown>;
}

export const UNSAFE_MESSAGES = {
  nul: 'must not contain the NUL character (U+0000)',
  finite: 'must be a finite number',
  depth: `must not be nested more than ${MAX_DEPTH} levels deep`,
} as const;

const UNSAFE_KEYWORDS = new Set<string>(Object.keys(UNSAFE_MESSAGES));
/** Whether a validation error is one of these (for pages that explain it). */
export const isUnsafeValue = (error: { keyword?: string }) => UNSAFE_KEYWORDS.has(error.keyword ?? '');

const problem = (instancePath: string, keyword: UnsafeValue['keyword']): UnsafeValue => ({ instancePath, keyword, message: UNSAFE_MESSAGES[keyword], params: {} });
const pointer = (path: string, key: string | number) => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** A multipart part as @fastify/multipart attaches it to the body: only a field's value is input. */
function multipartValue(value: object): { skip: true } | { value: unknown } | null {
  const part = value as { type?: unknown; fieldname?: unknown; value?: unknown };
  if (typeof part.fieldname !== 'string') return null;
  if (part.type === 'file') return { skip: true }; // file contents are the importer's to check
  if (part.type === 'field') return { value: part.value };
  return null;
}

/** Every unusable value in a parsed request part (query, params or body), as JSON pointers. */
export function findUnsafeValues(input: unknown): UnsafeValue[] {
  const found: UnsafeValue[] = [];
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(problem(path, 'nul'));
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) found.push(problem(path, 'finite'));
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !seen.has(value)) {
      seen.add(value);
      const part = multipartValue(value);
      if (part) {
        if ('value' in part) stack.push({ value: part.value, path, depth });
        continue;
      }
      if (depth >= MAX_DEPTH) {
        found.push(problem(path, 'depth'));
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        const childPath = pointer(path, key);
        if (key.includes('\u0000')) found.push(problem(childPath, 'nul'));
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return found;
}

/** Fields no person types (the CSRF token, the page to return to after signing in): they must arrive as the page sent them. */
const SENT_AS_IS = new Set([CSRF_FIELD, 'neste']);

/**
 * A page's form post (urlencoded or multipart) with its NUL characters removed from the values a
 * person types, before the route validates or reads them. A person can paste a NUL without seeing
 * it (text copied from some PDFs and old documents carries them, and Chromium keeps it in a field),
 * so it is no sign of a hostile request, and a 400 page would throw away everything they typed;
 * without it the field holds exactly the text they see. Still refused by the guard: a NUL in a
 * field's name, in a field no person types (SENT_AS_IS), and anywhere in the API, where a program
 * is told what it sent.
 */
export function dropNulFromFormFields(body: unknown): void {
  if (body === null || typeof body !== 'object') return;
  const fields = body as Record<string, unknown>;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
    if (Array.isArray(value)) return value.map(clean);
    const part = value !== null && typeof value === 'object' ? value as { type?: unknown; fieldname?: unknown; value?: unknown } : undefined;
    if (part?.type === 'field' && typeof part.fieldname === 'string') part.value = clean(part.value);
    return value;
  };
  for (const key of Object.keys(fields)) if (!SENT_AS_IS.has(key)) fields[key] = clean(fields[key]);
}

/** A validation error as Fastify makes one, so the error handler and attachValidation routes treat it alike. */
export class UnsafeInputError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  constructor(readonly validation: UnsafeValue[], readonly validationContext: string) {
    super(`${validationContext}${validation[0]!.instancePath} ${validation[0]!.message}`);
    this.name = 'UnsafeInputError';
  }
}

/**
 * preHandler for every route: a 400 through the error handler (problem+json in the API, a
 * Norwegian page otherwise). Not handed to routes that show their own form errors
 * (attachValidation): one that forgets to look would pass the value on to the database, and a
 * NUL or an infinite number is never something a person typed into a form.
 */
export async function refuseUnsafeInput(request: FastifyRequest): Promise<void> {
  for (const [context, value] of [['querystring', request.query], ['params', request.params], ['body', request.body]] as const) {
    const unsafe = findUnsafeValues(value);
    if (unsafe.length > 0) throw new UnsafeInputError(unsafe, context);
  }
}
