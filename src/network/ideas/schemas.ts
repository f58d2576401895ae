// Request schemas and small checks the ideas part's routes share.
import { Type } from '@sinclair/typebox';
import { sentValue } from '../../platform/http/sent.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import type { Errors } from '../../platform/forms/index.ts';

export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const ID = Type.Object({ id: Uuid });
export const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const NonBlank = (maxLength: number) => Type.String({ maxLength, pattern: '\\S' });
export { isUuid } from '../../platform/ids.ts';
export const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;

/** A form field that may be sent once or many times (checkboxes), as sent. */
export const sentList = (body: unknown, name: string): string[] => {
  const value = sentValue(body, name);
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};
