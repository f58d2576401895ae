import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { invalidParams } from '../http/problem.ts';
import { CSRF_FIELD } from './csrf.ts';
import type { Errors } from './error-summary.tsx';

export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
export const Email = Type.String({ pattern: EMAIL_PATTERN, maxLength: 254 });

/** A form body schema: the CSRF field plus the form's own fields; unknown fields are ignored. */
export const FormBody = <T extends Record<string, TSchema>>(fields: T) =>
  Type.Object({ [CSRF_FIELD]: Type.Optional(Type.String()), ...fields }, { additionalProperties: true });

/**
 * Schema errors of a form or a page's query as Norwegian messages per field: the message for the
 * parameter, else `fallback`; shown at the field `fieldOf` names (default: the parameter itself).
 * The first message per field wins. Every form and page reads its schema errors through this.
 */
export function formErrors(request: FastifyRequest, messages: Readonly<Record<string, unknown>>, fallback: string, fieldOf: (param: string) => string = (param) => param): Errors {
  const errors: Errors = {};
  for (const param of invalidParams(request.validationError?.validation ?? [])) {
    const name = param.name || 'form';
    const message = messages[name];
    errors[fieldOf(name)] ??= typeof message === 'string' ? message : fallback;
  }
  return errors;
}

/**
 * The form's values as strings, to fill it in again after an error. Reads the body as sent, not as
 * its schema types it: with `attachValidation` a body that failed validation still reaches the handler.
 */
export function typed<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, typeof source[n] === 'string' ? (source[n] as string) : ''])) as Record<K, string>;
}
