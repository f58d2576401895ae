import { Type } from '@sinclair/typebox';

/** A string from a fixed list, as one JSON Schema enum (one clear error, not one per literal). */
export const OneOf = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
