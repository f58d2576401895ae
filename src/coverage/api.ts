// The atlas as JSON and CSV, and the "Hva om" scenario as a POST. Thin: parse, call, shape.
import { DEFAULT_CHOICE, isDefault, type MethodChoice } from './method-choice.ts';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/index.ts';
import type { FastifyReply } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { msg } from '../platform/i18n/index.ts';
import { PROBLEM_TYPES, sendProblem, type Problem } from '../platform/http/problem.ts';
import { paths } from '../platform/paths.ts';
import { HEALTH_REGIONS } from '../reference/index.ts';
import { CoverageResponseSchema, PlacementResponseSchema, ScenarioResponseSchema } from './api-schema.ts';
import { csvCells, type Cell } from './csv.ts';
import { sendCsvFile } from '../platform/csv.ts';
import {
  CoverageCsvQuerySchema, CoverageQuerySchema, PlacementBodySchema, PlacementCsvQuerySchema, PlanningFormatQuerySchema, ScenarioBodySchema,
  type CoverageCsvQuery, type CoverageQuery, type Unit,
} from './params.ts';
import { MAX_KM_FROM_PEOPLE, OutsideNorwayError, runPlacement, runScenario, UnknownMunicipalityError, type PlacementResult } from './planning.ts';
import type { CandidateOutcome } from './greedy.ts';
import type { Delta, NationalChange } from './scenario.ts';
import { figuresFor, inSelection, nationalFigures, type UnitFigures } from './present.ts';
import type { AtlasState, CoverageCache } from './service.ts';
import { snapshotHistory } from './snapshots.ts';

const SOURCES = [
  'Population: Statistisk sentralbyrå (SSB), table 07459 (NLOD)',
  'Municipality boundaries and interior points: © Kartverket (CC BY 4.0)',
  'Demand points: Statistics Norway (SSB), population grid 250 m (editions 2022 and 2019), summed into 5 km cells and joined into 10 km blocks; cells assigned to municipalities on Kartverket boundaries (CC BY 4.0)',
  'Offers: published, active services in Samklang',
];
const METHOD = 'E2SFCA (Luo & Qi 2009), 60-unit catchment, step weights 1.00/0.68/0.22 at 20/40/60 units; demand at population-weighted 10 km blocks of the SSB 2022 population grid (shares × the population in use), reported per municipality; shortage classes adapted from HRSA criteria. See docs/coverage.md.';

/** The method chosen in the query (defaults for what it leaves out). */
function choiceOf(query: CoverageQuery): MethodChoice {
  return {
    method: query.method ?? DEFAULT_CHOICE.method, decay: query.decay ?? DEFAULT_CHOICE.decay,
    beta: query.beta ?? DEFAULT_CHOICE.beta, catchmentKm: query.catchment_km ?? DEFAULT_CHOICE.catchmentKm,
  };
}

function methodText(choice: MethodChoice): string {
  if (isDefault(choice)) return METHOD;
  const decay = choice.method === '2sfca' ? 'no decay' : choice.decay === 'gravity' ? `gravity decay, beta ${choice.beta}` : `${choice.decay} decay`;
  return `Chosen in this request: ${choice.method.toUpperCase()}, ${decay}, ${choice.catchmentKm}-unit catchment (the nearest-offer distances do not depend on it). The default: ${METHOD}`;
}

/** Units whose members meet the health-region/county filter (a group qualifies if any member does). */
function unitRows(state: AtlasState, query: CoverageQuery): UnitFigures[] {
  const level = query.level ?? 'all';
  const unit: Unit = query.unit ?? 'municipality';
  const view = state.view(level, choiceOf(query));
  const selected = inSelection(state, { healthRegion: query.health_region, county: query.county });
  const rows = figuresFor(state, view, unit);
  if (!query.health_region && !query.county) return rows;
  const members = [...state.municipality.values()].filter((m) => selected(m.number));
  const keep = new Set(members.flatMap((m) => [m.number, m.county_number, m.health_region_code]));
  return unit === 'national' ? rows : rows.filter((r) => keep.has(r.id));
}

function distanceJson(state: AtlasState) {
  const { kind, unit, matrix } = state.distance;
  return { kind, unit, matrix: matrix ? { rows: matrix.rows, source_name: matrix.sourceName, loaded_at: matrix.loadedAt.toISOString() } : null };
}

