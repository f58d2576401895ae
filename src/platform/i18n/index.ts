import type { Catalogue } from './catalogue.ts';
import { nb, type Messages } from './nb.ts';
import { nn } from './nn.ts';
import { en } from './en.ts';
import { currentLanguage, type Language } from './language.ts';

export type { Catalogue } from './catalogue.ts';
export { nb, type Messages } from './nb.ts';
export { formatDate, formatDateTime, formatDecimal, formatInteger, formatList, formatNumber, localeTag, placeCollator, pluralOf } from './format.ts';
export { currentLanguage, currentUrl, LANGUAGES, withLanguage, type Language } from './language.ts';

/**
 * Every language's catalogue that is complete, keyed by language code. A language is offered (in
 * the switch, to `?lang=`, the cookie and Accept-Language) only once its catalogue is here, and a
 * catalogue is only accepted here when it satisfies Catalogue: every key, every function's arguments.
 */
export const catalogues: { readonly [L in Language]?: Catalogue } & { readonly nb: Messages } = { nb, nn, en };

const ORDER: Language[] = ['nb', 'nn', 'en'];

/** The languages a reader can choose today, in the switch's order. */
export const offeredLanguages = (Object.keys(catalogues) as Language[]).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));

export function isOffered(language: Language): boolean {
  return catalogues[language] !== undefined;
}

/** The catalogue of a language (bokmål for one not offered). */
export function messagesFor(language: Language): Catalogue {
  return catalogues[language] ?? catalogues.nb;
}

/**
 * The reader's catalogue: the text of the request or job being served, in its language. Views read
 * `msg.area.key` as they read a constant; the language comes from the request (see language.ts), so
 * no prop has to carry it.
 *
 * Every object in it is read live: `const m = msg.networkMembers` at module level is a view of that
 * area that answers in the language of whoever reads `m.title` later. Texts, lists and functions
 * are values: a constant made of one when a module loads (`const TITLE = msg.x.title`) is frozen in
 * bokmål, so read texts inside functions.
 */
const views = new Map<string, object>();

export const msg: Catalogue = areaView([]) as Catalogue;

function resolve(path: readonly PropertyKey[]): unknown {
  let value: unknown = messagesFor(currentLanguage());
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

function isArea(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function areaView(path: readonly PropertyKey[]): object {
  const id = path.map(String).join('\u0000');
  const known = views.get(id);
  if (known) return known;
  const view = new Proxy(Object.create(null) as object, {
    get(_target, key) {
      const value = (resolve(path) as Record<PropertyKey, unknown> | undefined)?.[key];
      return isArea(value) ? areaView([...path, key]) : value;
    },
    has: (_target, key) => isArea(resolve(path)) && key in (resolve(path) as object),
    ownKeys: () => (isArea(resolve(path)) ? Reflect.ownKeys(resolve(path) as object) : []),
    getOwnPropertyDescriptor(_target, key) {
      const area = resolve(path);
      if (!isArea(area)) return undefined;
      const descriptor = Reflect.getOwnPropertyDescriptor(area, key);
      if (!descriptor) return undefined;
      const value = isArea(descriptor.value) ? areaView([...path, key]) : descriptor.value;
      return { value, writable: false, enumerable: descriptor.enumerable, configurable: true };
    },
  });
  views.set(id, view);
  return view;
}
