import type { Messages } from './nb.ts';

/**
 * The shape every language's catalogue must have: the keys of the bokmål catalogue, with each text
 * a string (not the literal bokmål string) and each function taking the same arguments. A nynorsk or
 * English catalogue is written `export const nn = { … } as const satisfies Catalogue;`, so a
 * missing key, a misspelt key or a function with other arguments fails `npm run typecheck`.
 */
export type Catalogue = Widen<Messages>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer E)[]
      ? readonly Widen<E>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;
