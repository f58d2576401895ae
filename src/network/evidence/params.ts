// Query schemas of the library's pages (Norwegian parameter names, they are in the address bar) and
// of its API (English, like the rest of /api/v1).
import { Type } from '@sinclair/typebox';
import { DESIGNS, OUTCOMES, POPULATIONS } from './model.ts';

/** A string from a fixed list, as one JSON Schema enum. */
const OneOf = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const PageQuery = Type.Object({
  design: Type.Optional(OneOf(DESIGNS, 'Study design')),
  populasjon: Type.Optional(OneOf(POPULATIONS, 'Population')),
  utfall: Type.Optional(OneOf(OUTCOMES, 'Outcome reported')),
  importert: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  hoppet: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});

export const ApiQuery = Type.Object({
  design: Type.Optional(OneOf(DESIGNS, 'Only entries of this study design')),
  population: Type.Optional(OneOf(POPULATIONS, 'Only entries about this population; rus and mental_health include entries about both')),
  outcome: Type.Optional(OneOf(OUTCOMES, 'Only entries that report this outcome')),
}, { additionalProperties: false });

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApiEntry = Type.Object({
  key: Type.String({ description: 'Citation key; cite it as @key' }),
  kind: Type.String({ enum: ['study', 'guideline', 'resource'] }),
  title: Type.String(),
  authors: Type.Array(Type.Object({ family: Type.Optional(Type.String()), given: Type.Optional(Type.String()), literal: Type.Optional(Type.String()) })),
  authors_incomplete: Type.Boolean({ description: 'Only some authors are known (the source shows "et al.")' }),
  year: Nullable(Type.Integer()),
  container_title: Type.String({ description: 'Journal, or publisher when there is no journal' }),
  doi: Nullable(Type.String({ description: 'Normalised: lower case, without resolver' })),
  url: Nullable(Type.String()),
  design: Nullable(Type.String({ enum: [...DESIGNS] })),
  population: Nullable(Type.String({ enum: [...POPULATIONS] })),
  setting: Type.String(),
  outcomes: Type.Array(Type.String({ enum: [...OUTCOMES] })),
  main_finding: Type.String({ description: 'Written by the network, in Norwegian; empty when not registered' }),
  effect_size: Type.String({ description: 'Only as the source reports it; empty when none' }),
  effect_size_source: Type.String({ description: 'Where in the source the effect size is reported' }),
  checked: Type.Boolean({ description: 'false = "ikke kontrollert": not yet checked against the source by the secretariat' }),
  checked_at: Nullable(Type.String({ format: 'date-time' })),
  page: Type.String({ description: 'The entry page' }),
});
