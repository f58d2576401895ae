// Reading a request part as it was sent, for routes without a schema for it, and for pages that
// refill a form after a validation error: with `attachValidation` a part that failed its schema still
// reaches the handler, so its schema type does not hold there. Everywhere else, handlers use the
// typed `request.query`, `params` and `body`.

/** The value named `name` in a request part (query, params or body) as sent, whatever its type. */
export function sentValue(part: unknown, name: string): unknown {
  return typeof part === 'object' && part !== null && name in part ? (part as Record<string, unknown>)[name] : undefined;
}

/** The value named `name` in a request part if it was sent as one string. */
export function sentString(part: unknown, name: string): string | undefined {
  const value = sentValue(part, name);
  return typeof value === 'string' ? value : undefined;
}
