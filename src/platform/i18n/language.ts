import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The languages Samklang speaks: bokmål (the default and the catalogue every other copies in shape),
 * nynorsk and English. The code is the ISO 639-1 code used in `lang`, `hreflang` and `?lang=`.
 */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

/**
 * The query parameter that chooses the page's language (and remembers it in the cookie). Not
 * `sprak`: that is the finder's filter on the language an offer is given in (taxonomy.ts).
 */
export const LANGUAGE_PARAM = 'lang';
/** The cookie that remembers the reader's choice: only the code, nothing else. */
export const LANGUAGE_COOKIE = 'lang';

/** Each language named in itself, as a language switch shows it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** The BCP 47 tags handed to Intl for each language: Norwegian formats for both written standards, British English. */
export const LOCALE_TAG: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** What one request reads in: the language and the address it asked for (for the switch and hreflang). */
export interface LanguageScope {
  language: Language;
  /** path and query of the request, as sent */
  url: string;
  /** the site's public origin (PUBLIC_URL), for absolute addresses such as hreflang alternates */
  origin?: string;
}

const scope = new AsyncLocalStorage<LanguageScope>();

/** The language of the request (or job) being served; bokmål outside any. */
export function currentLanguage(): Language {
  return scope.getStore()?.language ?? DEFAULT_LANGUAGE;
}

/** The address of the request being served, for links that keep the page (the switch, hreflang). */
export function currentUrl(): string {
  return scope.getStore()?.url ?? '/';
}

/** Runs `work` in a language: a request's handling, or a job writing mail in its recipient's language. */
export function withLanguage<T>(language: Language, work: () => T, url = '/', origin?: string): T {
  return scope.run({ language, url, ...(origin ? { origin } : {}) }, work);
}

/** The site's public origin for the request being served ('' outside one). */
export function currentOrigin(): string {
  return scope.getStore()?.origin ?? '';
}

/**
 * The reader's language for a request. `?lang=` wins (and is remembered); then the remembered
 * choice; then the best of Accept-Language (q-values honoured; "no" and "nb" read as bokmål, "nn"
 * as nynorsk, any "en" as English); bokmål when nothing matches.
 */
export function chooseLanguage(input: { param?: unknown; cookie?: string | undefined; acceptLanguage?: string | undefined }): {
  language: Language;
  /** the choice came from `?lang=` and should be remembered */
  chosen: boolean;
} {
  if (isLanguage(input.param)) return { language: input.param, chosen: true };
  if (isLanguage(input.cookie)) return { language: input.cookie, chosen: false };
  return { language: fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANGUAGE, chosen: false };
}

function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of ranges) {
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'nn') return 'nn';
    if (primary === 'en') return 'en';
  }
  return undefined;
}

/** The same address in another language: `?lang=` set, every other parameter kept in order. */
export function urlInLanguage(url: string, language: Language): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set(LANGUAGE_PARAM, language);
  return `${parsed.pathname}${parsed.search}`;
}
