// Query and body schemas of the atlas's pages and API. Page parameters are Norwegian words (they
// are in the address bar); API parameters are English, like the rest of /api/v1.
import { Kind, Type, TypeRegistry, type Static } from '@sinclair/typebox';
import { HEALTH_REGIONS, MunicipalityNumber } from '../reference/index.ts';
import { MAX_POSITIONS } from './planning.ts';
import { LEVEL_CHOICES, SERVICE_LEVEL_CODES } from './snapshot-model.ts';
import { API_DECAYS, BETA_RANGE, CATCHMENT_RANGE, PAGE_DECAYS, PAGE_METHODS } from './method-choice.ts';

// A string from a fixed list as one JSON Schema enum, so a bad value gives one clear error. The
// registered kind lets TypeBox's own Value.Check validate it too (the forms use that, Fastify uses Ajv).
const ENUM_KIND = 'CoverageEnum';
if (!TypeRegistry.Has(ENUM_KIND)) {
  TypeRegistry.Set<{ enum: unknown[] }>(ENUM_KIND, (schema, value) => typeof value === 'string' && schema.enum.includes(value));
}
const oneOf = <T extends string>(values: readonly T[], options: { description?: string; default?: T } = {}) =>
  Type.Unsafe<T>({ [Kind]: ENUM_KIND, type: 'string', enum: [...values], ...options });

export const INDICATORS = ['tilgang', 'arsverk', 'innbyggere', 'avstand', 'mangel'] as const;
export type Indicator = (typeof INDICATORS)[number];
export const PAGE_LEVELS = ['alle', ...SERVICE_LEVEL_CODES] as const;
export const SORT_KEYS = ['kommune', 'fylke', 'folketall', 'arsverk', 'per10k', 'innbyggere', 'tilgang', 'avstand', 'mangel'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DIRECTIONS = ['stigende', 'synkende'] as const;
const REGION_CODES = HEALTH_REGIONS.map((r) => r.code);
const COUNTY = Type.String({ pattern: '^[0-9]{2}$' });
/** Up to 20 characters: what a person might type as a number of FTE ("0,5"); parsed after. */
const TYPED = Type.String({ maxLength: 20 });

/** The page keeps unknown parameters (old links, tracking tags) instead of failing on them. */
export const AtlasQuerySchema = Type.Object({
  indikator: Type.Optional(oneOf(INDICATORS)),
  niva: Type.Optional(oneOf(PAGE_LEVELS)),
  helseregion: Type.Optional(oneOf(REGION_CODES)),
  fylke: Type.Optional(COUNTY),
  sorter: Type.Optional(oneOf(SORT_KEYS)),
  retning: Type.Optional(oneOf(DIRECTIONS)),
  metode: Type.Optional(oneOf(PAGE_METHODS)),
  vekt: Type.Optional(oneOf(PAGE_DECAYS)),
  /** Typed numbers ("1,5"): read and checked after the schema, so the message can say what to write. */
  beta: Type.Optional(TYPED),
  radius: Type.Optional(TYPED),
}, { additionalProperties: true });
export type AtlasQuery = Static<typeof AtlasQuerySchema>;

/** What "Beste neste plassering" improves: naerhet (people newly within reach, the default), tilgang, gini. */
export const PAGE_OBJECTIVES = ['naerhet', 'tilgang', 'gini'] as const;
export const OBJECTIVES = ['reach', 'accessibility', 'gini'] as const;
export type Objective = (typeof OBJECTIVES)[number];
export const toObjective = (mal: string | undefined): Objective => (mal === 'tilgang' ? 'accessibility' : mal === 'gini' ? 'gini' : 'reach');

export const ScenarioQuerySchema = Type.Object({
  niva: Type.Optional(oneOf(PAGE_LEVELS)),
  kommune: Type.Optional(Type.Array(Type.String({ maxLength: 4 }), { maxItems: MAX_POSITIONS })),
  arsverk: Type.Optional(Type.Array(TYPED, { maxItems: MAX_POSITIONS })),
  stillingsniva: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: MAX_POSITIONS })),
  breddegrad: Type.Optional(Type.Array(TYPED, { maxItems: MAX_POSITIONS })),
  lengdegrad: Type.Optional(Type.Array(TYPED, { maxItems: MAX_POSITIONS })),
  rader: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POSITIONS })),
}, { additionalProperties: true });
export type ScenarioQuery = Static<typeof ScenarioQuerySchema>;

export const PlacementQuerySchema = Type.Object({
  niva: Type.Optional(oneOf(PAGE_LEVELS)),
  antall: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POSITIONS })),
  arsverk: Type.Optional(TYPED),
  mal: Type.Optional(oneOf(PAGE_OBJECTIVES)),
}, { additionalProperties: true });
export type PlacementQuery = Static<typeof PlacementQuerySchema>;

export const MunicipalityQuerySchema = Type.Object({ niva: Type.Optional(oneOf(PAGE_LEVELS)) }, { additionalProperties: true });

/** One planned position: the same rules for the API body and the page form. */
export const PositionSchema = Type.Object({
  municipality: MunicipalityNumber({ description: 'Municipality number (2024 division); the position is placed at its interior point' }),
  fte: Type.Number({ exclusiveMinimum: 0, maximum: 10, description: 'Full-time equivalents (årsverk), more than 0 and at most 10' }),
  level: oneOf(SERVICE_LEVEL_CODES, { description: 'Service level of the position' }),
}, { additionalProperties: false });

