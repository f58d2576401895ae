import { currentLanguage, LOCALE_TAG, type Language } from './language.ts';

/**
 * Dates, numbers and plurals in the reader's language, through Intl. Formatters are made once per
 * language and kind: making one costs far more than using it. Times are always Europe/Oslo.
 */
function perLanguage<T>(make: (tag: string) => T): () => T {
  const made = new Map<Language, T>();
  return () => {
    const language = currentLanguage();
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(LOCALE_TAG[language])));
    return formatter;
  };
}

const date = perLanguage((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }));
const dateTime = perLanguage((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }));
const integer = perLanguage((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }));
const plurals = perLanguage((tag) => new Intl.PluralRules(tag));

/** Days already written, per language: a finder page writes the same few dates many times, and each Intl format with a time zone costs. */
const daysWritten = perLanguage(() => new Map<string, string>());

/** A date (e.g. 3. mars 2026 / 3 March 2026); a 'YYYY-MM-DD' string is that day in Oslo. */
export function formatDate(value: string | Date): string {
  if (typeof value !== 'string') return date().format(value);
  const written = daysWritten();
  let text = written.get(value);
  if (text === undefined) {
    text = date().format(new Date(`${value}T12:00:00Z`));
    if (written.size >= 5000) written.clear();
    written.set(value, text);
  }
  return text;
}

/** A moment to the minute, in Europe/Oslo. */
export const formatDateTime = (value: Date): string => dateTime().format(value);

/** A whole number with the language's grouping (12 345 / 12,345). */
export const formatInteger = (value: number): string => integer().format(value);

/** The reader's BCP 47 tag, for an Intl formatter this file does not have. */
export const localeTag = (): string => LOCALE_TAG[currentLanguage()];

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the reader's style with the given Intl options (formatters cached per language and options). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${currentLanguage()}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(localeTag(), options)));
  return format.format(value);
}

/** A number with a fixed count of decimals in the language's style (3,5 / 3.5). */
export const formatDecimal = (value: number, digits = 1): string => formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });

const lists = perLanguage((tag) => new Intl.ListFormat(tag, { type: 'conjunction' }));
/** A list joined the reader's way («A, B og C» / "A, B and C"). */
export const formatList = (items: readonly string[]): string => lists().format(items);

/** The plural category of a count in the reader's language ('one' | 'other' for nb, nn and en). */
export const pluralOf = (count: number): Intl.LDMLPluralRule => plurals().select(count);

/**
 * Place names sort by Norwegian rules in every language (Æ, Ø, Å last; Aa as Å is not applied):
 * an English reader looks for «Ålesund» where a Norwegian list puts it.
 */
export const placeCollator = new Intl.Collator('nb-NO', { sensitivity: 'base', numeric: true });
