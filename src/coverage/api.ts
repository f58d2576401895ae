// The atlas as JSON and CSV, and the "Hva om" scenario as a POST. Thin: parse, call, shape.
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { nb } from '../platform/i18n/nb.ts';
import { PROBLEM_TYPES, sendProblem } from '../platform/http/problem.ts';
import { paths } from '../platform/paths.ts';
import { HEALTH_REGIONS } from '../reference/index.ts';
import { CoverageResponseSchema, ScenarioResponseSchema } from './api-schema.ts';
import { toCsv, type Cell } from './csv.ts';
import {
  CoverageCsvQuerySchema, CoverageQuerySchema, ScenarioBodySchema,
  type CoverageCsvQuery, type CoverageQuery, type Unit,
} from './params.ts';
import { runScenario, UnknownMunicipalityError } from './planning.ts';
import { figuresFor, inSelection, nationalFigures, type UnitFigures } from './present.ts';
import type { AtlasState, CoverageCache } from './service.ts';
import { snapshotHistory } from './snapshots.ts';

const SOURCES = [
  'Population: Statistisk sentralbyrå (SSB), table 07459 (NLOD)',
  'Municipality boundaries and interior points: © Kartverket (CC BY 4.0)',
  'Offers: published, active services in Samklang',
];
const METHOD = 'E2SFCA (Luo & Qi 2009), 60-unit catchment, step weights 1.00/0.68/0.22 at 20/40/60 units; shortage classes adapted from HRSA criteria. See docs/coverage.md.';

/** Units whose members meet the health-region/county filter (a group qualifies if any member does). */
function unitRows(state: AtlasState, query: CoverageQuery): UnitFigures[] {
  const level = query.level ?? 'all';
  const unit: Unit = query.unit ?? 'municipality';
  const view = state.view(level);
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
  const view = state.view(level);
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
          ['NO', nb.coverage.figures.norway, t.groups.reduce((s, g) => s + g.population, 0), view.national.meanScore, t.total, 1, t.between, t.within],
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
    const view = state.view(level);
    return {
      data_version: state.version,
      computed_at: state.computedAt.toISOString(),
      data_modified: state.dataModified?.toISOString() ?? null,
      population_date: state.populationDate,
      level,
      unit: query.unit ?? 'municipality',
      distance: distanceJson(state),
      method: METHOD,
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
    const delimiter = query.delimiter === 'semicolon' ? ';' : ',';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="dekning-${table.name}.csv"`)
      .send(toCsv(table.header, table.rows, delimiter));
  });

  app.post(paths.coverage.apiScenario, {
    schema: {
      tags: ['coverage'],
      summary: '"Hva om": add hypothetical music-therapist positions and see every national measure change',
      description: 'Positions are placed at the municipality\'s interior point. Nothing is stored. Unknown municipality numbers give 422.',
      body: ScenarioBodySchema,
      response: { 200: ScenarioResponseSchema },
    },
  }, async (request, reply) => {
    const body = request.body;
    const state = await cache.current();
    const level = body.level ?? 'all';
    let result;
    try {
      result = runScenario(state, level, body.positions);
    } catch (error) {
      if (!(error instanceof UnknownMunicipalityError)) throw error;
      return sendProblem(reply, {
        type: PROBLEM_TYPES.validation, title: 'Unknown municipality', status: 422,
        errors: [{ name: `positions/${error.index}/municipality`, reason: `no municipality ${error.number} in the 2024 division` }],
      });
    }
    const n = result.national;
    const changed = result.municipalities.filter((m) => m.score.change || m.nearestDistance.change || m.shortage.before !== m.shortage.after);
    return {
      data_version: state.version,
      level,
      distance: distanceJson(state),
      positions_used: result.scenario.sites.length - result.baseline.sites.length,
      national: {
        mean_accessibility: n.meanScore, gini: n.gini, theil: n.theil, theil_between: n.theilBetween, theil_within: n.theilWithin,
        fte: n.fte, reachable_fte: n.reachableFte, without_offer: n.withoutOffer, shortage_counts: n.shortageCounts,
      },
      municipalities: changed.map((m) => ({
        number: m.id, name: state.municipality.get(m.id)?.name ?? m.id, accessibility: m.score, nearest_distance: m.nearestDistance,
        shortage_before: m.shortage.before, shortage_after: m.shortage.after,
      })),
    };
  });
}