/** Mainland Norway's extent, as in planning.ts; a point must also lie within 50 km of people. */
export const LatSchema = Type.Number({ minimum: 57.8, maximum: 71.3, description: 'Latitude, WGS84 degrees (mainland Norway: 57.8–71.3)' });
export const LonSchema = Type.Number({ minimum: 4.4, maximum: 31.3, description: 'Longitude, WGS84 degrees (mainland Norway: 4.4–31.3)' });

/** A position at coordinates instead of a municipality. */
export const CoordinatePositionSchema = Type.Object({
  lat: LatSchema,
  lon: LonSchema,
  fte: PositionSchema.properties.fte,
  level: PositionSchema.properties.level,
}, { additionalProperties: false });

export const ScenarioBodySchema = Type.Object({
  level: Type.Optional(oneOf(LEVEL_CHOICES, { description: 'Which supply to compare: all levels (default) or one; positions of another level are left out' })),
  positions: Type.Array(Type.Union([PositionSchema, CoordinatePositionSchema]), {
    minItems: 1, maxItems: MAX_POSITIONS,
    description: 'Each position either in a municipality (placed at its population centre) or at coordinates in Norway',
  }),
}, { additionalProperties: false });

export const PlacementBodySchema = Type.Object({
  level: Type.Optional(oneOf(LEVEL_CHOICES, { description: 'Which supply to place for: all levels (default) or one' })),
  k: Type.Integer({ minimum: 1, maximum: MAX_POSITIONS, description: 'How many positions to place, one after another' }),
  fte: PositionSchema.properties.fte,
  objective: Type.Optional(oneOf(OBJECTIVES, {
    description: 'reach (default): most people newly within the catchment distance of an offer, ties broken by the fall in population-weighted distance; accessibility: population-weighted mean score; gini: lowest Gini',
  })),
}, { additionalProperties: false });
export type PlacementBody = Static<typeof PlacementBodySchema>;

export const PlanningFormatQuerySchema = Type.Object({
  format: Type.Optional(oneOf(['json', 'csv'] as const, { description: 'json (default) or csv (UTF-8 with BOM)' })),
  delimiter: Type.Optional(oneOf(['comma', 'semicolon'] as const, { description: 'For csv: comma (default) or semicolon with decimal commas' })),
}, { additionalProperties: false });

export const PlacementCsvQuerySchema = Type.Object({
  level: Type.Optional(PlacementBodySchema.properties.level),
  k: Type.Optional(PlacementBodySchema.properties.k),
  fte: Type.Optional(PlacementBodySchema.properties.fte),
  objective: Type.Optional(PlacementBodySchema.properties.objective),
  delimiter: PlanningFormatQuerySchema.properties.delimiter,
}, { additionalProperties: false });
export type ScenarioBody = Static<typeof ScenarioBodySchema>;

export const UNITS = ['municipality', 'county', 'health_region', 'national'] as const;
export type Unit = (typeof UNITS)[number];
export const CSV_TABLES = ['units', 'lorenz', 'theil', 'snapshots'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The method a reader may choose, in the API's words (see method-choice.ts and docs/coverage.md). */
export const MethodQueryProperties = {
  method: Type.Optional(oneOf(PAGE_METHODS, { description: 'e2sfca (default; distance-weighted), 2sfca (everyone within the catchment counts the same) or 3sfca (demand shared between nearby offers)' })),
  decay: Type.Optional(oneOf(API_DECAYS, { description: 'step (default: weights 1, 0.68, 0.22 over three equal bands of the catchment), gaussian (sigma = catchment / 3) or gravity (distance^-beta); ignored by 2sfca' })),
  beta: Type.Optional(Type.Number({ minimum: BETA_RANGE.min, maximum: BETA_RANGE.max, description: 'Gravity exponent (default 1.5); used only with decay=gravity' })),
  catchment_km: Type.Optional(Type.Integer({ minimum: CATCHMENT_RANGE.min, maximum: CATCHMENT_RANGE.max, description: 'Longest distance that counts (default 60; minutes with a travel-time matrix)' })),
};

export const CoverageQuerySchema = Type.Object({
  level: Type.Optional(oneOf(LEVEL_CHOICES, { description: 'all (default) or one service level' })),
  ...MethodQueryProperties,
  unit: Type.Optional(oneOf(UNITS, { description: 'municipality (default), county, health_region or national' })),
  health_region: Type.Optional(oneOf(REGION_CODES, { description: 'Only units in this health region' })),
  county: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Only units in this county (two-digit number)' })),
}, { additionalProperties: false });
export type CoverageQuery = Static<typeof CoverageQuerySchema>;

export const CoverageCsvQuerySchema = Type.Object({
  ...CoverageQuerySchema.properties,
  table: Type.Optional(oneOf(CSV_TABLES, { description: 'units (default: the unit table), lorenz (curve points), theil (by health region) or snapshots (history)' })),
  delimiter: Type.Optional(oneOf(['comma', 'semicolon'] as const, { description: 'comma (default) or semicolon; with semicolon, decimals use a comma as Norwegian spreadsheets expect' })),
}, { additionalProperties: false });
export type CoverageCsvQuery = Static<typeof CoverageCsvQuerySchema>;

export const toLevel = (niva: string | undefined) => (niva === undefined || niva === 'alle' ? 'all' : niva) as (typeof LEVEL_CHOICES)[number];
export const toPageLevel = (level: (typeof LEVEL_CHOICES)[number]) => (level === 'all' ? 'alle' : level);