const SHARES = [30, 60, 120];
const UNIT_HEADER = [
  'unit', 'id', 'name', 'county_number', 'county_name', 'health_region_code', 'population', 'population_date', 'members',
  'members_missing_population', 'fte', 'services', 'digital_offers', 'fte_per_10k', 'population_per_fte', 'accessibility',
  'catchment_population_per_fte', 'nearest_distance', 'distance_unit', 'shortage', 'shortage_none', 'shortage_moderate',
  'shortage_severe', 'gini', ...SHARES.map((t) => `without_offer_${t}_share`),
];

function unitCells(r: UnitFigures, distanceUnit: string): Cell[] {
  return [
    r.unit, r.id, r.name, r.county_number, r.county_name, r.health_region_code, r.population, r.population_date, r.members,
    r.members_missing_population, r.fte, r.services, r.digital_offers, r.fte_per_10k, r.population_per_fte, r.accessibility,
    r.catchment_population_per_fte, r.nearest_distance, distanceUnit, r.shortage, r.shortage_counts?.none, r.shortage_counts?.moderate,
    r.shortage_counts?.severe, r.gini, ...SHARES.map((t) => r.without_offer?.find((w) => w.threshold === t)?.share),
  ];
}

async function csvTable(db: Db, state: AtlasState, query: CoverageCsvQuery): Promise<{ header: string[]; rows: Cell[][]; name: string }> {
  const level = query.level ?? 'all';
  const view = state.view(level, choiceOf(query));
  switch (query.table ?? 'units') {
    case 'units':
      return { header: UNIT_HEADER, rows: unitRows(state, query).map((r) => unitCells(r, state.distance.unit)), name: `${query.unit ?? 'municipality'}-${level}` };
    case 'lorenz':
      return { header: ['population_share', 'access_share'], rows: view.national.lorenz.points.map((p) => [p.populationShare, p.accessShare]), name: `lorenz-${level}` };
    case 'theil': {
      const names = new Map<string, string>(HEALTH_REGIONS.map((r) => [r.code, r.name]));
      const t = view.national.theil;
      return {
        header: ['health_region_code', 'name', 'population', 'mean_accessibility', 'theil', 'share', 'between', 'within'],
        rows: [
          ...t.groups.map((g): Cell[] => [g.group, names.get(g.group) ?? g.group, g.population, g.mean, g.theil, g.share, g.between, g.within]),
          ['NO', msg.coverage.figures.norway, t.groups.reduce((s, g) => s + g.population, 0), view.national.meanScore, t.total, 1, t.between, t.within],
        ],
        name: `theil-${level}`,
      };
    }
    case 'snapshots': {
      const { snapshots } = await snapshotHistory(db, state.version);
      const header = ['taken_on', 'trigger', 'data_version', 'distance', 'level', 'population', 'fte', 'services', 'mean_accessibility', 'gini', 'theil', 'theil_between', 'theil_within', ...SHARES.map((t) => `without_offer_${t}_share`), 'shortage_moderate', 'shortage_severe', 'digital_offers'];
      const rows = snapshots.flatMap((s): Cell[][] => {
        const x = s.indicators.levels[level];
        if (!x) return [];
        return [[s.taken_on, s.trigger, s.data_version, s.indicators.distance, level, x.population, x.fte, x.services, x.meanScore, x.gini,
          x.theil.total, x.theil.between, x.theil.within, ...SHARES.map((t) => x.withoutOffer.find((w) => w.threshold === t)?.share),
          x.shortageCounts.moderate, x.shortageCounts.severe, x.digitalOffers]];
      });
      return { header, rows, name: `snapshots-${level}` };
    }
  }
}

