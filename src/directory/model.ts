import type { ServiceStatus } from '../platform/db/index.ts';
import { hasControlCharacter } from '../platform/text.ts';

/** A service with everything that belongs to it, as written by the demo generator, import and forms. */
export interface ServiceAggregate {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  status: ServiceStatus;
  email: string | null;
  url: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  waitTime: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredDate: string | null;
  /** music-therapist capacity in full-time equivalents (årsverk) */
  fte: number | null;
  isDemo: boolean;
  /** taxonomy keys such as "niva:lavterskel" (see taxonomy.ts) */
  terms: string[];
  /** ISO 639-1 codes */
  languages: string[];
  phones: { number: string; description: string | null }[];
  contacts: { name: string | null; title: string | null; email: string | null }[];
  schedules: { byday: string; opensAt: string; closesAt: string; description: string | null }[];
  locations: LocationAggregate[];
  /** the service's own text in other languages than bokmål, one per language, sorted by language (migration 0031) */
  translations: ServiceTranslation[];
}

/**
 * A service's text in another language: the name where it differs, the description and how to get
 * in (applicationProcess); null where that field is not translated. `language` is a BCP 47 tag (nn, en, …).
 */
export interface ServiceTranslation {
  language: string;
  name: string | null;
  description: string | null;
  applicationProcess: string | null;
}

/** The languages a translation may be in: a BCP 47 tag, never nb (the service's own text is bokmål). */
export const TRANSLATION_LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$';
export const isTranslationLanguage = (code: string): boolean => new RegExp(TRANSLATION_LANGUAGE_PATTERN).test(code) && code !== 'nb';

/** The language the service's own text (the service row) is written in. */
export const ORIGINAL_TEXT_LANGUAGE = 'nb';

/**
 * A text of a service in the reader's language where it has one, else its own (bokmål) text, with
 * the language it is in, for the page's lang attribute.
 */
export function textIn<K extends 'name' | 'description' | 'applicationProcess'>(
  service: { translations?: ServiceTranslation[] | undefined } & Record<K, string | null>, field: K, language: string,
): { text: string | null; language: string } {
  const translated = language === ORIGINAL_TEXT_LANGUAGE ? undefined : service.translations?.find((t) => t.language === language)?.[field];
  return translated ? { text: translated, language } : { text: service[field], language: ORIGINAL_TEXT_LANGUAGE };
}

export interface LocationAggregate {
  id: string;
  name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  /** address hidden from the public; the contact point is shown instead (see location-view.ts) */
  isConfidential: boolean;
  /** a confidential location's name may be shown: its editor says the name gives nothing away (default hidden) */
  nameShown: boolean;
  municipalityNumber: string | null;
  address: { address1: string; postalCode: string; city: string; stateProvince: string } | null;
  /** taxonomy keys of the tilgjengelighet facet */
  accessibility: string[];
  accessibilityDescription: string | null;
}

export interface OrganizationAggregate {
  id: string;
  name: string;
  description: string;
  email: string | null;
  website: string | null;
  /** Norwegian organisation number (organisasjonsnummer), 9 digits */
  organizationNumber: string | null;
  isDemo: boolean;
}

/**
 * A web address the directory may store and link to: http or https with a host, no whitespace or
 * control characters. Anything else (javascript:, data:, vbscript:, file:, a relative path) is
 * refused wherever a link comes in (self-service forms, imports) and never rendered as a link.
 * The same rule as a pattern, for schemas (TypeBox, the import's columns), and as a function.
 */
export const WEB_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@\\\\]+([/?#][^\\s]*)?$';
const WEB_URL = new RegExp(WEB_URL_PATTERN);

export function isWebUrl(value: string): boolean {
  if (!WEB_URL.test(value) || hasControlCharacter(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A stored link as the public gets it: a web address, or nothing (one stored before the rule held may have any scheme). */
export const publicWebUrl = (value: string | null): string | null => (value !== null && isWebUrl(value) ? value : null);

/** An email address as the directory stores one (also what a mailto: link may carry). */
export const EMAIL_PATTERN = '^[^@\\s:/?#&<>"\\\\]+@[^@\\s:/?#&<>"\\\\]+\\.[^@\\s:/?#&<>"\\\\]+$';
export const isEmailAddress = (value: string): boolean => new RegExp(EMAIL_PATTERN).test(value) && !hasControlCharacter(value);

/**
 * The chain of organisations that would lead from `id` back to itself through
 * parent_organization_id (an organisation its own ancestor), or null when there is none. `parentOf`
 * answers for every organisation: what a form or file would write, else what is stored. Imports
 * call this for each organisation they write (the database refuses a cycle too, see migration 0012).
 */
export function parentCycleOf(id: string, parentOf: (id: string) => string | null | undefined): string[] | null {
  const chain = [id];
  const seen = new Set(chain);
  for (let parent = parentOf(id); parent; parent = parentOf(parent)) {
    if (parent === id) return [...chain, id];
    // a loop above this organisation that does not pass through it is that organisation's problem
    if (seen.has(parent)) return null;
    seen.add(parent);
    chain.push(parent);
  }
  return null;
}
