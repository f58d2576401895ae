import { nameUuid } from '../platform/ids.ts';
import { nb } from '../platform/i18n/index.ts';

/**
 * Samklang's classification of music-therapy offers. Codes are stable: they are stored,
 * used in URLs and exported (HSDS taxonomy_term.code, FHIR CodeSystem). Add terms, never
 * rename or reuse a code. Documented in docs/taxonomy.md.
 */
export interface Term {
  code: string;
  name: string;
  description: string;
  children?: Term[];
}
export interface Facet {
  /** taxonomy code, also the query-string parameter name on /tilbud */
  id: string;
  name: string;
  description: string;
  /** what the facet describes: the service or its location */
  appliesTo: 'service' | 'location';
  terms: Term[];
}

interface TermCodes {
  code: string;
  children?: TermCodes[];
}
const t = (code: string, children?: TermCodes[]): TermCodes => ({ code, ...(children ? { children } : {}) });

/** The facets and their terms' codes; their names are the bokmål catalogue's (src/platform/i18n/nb/taxonomy.ts). */
const STRUCTURE: { id: string; appliesTo: Facet['appliesTo']; terms: TermCodes[] }[] = [
  { id: 'niva', appliesTo: 'service', terms: [t('lavterskel'), t('oppfolging'), t('behandling')] },
  { id: 'felt', appliesTo: 'service', terms: [t('rus'), t('psykisk-helse')] },
  {
    id: 'arena', appliesTo: 'service',
    terms: [t('kommune'), t('spesialist', [t('tsb'), t('phv'), t('dps')]), t('kriminalomsorg'), t('ideell'), t('privat')],
  },
  { id: 'malgruppe', appliesTo: 'service', terms: [t('barn-unge'), t('unge-voksne'), t('voksne'), t('eldre')] },
  { id: 'tilgang', appliesTo: 'service', terms: [t('egenhenvisning'), t('henvisning')] },
  { id: 'henviser', appliesTo: 'service', terms: [t('fastlege'), t('nav'), t('kommunen'), t('spesialisthelsetjenesten'), t('kriminalomsorgen')] },
  { id: 'format', appliesTo: 'service', terms: [t('individuell'), t('gruppe'), t('digital')] },
  { id: 'kostnad', appliesTo: 'service', terms: [t('gratis'), t('egenandel'), t('annet')] },
  { id: 'tilgjengelighet', appliesTo: 'location', terms: [t('trinnfri'), t('hc-toalett'), t('teleslynge')] },
];

type Label = { name: string; description: string };
function label(labels: Readonly<Record<string, Label>>, key: string): Label {
  const found = labels[key];
  if (!found) throw new Error(`taxonomy: no bokmål label for ${key} in src/platform/i18n/nb/taxonomy.ts`);
  return { name: found.name, description: found.description };
}

function named(prefix: string, terms: TermCodes[]): Term[] {
  return terms.map((term) => {
    const key = `${prefix}:${term.code}`;
    return { code: term.code, ...label(nb.taxonomy.terms, key), ...(term.children ? { children: named(key, term.children) } : {}) };
  });
}

/** The classification with its canonical (bokmål) names: the data HSDS and FHIR export. Pages show taxonomy-labels.ts's. */
export const FACETS: Facet[] = STRUCTURE.map((facet) => ({ ...facet, ...label(nb.taxonomy.facets, facet.id), terms: named(facet.id, facet.terms) }));

/** The facet for languages is built from the service's HSDS language rows, not taxonomy terms. */
export const LANGUAGE_FACET = 'sprak';
/** the language facet's name where the taxonomy is documented (docs/taxonomy.md) */
export const LANGUAGE_FACET_NAME = 'Språk';
/** The languages an offer can be given in (ISO 639-1) with their canonical (bokmål) names. */
export const LANGUAGES: Record<string, string> = { ...nb.taxonomy.languages };

export interface FlatTerm {
  facet: Facet;
  /** facet-qualified code as stored in service_search.terms, e.g. "arena:spesialist:dps" */
  key: string;
  code: string;
  name: string;
  description: string;
  parentKey: string | null;
  id: string;
}

export const TAXONOMY_URI = 'https://samklang.no/taxonomy';

export function taxonomyId(facet: Facet): string {
  return nameUuid(`taxonomy:${facet.id}`);
}

function flatten(facet: Facet, terms: Term[], parentKey: string | null): FlatTerm[] {
  return terms.flatMap((term) => {
    const key = `${parentKey ?? facet.id}:${term.code}`;
    const self: FlatTerm = { facet, key, code: key.slice(facet.id.length + 1), name: term.name, description: term.description, parentKey, id: nameUuid(`term:${key}`) };
    return [self, ...flatten(facet, term.children ?? [], key)];
  });
}

export const TERMS: FlatTerm[] = FACETS.flatMap((facet) => flatten(facet, facet.terms, null));
export const TERM_BY_KEY = new Map(TERMS.map((term) => [term.key, term]));
export const TERM_BY_ID = new Map(TERMS.map((term) => [term.id, term]));

/** A term's key together with its ancestors', so a filter on a parent finds its children. */
export function withAncestors(key: string): string[] {
  const keys: string[] = [];
  for (let current: FlatTerm | undefined = TERM_BY_KEY.get(key); current; current = current.parentKey ? TERM_BY_KEY.get(current.parentKey) : undefined) {
    keys.push(current.key);
  }
  return keys;
}
