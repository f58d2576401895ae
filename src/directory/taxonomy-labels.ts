import { msg } from '../platform/i18n/index.ts';
import { FACETS, LANGUAGES, TERM_BY_KEY } from './taxonomy.ts';

/**
 * The classification as a reader sees it: each facet's, term's and offer language's label in the
 * reader's language (src/platform/i18n/<lang>/taxonomy.ts). Pages use these; exports (HSDS, FHIR,
 * CSV) keep the canonical bokmål names of taxonomy.ts. An unknown key shows as itself.
 */
type Label = { readonly name: string; readonly description: string };
const terms = () => msg.taxonomy.terms as Readonly<Record<string, Label | undefined>>;
const facets = () => msg.taxonomy.facets as Readonly<Record<string, Label | undefined>>;

/** A term's name by its key (`arena:spesialist:dps`). */
export const termLabel = (key: string): string => terms()[key]?.name ?? TERM_BY_KEY.get(key)?.name ?? key;

export const termDescription = (key: string): string => terms()[key]?.description ?? TERM_BY_KEY.get(key)?.description ?? '';

/** A facet's name by its id (`arena`). */
export const facetLabel = (id: string): string => facets()[id]?.name ?? FACETS.find((f) => f.id === id)?.name ?? id;

export const facetDescription = (id: string): string => facets()[id]?.description ?? FACETS.find((f) => f.id === id)?.description ?? '';

/** An offer language's name by its ISO 639-1 code (`en` → Engelsk / Engelsk / English). */
export const languageLabel = (code: string): string => (msg.taxonomy.languages as Readonly<Record<string, string | undefined>>)[code] ?? LANGUAGES[code] ?? code;

/** Every label a term has in any language, for search (synonyms.ts, place.ts). */
export function labelsInAllLanguages(key: string, catalogues: readonly { taxonomy: { terms: object; languages: object } }[]): string[] {
  const [facet, ...rest] = key.split(':');
  return catalogues.map((c) => (facet === 'sprak'
    ? (c.taxonomy.languages as Record<string, string | undefined>)[rest.join(':')]
    : (c.taxonomy.terms as Record<string, Label | undefined>)[key]?.name)).filter((name): name is string => !!name);
}
