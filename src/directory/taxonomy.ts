import { nameUuid } from '../platform/ids.ts';

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

const t = (code: string, name: string, description: string, children?: Term[]): Term => ({ code, name, description, ...(children ? { children } : {}) });

export const FACETS: Facet[] = [
  {
    id: 'niva', name: 'Tjenestenivå', appliesTo: 'service', description: 'Hvor i forløpet tilbudet ligger',
    terms: [
      t('lavterskel', 'Lavterskeltilbud', 'Uten henvisning, ofte drop-in'),
      t('oppfolging', 'Oppfølging', 'Oppfølging i kommunen etter eller ved siden av behandling'),
      t('behandling', 'Behandling', 'Behandling, som regel i spesialisthelsetjenesten'),
    ],
  },
  {
    id: 'felt', name: 'Fagfelt', appliesTo: 'service', description: 'Rus, psykisk helse eller begge',
    terms: [t('rus', 'Rus', 'Rusproblemer og avhengighet'), t('psykisk-helse', 'Psykisk helse', 'Psykiske helseplager og lidelser')],
  },
  {
    id: 'arena', name: 'Tjenestested', appliesTo: 'service', description: 'Hvem som driver tilbudet',
    terms: [
      t('kommune', 'Kommune', 'Kommunal helse- og omsorgstjeneste'),
      t('spesialist', 'Spesialisthelsetjeneste', 'Helseforetak og avtaleinstitusjoner', [
        t('tsb', 'TSB', 'Tverrfaglig spesialisert rusbehandling'),
        t('phv', 'Psykisk helsevern', 'Psykisk helsevern, døgn og poliklinikk'),
        t('dps', 'DPS', 'Distriktspsykiatrisk senter'),
      ]),
      t('kriminalomsorg', 'Kriminalomsorg', 'Fengsel og friomsorg'),
      t('ideell', 'Ideell eller frivillig', 'Ideelle organisasjoner, stiftelser og frivillige lag'),
      t('privat', 'Privat', 'Private aktører'),
    ],
  },
  {
    id: 'malgruppe', name: 'Målgruppe', appliesTo: 'service', description: 'Hvem tilbudet er for',
    terms: [
      t('barn-unge', 'Barn og unge', 'Under 18 år'),
      t('unge-voksne', 'Unge voksne', 'Omtrent 16–25 år'),
      t('voksne', 'Voksne', 'Voksne'),
      t('eldre', 'Eldre', 'Eldre'),
    ],
  },
  {
    id: 'tilgang', name: 'Slik får du tilbudet', appliesTo: 'service', description: 'Om du kan ta kontakt selv eller trenger henvisning',
    terms: [
      t('egenhenvisning', 'Ta kontakt selv', 'Egenhenvisning eller drop-in, ingen henvisning trengs'),
      t('henvisning', 'Henvisning trengs', 'Noen må henvise deg'),
    ],
  },
  {
    id: 'henviser', name: 'Hvem kan henvise', appliesTo: 'service', description: 'Hvem som kan sende henvisning',
    terms: [
      t('fastlege', 'Fastlege', 'Fastlege eller annen lege'),
      t('nav', 'Nav', 'Nav-kontoret'),
      t('kommunen', 'Kommunale tjenester', 'Kommunens rus- og psykiske helsetjeneste'),
      t('spesialisthelsetjenesten', 'Spesialisthelsetjenesten', 'Behandler i spesialisthelsetjenesten'),
      t('kriminalomsorgen', 'Kriminalomsorgen', 'Fengsel eller friomsorgskontor'),
    ],
  },
  {
    id: 'format', name: 'Form', appliesTo: 'service', description: 'Hvordan musikkterapien gis',
    terms: [
      t('individuell', 'Individuelt', 'En til en med musikkterapeut'),
      t('gruppe', 'Gruppe', 'Sammen med andre, for eksempel band eller kor'),
      t('digital', 'Digitalt', 'Over video; tilgjengelig uansett hvor du bor'),
    ],
  },
  {
    id: 'kostnad', name: 'Kostnad', appliesTo: 'service', description: 'Hva det koster deg',
    terms: [t('gratis', 'Gratis', 'Ingen betaling'), t('egenandel', 'Egenandel', 'Vanlig egenandel'), t('annet', 'Annen betaling', 'Se beskrivelsen')],
  },
  {
    id: 'tilgjengelighet', name: 'Fysisk tilgjengelighet', appliesTo: 'location', description: 'Hvordan lokalet er tilrettelagt',
    terms: [
      t('trinnfri', 'Trinnfri adkomst', 'Inngang og lokaler uten trinn, eller med rampe eller heis'),
      t('hc-toalett', 'Tilrettelagt toalett', 'Toalett tilpasset rullestol'),
      t('teleslynge', 'Teleslynge', 'Teleslynge i rommet'),
    ],
  },
];

/** The facet for languages is built from the service's HSDS language rows, not taxonomy terms. */
export const LANGUAGE_FACET = 'sprak';
/** the language facet's name where the taxonomy is documented (docs/taxonomy.md) */
export const LANGUAGE_FACET_NAME = 'Språk';
export const LANGUAGES: Record<string, string> = {
  nb: 'Norsk', en: 'Engelsk', se: 'Nordsamisk', pl: 'Polsk', ar: 'Arabisk', so: 'Somali', uk: 'Ukrainsk', fa: 'Persisk',
};

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
