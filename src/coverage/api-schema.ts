// OpenAPI shapes of /api/v1/coverage and its scenario endpoint.
import { Type, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Shortage = Type.Union([Type.Literal('none'), Type.Literal('moderate'), Type.Literal('severe')]);
const ShortageCounts = Type.Object({ none: Type.Integer(), moderate: Type.Integer(), severe: Type.Integer() });

export const UnitSchema = Type.Object({
  unit: Type.String({ description: 'municipality, county, health_region or national' }),
  id: Type.String({ description: 'Municipality number, county number, health region code, or NO' }),
  name: Type.String(),
  county_number: Nullable(Type.String()),
  county_name: Nullable(Type.String()),
  health_region_code: Nullable(Type.String()),
  population: Nullable(Type.Integer({ description: 'null: the population figure is missing (never read as 0)' })),
  population_date: Nullable(Type.String({ format: 'date' })),
  members: Type.Integer({ description: 'Municipalities in the unit' }),
  members_missing_population: Type.Integer({ description: 'Municipalities without a population figure, left out of ratios and shares' }),
  fte: Type.Number({ description: 'Music-therapist FTE (årsverk) at physical offers in the unit' }),
  services: Type.Integer({ description: 'Physical offers (places) in the unit' }),
  digital_offers: Type.Integer({ description: 'Digital offers whose provider is based in the unit; counted apart from every spatial measure' }),
  fte_per_10k: Nullable(Type.Number()),
  population_per_fte: Nullable(Type.Number({ description: 'null when there is no FTE (or no population figure)' })),
  accessibility: Nullable(Type.Number({ description: 'E2SFCA: FTE per 10,000 inhabitants within reach (population-weighted mean for groups)' })),
  catchment_population_per_fte: Nullable(Type.Number()),
  nearest_distance: Nullable(Type.Number({ description: 'Municipalities only: distance to the nearest physical offer, in distance.unit' })),
  shortage: Nullable(Shortage),
  shortage_counts: Nullable(ShortageCounts),
  gini: Nullable(Type.Number()),
  without_offer: Nullable(Type.Array(Type.Object({ threshold: Type.Number(), population: Type.Number(), share: Nullable(Type.Number()) }))),
});

const DistanceSchema = Type.Object({
  kind: Type.String({ description: 'great-circle (straight line from interior points) or travel-time (a loaded matrix)' }),
  unit: Type.String({ description: 'km or min; every distance and distance threshold uses it' }),
  matrix: Nullable(Type.Object({ rows: Type.Integer(), source_name: Type.String(), loaded_at: Type.String({ format: 'date-time' }) })),
});

export const CoverageResponseSchema = Type.Object({
  data_version: Type.String({ description: 'Changes whenever services, population, reference data or travel times change' }),
  computed_at: Type.String({ format: 'date-time' }),
  data_modified: Nullable(Type.String({ format: 'date-time', description: 'Newest change to a published service' })),
  population_date: Nullable(Type.String({ format: 'date' })),
  level: Type.String(),
  unit: Type.String(),
  distance: DistanceSchema,
  method: Type.String(),
  items: Type.Array(UnitSchema),
  national: UnitSchema,
  digital: Type.Object({ offers: Type.Integer(), fte: Type.Number(), by_level: Type.Record(Type.String(), Type.Integer()) }),
  sources: Type.Array(Type.String()),
});

const Delta = Type.Object({ before: Nullable(Type.Number()), after: Nullable(Type.Number()), change: Nullable(Type.Number()) });

export const ScenarioResponseSchema = Type.Object({
  data_version: Type.String(),
  positions: Type.Array(Type.Object({
    municipality: Type.String({ description: 'The municipality the position counts in (for coordinates: that of the nearest populated cell)' }),
    lat: Type.Number(), lon: Type.Number(), fte: Type.Number(), level: Nullable(Type.String()),
  }), { description: 'Where each position was placed' }),
  level: Type.String(),
  distance: DistanceSchema,
  positions_used: Type.Integer({ description: 'Positions of the compared level (all when level is all)' }),
  national: Type.Object({
    mean_accessibility: Delta,
    gini: Delta,
    theil: Delta,
    theil_between: Delta,
    theil_within: Delta,
    fte: Delta,
    reachable_fte: Delta,
    without_offer: Type.Array(Type.Object({ threshold: Type.Number(), population: Delta, share: Delta })),
    shortage_counts: Type.Record(Type.String(), Delta),
  }),
  municipalities: Type.Array(Type.Object({
    number: Type.String(),
    name: Type.String(),
    accessibility: Delta,
    nearest_distance: Delta,
    shortage_before: Shortage,
    shortage_after: Shortage,
  }), { description: 'Municipalities whose accessibility, nearest distance or shortage class changed' }),
});

const Outcome = {
  newly_within_population: Type.Number({ description: 'Inhabitants with no offer within `reach` before this step who have one after it' }),
  distance_fall: Type.Number({ description: 'Fall in the population-weighted mean distance to the nearest offer (distance.unit; no offer counts as 1,000)' }),
  mean_accessibility: Type.Number({ description: 'Population-weighted mean accessibility after this step' }),
  gini: Type.Number({ description: 'Gini of the municipalities\' accessibility after this step' }),
  newly_covered_population: Type.Number({ description: 'Inhabitants who reach FTE for the first time' }),
};

export const PlacementResponseSchema = Type.Object({
  data_version: Type.String(),
  level: Type.String(),
  distance: DistanceSchema,
  objective: Type.String({ description: 'reach, accessibility or gini' }),
  reach: Type.Number({ description: 'The distance the reach objective counts people within (the catchment), in distance.unit' }),
  baseline: Type.Object({
    mean_accessibility: Type.Number(), gini: Type.Number(),
    within_reach_population: Type.Number({ description: 'Inhabitants with an offer within reach now' }),
    mean_distance: Type.Number({ description: 'Population-weighted mean distance to the nearest offer now' }),
  }),
  steps: Type.Array(Type.Object({
    step: Type.Integer(),
    municipality: Type.String({ description: 'Municipality number; the position is placed at its population centre (lat, lon)' }),
    name: Type.String(),
    lat: Type.Number(),
    lon: Type.Number(),
    fte: Type.Number(),
    ...Outcome,
    objective_value: Type.Number(),
    runner_up: Nullable(Type.Object({ municipality: Type.String(), name: Type.String(), objective_value: Type.Number(), ...Outcome })),
    margin: Nullable(Type.Number({ description: 'How much better the winner is than the runner-up on the objective (people; score; or Gini points)' })),
    tied_on_objective: Type.Integer({ description: 'Candidates that shared the best objective value' }),
    decided_by: Type.String({ description: 'objective, tie-break (equal on the objective), order (equal on everything: the candidates tie) or only-candidate' }),
  })),
  national: ScenarioResponseSchema.properties.national,
});
