import type { Catalogue } from './catalogue.ts';
import { nb } from './nb.ts';

export type { Catalogue } from './catalogue.ts';
export { formatDate, formatDateTime, nb, type Messages } from './nb.ts';

/** Every language's catalogue, keyed by language code. A language added here must satisfy Catalogue. */
export const catalogues = { nb } as const satisfies Record<string, Catalogue>;
export type Language = keyof typeof catalogues;