export async function coverageApi(app: App, { db, cache, onView }: { db: Db; cache: CoverageCache; onView: (state: AtlasState) => Promise<void> }) {
  app.get(paths.coverage.api, {
    schema: {
      tags: ['coverage'],
      summary: 'Coverage atlas: access to music therapy per municipality, county, health region or Norway',
      description: 'Every measure of the atlas for one service level. Digital offers are reported apart and never inside the spatial measures. Distances are great-circle km unless a travel-time matrix is loaded (see distance).',
      querystring: CoverageQuerySchema,
      response: { 200: CoverageResponseSchema },
    },
  }, async (request) => {
    const query = request.query;
    const state = await cache.current();
    await onView(state);
    const level = query.level ?? 'all';
    const choice = choiceOf(query);
    const view = state.view(level, choice);
    return {
      data_version: state.version,
      computed_at: state.computedAt.toISOString(),
      data_modified: state.dataModified?.toISOString() ?? null,
      population_date: state.populationDate,
      level,
      unit: query.unit ?? 'municipality',
      distance: distanceJson(state),
      method: methodText(choice),
      items: unitRows(state, query),
      national: nationalFigures(state, view),
      digital: { offers: view.digital.offers, fte: view.digital.fte, by_level: view.digital.byLevel },
      sources: SOURCES,
    };
  });

  app.get(paths.coverage.csv, {
    schema: {
      tags: ['coverage'],
      summary: 'The atlas\'s tables as CSV (UTF-8 with BOM)',
      querystring: CoverageCsvQuerySchema,
      response: { 200: { description: 'CSV file', content: { 'text/csv': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const query = request.query;
    const state = await cache.current();
    const table = await csvTable(db, state, query);
    return sendCsv(reply, table.name, table.header, table.rows, query.delimiter);
  });

  app.post(paths.coverage.apiScenario, {
    schema: {
      tags: ['coverage'],
      summary: '"Hva om": add hypothetical music-therapist positions and see every national measure change',
      description: 'A position in a municipality is placed at its population centre; one at coordinates must be in mainland Norway, within 50 km of a populated 5 km cell. Nothing is stored. Unknown municipality numbers and coordinates outside Norway give 422. With format=csv: the national measures before and after as CSV.',
      querystring: PlanningFormatQuerySchema,
      body: ScenarioBodySchema,
      response: { 200: { ...ScenarioResponseSchema, description: 'JSON (default) or, with format=csv, a CSV file (text/csv) of the national measures' } },
    },
  }, async (request, reply) => {
    const body = request.body;
    const state = await cache.current();
    const level = body.level ?? 'all';
    let result;
    try {
      result = runScenario(state, level, body.positions);
    } catch (error) {
      const problem = planningProblem(error);
      if (!problem) throw error;
      return sendProblem(reply, problem);
    }
    const n = result.national;
    const added = result.scenario.sites.length > result.baseline.sites.length ? result.prepared.sites.slice(result.baseline.sites.length) : [];
    if (request.query.format === 'csv') {
      return sendCsv(reply, `hva-om-${level}`, ['measure', 'threshold', 'before', 'after', 'change'], scenarioCsvRows(n), request.query.delimiter);
    }
    const changed = result.municipalities.filter((m) => m.score.change || m.nearestDistance.change || m.shortage.before !== m.shortage.after);
    return {
      data_version: state.version,
      positions: added.map((site) => ({ municipality: site.demandId ?? '', lat: site.lat, lon: site.lon, fte: site.fte, level: site.level ?? null })),
      level,
      distance: distanceJson(state),
      positions_used: added.length,
      national: nationalChangeJson(n),
      municipalities: changed.map((m) => ({
        number: m.id, name: state.municipality.get(m.id)?.name ?? m.id, accessibility: m.score, nearest_distance: m.nearestDistance,
        shortage_before: m.shortage.before, shortage_after: m.shortage.after,
      })),
    };
  });

  app.post(paths.coverage.apiPlacement, {
    schema: {
      tags: ['coverage'],
      summary: '"Beste neste plassering": where k new positions would help most, one after another',
      description: 'Greedy search over the municipalities (each candidate at its population centre). For each step: the winner, the runner-up, how much better the winner is, and what decided (the objective, a tie-break, or only the order when candidates tie on everything). Nothing is stored. With format=csv: the steps as CSV.',
      querystring: PlanningFormatQuerySchema,
      body: PlacementBodySchema,
      response: { 200: { ...PlacementResponseSchema, description: 'JSON (default) or, with format=csv, a CSV file (text/csv) of the steps' } },
    },
  }, async (request, reply) => {
    const state = await cache.current();
    const { level = 'all', k, fte, objective = 'reach' } = request.body;
    const result = runPlacement(state, level, { k, fte, objective });
    if (request.query.format === 'csv') return sendCsv(reply, `plassering-${level}`, PLACEMENT_HEADER, placementCsvRows(state, result), request.query.delimiter);
    return placementJson(state, level, result);
  });

  app.get(paths.coverage.placementCsv, {
    schema: {
      tags: ['coverage'],
      summary: 'The "Beste neste plassering" steps as CSV (UTF-8 with BOM); the same search as POST /api/v1/coverage/placement',
      querystring: PlacementCsvQuerySchema,
      response: { 200: { description: 'CSV file', content: { 'text/csv': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const state = await cache.current();
    const { level = 'all', k = 3, fte = 1, objective = 'reach', delimiter } = request.query;
    const result = runPlacement(state, level, { k, fte, objective });
    return sendCsv(reply, `plassering-${level}`, PLACEMENT_HEADER, placementCsvRows(state, result), delimiter);
  });
}

function planningProblem(error: unknown): Omit<Problem, 'instance'> | null {
  if (error instanceof UnknownMunicipalityError) {
    return {
      type: PROBLEM_TYPES.validation, title: 'Unknown municipality', status: 422,
      errors: [{ name: `positions/${error.index}/municipality`, reason: `no municipality ${error.number} in the 2024 division` }],
    };
  }
  if (error instanceof OutsideNorwayError) {
    return {
      type: PROBLEM_TYPES.validation, title: 'Coordinates outside Norway', status: 422,
      errors: [{ name: `positions/${error.index}/lat`, reason: `not within ${MAX_KM_FROM_PEOPLE} km of any populated place in Norway` }],
    };
  }
  return null;
}

function nationalChangeJson(n: NationalChange) {
  return {
    mean_accessibility: n.meanScore, gini: n.gini, theil: n.theil, theil_between: n.theilBetween, theil_within: n.theilWithin,
    fte: n.fte, reachable_fte: n.reachableFte, without_offer: n.withoutOffer, shortage_counts: n.shortageCounts,
  };
}

function scenarioCsvRows(n: NationalChange): Cell[][] {
  const row = (measure: string, d: Delta, threshold: number | null = null): Cell[] => [measure, threshold, d.before, d.after, d.change];
  return [
    row('fte', n.fte), row('reachable_fte', n.reachableFte), row('mean_accessibility', n.meanScore), row('gini', n.gini),
    row('theil', n.theil), row('theil_between', n.theilBetween), row('theil_within', n.theilWithin),
    ...n.withoutOffer.map((w) => row('without_offer_share', w.share, w.threshold)),
    ...n.withoutOffer.map((w) => row('without_offer_population', w.population, w.threshold)),
    ...(['none', 'moderate', 'severe'] as const).map((c) => row(`shortage_${c}_municipalities`, n.shortageCounts[c])),
  ];
}

const PLACEMENT_HEADER = [
  'step', 'municipality', 'name', 'lat', 'lon', 'fte', 'newly_within_population', 'distance_fall', 'mean_accessibility', 'gini',
  'newly_covered_population', 'objective_value', 'runner_up_municipality', 'runner_up_name', 'runner_up_objective_value', 'margin',
  'tied_on_objective', 'decided_by',
];

function placementCsvRows(state: AtlasState, result: PlacementResult): Cell[][] {
  const name = (id: string) => state.municipality.get(id)?.name ?? id;
  return result.greedy.steps.map((s) => [
    s.step, s.candidateId, name(s.candidateId), s.site.lat, s.site.lon, s.site.fte, s.newlyWithinPopulation, s.distanceFall, s.meanScore, s.gini,
    s.newlyCoveredPopulation, s.objective, s.runnerUp?.candidateId, s.runnerUp ? name(s.runnerUp.candidateId) : null, s.runnerUp?.objective,
    s.margin, s.tiedOnObjective, s.decidedBy,
  ]);
}

function placementJson(state: AtlasState, level: string, result: PlacementResult) {
  const name = (id: string) => state.municipality.get(id)?.name ?? id;
  const outcome = (o: CandidateOutcome) => ({
    newly_within_population: o.newlyWithinPopulation, distance_fall: o.distanceFall, mean_accessibility: o.meanScore, gini: o.gini,
    newly_covered_population: o.newlyCoveredPopulation,
  });
  const g = result.greedy;
  return {
    data_version: state.version,
    level,
    distance: distanceJson(state),
    objective: g.objective,
    reach: g.reachKm,
    baseline: { mean_accessibility: g.baseline.meanScore, gini: g.baseline.gini, within_reach_population: g.baseline.withinReachPopulation, mean_distance: g.baseline.meanDistance },
    steps: g.steps.map((s) => ({
      step: s.step, municipality: s.candidateId, name: name(s.candidateId), lat: s.site.lat, lon: s.site.lon, fte: s.site.fte,
      ...outcome(s), objective_value: s.objective,
      runner_up: s.runnerUp ? { municipality: s.runnerUp.candidateId, name: name(s.runnerUp.candidateId), objective_value: s.runnerUp.objective, ...outcome(s.runnerUp) } : null,
      margin: s.margin, tied_on_objective: s.tiedOnObjective, decided_by: s.decidedBy,
    })),
    national: nationalChangeJson(result.scenario.national),
  };
}

function sendCsv(reply: FastifyReply, name: string, header: string[], rows: Cell[][], delimiter: 'comma' | 'semicolon' | undefined) {
  return sendCsvFile(reply, `dekning-${name}.csv`, csvCells(header, rows), { delimiter: delimiter === 'semicolon' ? ';' : ',' });
}
