import { nb } from '../../platform/i18n/nb.ts';
import { nameUuid } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { TAXONOMY_URI } from '../taxonomy.ts';

/**
 * Samklang's HSDS profile. HSDS profiles change the canonical schemas with JSON merge patches
 * (RFC 7386), one per schema file; ours constrains a few fields and documents how our own facts
 * travel as attributes, so every document we serve also validates against the canonical schemas.
 */
export const HSDS_VERSION = '3.0';

/**
 * Facts of ours that HSDS has no field for travel as attributes of one small taxonomy. They are
 * not stored as attribute rows: export derives them from our columns and import maps them back.
 */
export const DATA_TAXONOMY = {
  id: nameUuid('hsds-profile:taxonomy:data'),
  name: nb.openData.dataTaxonomy.name,
  description: nb.openData.dataTaxonomy.description,
  uri: `${TAXONOMY_URI}/data`,
  version: '1',
};

/**
 * A service's text in another language than the bokmål of its fields (issue #17): HSDS 3.0 has no
 * translations of a field (its `language` rows say which languages a service is delivered in, not
 * which its text is written in), so each translated field travels as a data attribute of its own,
 * one term per field and language, with the text as value: `translation:description:en`.
 */
export const TRANSLATED_FIELDS = ['name', 'description', 'application_process'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
/** The languages the profile has terms for: the site's two others, and the three Sámi languages with official status in Norway. */
export const PROFILE_TRANSLATION_LANGUAGES = ['nn', 'en', 'se', 'sma', 'smj'] as const;
export type TranslationCode = `translation:${TranslatedField}:${string}`;
export const translationCode = (field: TranslatedField, language: string): TranslationCode => `translation:${field}:${language}`;

export type DataTermCode = 'demo' | 'skjermet' | 'kommunenummer' | 'arsverk' | TranslationCode;

interface DataTerm {
  code: DataTermCode;
  name: string;
  description: string;
  /** the entities the attribute may be attached to */
  entities: string[];
}

const DATA_TERMS: DataTerm[] = [
  { code: 'demo', ...nb.openData.dataTaxonomy.terms.demo, entities: ['organization', 'service', 'location'] },
  { code: 'skjermet', ...nb.openData.dataTaxonomy.terms.skjermet, entities: ['location'] },
  { code: 'kommunenummer', ...nb.openData.dataTaxonomy.terms.kommunenummer, entities: ['location'] },
  { code: 'arsverk', ...nb.openData.dataTaxonomy.terms.arsverk, entities: ['service'] },
  ...PROFILE_TRANSLATION_LANGUAGES.flatMap((language) => TRANSLATED_FIELDS.map((field): DataTerm => {
    const t = nb.openData.dataTaxonomy.translation;
    const [fieldName, languageName] = [t.fields[field] ?? field, t.languages[language] ?? language];
    const name = t.name(fieldName, languageName);
    return { code: translationCode(field, language), name: name.charAt(0).toUpperCase() + name.slice(1), description: t.description(fieldName, languageName, language), entities: ['service'] };
  })),
];

export interface DataTermRow {
  id: string;
  code: DataTermCode;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  term_uri: string;
  parent_id: null;
  entities: string[];
}

export const DATA_TERM_ROWS: DataTermRow[] = DATA_TERMS.map((term) => ({
  id: nameUuid(`hsds-profile:term:${term.code}`), code: term.code, name: term.name, description: term.description,
  taxonomy: 'data', taxonomy_id: DATA_TAXONOMY.id, language: 'nb', term_uri: `${DATA_TAXONOMY.uri}/${term.code.replace(/:/g, '/')}`, parent_id: null,
  entities: term.entities,
}));
export const DATA_TERM_BY_CODE = new Map(DATA_TERM_ROWS.map((row) => [row.code, row]));
export const DATA_TERM_BY_ID = new Map(DATA_TERM_ROWS.map((row) => [row.id, row]));

/** The field and language of a translation term, or null for the other data terms. */
export function translationOf(code: DataTermCode): { field: TranslatedField; language: string } | null {
  const [kind, field, language] = code.split(':');
  return kind === 'translation' && field && language ? { field: field as TranslatedField, language } : null;
}

/** The stable id of a data attribute, so export → import → export gives the same ids. */
export const dataAttributeId = (code: DataTermCode, entityId: string) => nameUuid(`hsds-profile:attr:${code}:${entityId}`);

const attributesNote = (what: string) =>
  `${what} Samklang's classification (${TAXONOMY_URI}) travels as attributes whose taxonomy_term is a term of one of its taxonomies; ` +
  `Samklang's own facts travel as attributes of the taxonomy ${DATA_TAXONOMY.uri} (demo, skjermet, kommunenummer, arsverk) with the fact in value; ` +
  `a service's name, description and application_process in another language than Norwegian Bokmal (nb, the language of its fields) as attributes translation:<field>:<BCP 47 tag> of the same taxonomy, with the text in value.`;

/** The merge patches of the profile, keyed by the canonical schema file they apply to. */
export const PROFILE_PATCHES: Record<string, Record<string, unknown>> = {
  'service.json': {
    description: 'A music-therapy offer in substance-use or mental-health services in Norway (Samklang profile).',
    required: ['id', 'name', 'status', 'organization_id', 'description'],
    properties: {
      attributes: { description: attributesNote('Classification and Samklang facts of the service.') },
      minimum_age: { minimum: 0, maximum: 120 },
      maximum_age: { minimum: 0, maximum: 120 },
    },
  },
  'location.json': {
    description:
      'A place a service is offered (Samklang profile). A confidential location (attribute skjermet) is served with its id, ' +
      'location_type, organization_id, contact points and attributes only: no address, coordinates, description, transport, web address ' +
      'or accessibility details, and a name only when its editor marked the name safe to show; attribute kommunenummer says which municipality.',
    properties: {
      latitude: { minimum: -90, maximum: 90, description: 'WGS 84 latitude' },
      longitude: { minimum: -180, maximum: 180, description: 'WGS 84 longitude' },
      attributes: { description: attributesNote('Accessibility terms and Samklang facts of the location.') },
    },
  },
  'address.json': {
    properties: {
      country: { description: 'ISO 3166-1 alpha-2 country code; NO for Norway', pattern: '^[A-Z]{2}$' },
      state_province: { description: 'For Norway: the county (fylke)' },
    },
    if: { properties: { country: { const: 'NO' } } },
    then: { properties: { postal_code: { pattern: '^[0-9]{4}$', description: 'Norwegian postal code: four digits' } } },
  },
  'organization_identifier.json': {
    properties: {
      identifier_scheme: { description: 'NO-BRC (the Brønnøysund Register Centre) for Norwegian organisation numbers' },
      identifier_type: { description: 'organisasjonsnummer for Norwegian organisation numbers (9 digits)' },
    },
  },
  'attribute.json': {
    properties: {
      link_entity: { enum: ['service', 'location', 'organization', 'service_at_location'] },
      link_type: { description: 'classification (Samklang facets on a service), accessibility (on a location) or data (Samklang facts)' },
    },
  },
  'taxonomy_term.json': {
    properties: { language: { description: 'ISO 639-1 code of the term text; nb (Norwegian bokmål) for Samklang terms' } },
  },
};

/** The document the profile URI answers with. */
export function profileDocument(baseUrl: string) {
  return {
    name: 'Samklang HSDS 3.0 profile',
    uri: `${baseUrl}${paths.hsds.profile}`,
    hsds_version: HSDS_VERSION,
    description:
      'Music-therapy offers in substance-use and mental-health services in Norway. JSON merge patches (RFC 7386) over the canonical ' +
      'HSDS 3.0 schemas, one per schema file; the taxonomies are served at /hsds/taxonomies.',
    taxonomies: [`${TAXONOMY_URI}/{facet}`, DATA_TAXONOMY.uri],
    patches: PROFILE_PATCHES,
  };
}
