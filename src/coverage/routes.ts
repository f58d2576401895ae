// The atlas's pages and API: parse, call, render. All computation is in the cached state.
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/index.ts';
import { readerOf } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { currentLanguage, msg } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import { ErrorPage } from '../platform/views/error-page.tsx';
import { sendPage } from '../platform/views/render.ts';
import { HEALTH_REGIONS, MunicipalityNumber } from '../reference/index.ts';
import { coverageApi } from './api.ts';
import { atlasData, countyName } from './atlas-data.ts';
import { readPositions, schemaErrors, typedNumber, validFte } from './forms.ts';
import { rawQuery } from '../platform/http/request.ts';
import {
  AtlasQuerySchema, MunicipalityQuerySchema, type AtlasQuery, PlacementQuerySchema, ScenarioQuerySchema, toLevel, toObjective,
  type ScenarioQuery,
} from './params.ts';
import { runPlacement, runScenario } from './planning.ts';
import { derived } from './page-cache.ts';
import { profileData } from './profile-data.ts';
import { createCoverageCache, type AtlasState } from './service.ts';
import { osloDate } from '../platform/clock.ts';
import { ensureMonthlySnapshot, snapshotHistory } from './snapshots.ts';
import { AtlasPage, atlasParts } from './views/atlas-page.tsx';
import { sendPageWithParts } from './views/prerendered.tsx';
import { MethodPage } from './views/method-page.tsx';
import { MunicipalityPage } from './views/municipality-page.tsx';
import { PlacementPage } from './views/placement-page.tsx';
import { ScenarioPage } from './views/scenario-page.tsx';
import { sourceFacts } from './views/sections.tsx';
import { DEFAULT_SETTINGS } from './settings.ts';
import { choiceKey, DEFAULT_CHOICE, toApiDecay, type MethodChoice, toPageDecay, typedDecimal, validBeta, validCatchment } from './method-choice.ts';
import { formatDecimal } from '../platform/i18n/format.ts';
import { withQuery } from './views/urls.ts';
import type { Errors } from '../platform/forms/index.ts';
import type { Config } from '../platform/config.ts';
import { surveyFigures } from '../experiences/index.ts';

const c = msg.coverage;
/**
 * /dekning's figures and rendered parts kept per data state: the common views and recent other
 * queries. An entry is about 0.2–0.5 MB (the map and the table of 357 municipalities), so at most ~12 MB.
 */
const KEPT_ATLAS_PAGES = 24;
const first = (raw: Record<string, string[]>, name: string, fallback = '') => raw[name]?.[0] ?? fallback;
const municipalityOptions = (state: AtlasState) =>
  [...state.municipality.values()].map((m) => ({ value: m.number, label: m.name })).sort((a, b) => a.label.localeCompare(b.label, 'nb'));

export async function coverageRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const cache = createCoverageCache(readerOf(db)); // the atlas's inputs: read from the replica when there is one
  // The automatic snapshot is checked once per month per process, not on every view.
  let checkedMonth: string | undefined;
  const onView = async (state: AtlasState) => {
    const month = osloDate(new Date()).slice(0, 7);
    if (checkedMonth === month) return;
    try {
      await ensureMonthlySnapshot(db, state);
      checkedMonth = month;
    } catch (error) {
      app.log.error({ err: error }, 'coverage: monthly snapshot failed');
    }
  };

  // The page's figures and rendered parts per data state, snapshot stamp, language and query: a
  // repeated view renders only the layout around them.
  const cachedAtlasData = async (state: AtlasState, snapshots: string, query: AtlasQuery, choice: MethodChoice) => {
    const history = await derived(state, 'history', snapshots, 1, () => snapshotHistory(db, state.version));
    const key = [currentLanguage(), snapshots, query.indikator, query.niva, query.helseregion, query.fylke, query.sorter, query.retning,
      query.metode, query.vekt, query.beta, query.radius, choiceKey(choice)];
    return derived(state, 'atlas', JSON.stringify(key), KEPT_ATLAS_PAGES, () => {
      const data = atlasData(state, query, history, choice);
      return { data, parts: atlasParts(data) };
    });
  };

  app.get(paths.coverage.atlas, { schema: { querystring: AtlasQuerySchema }, attachValidation: true }, async (request, reply) => {
    const raw = rawQuery(request);
    const values = {
      indikator: first(raw, 'indikator', 'tilgang'), niva: first(raw, 'niva', 'alle'), helseregion: first(raw, 'helseregion'),
      fylke: first(raw, 'fylke'), sorter: first(raw, 'sorter'), retning: first(raw, 'retning'),
      metode: first(raw, 'metode', DEFAULT_CHOICE.method), vekt: first(raw, 'vekt', toPageDecay(DEFAULT_CHOICE.decay)),
      beta: first(raw, 'beta', formatDecimal(DEFAULT_CHOICE.beta, 1)), radius: first(raw, 'radius', String(DEFAULT_CHOICE.catchmentKm)),
    };
    const errors = schemaErrors(request, { indikator: 'indikator', niva: 'niva', helseregion: 'helseregion', fylke: 'fylke', metode: 'metode', vekt: 'vekt', beta: 'beta', radius: 'radius' }, 'valg');
    const beta = typedDecimal(values.beta);
    const radius = typedDecimal(values.radius);
    if (!errors.beta && !validBeta(beta)) errors.beta = c.errors.beta;
    if (!errors.radius && !validCatchment(radius)) errors.radius = c.errors.radius;
    const { state, snapshots } = await cache.read();
    await onView(state);
    const query = request.query;
    if (!errors.fylke && query.fylke) {
      if (!countyName(state, query.fylke)) errors.fylke = c.errors.fylke;
      else if (query.helseregion && ![...state.municipality.values()].some((m) => m.county_number === query.fylke && m.health_region_code === query.helseregion)) {
        errors.fylke = c.errors.countyOutsideRegion;
      }
    }
    const failed = Object.keys(errors).length > 0;
    const counties = new Map([...state.municipality.values()].map((m) => [m.county_number, m.county_name]));
    const shown = failed ? null : await cachedAtlasData(state, snapshots, query, {
      method: query.metode ?? DEFAULT_CHOICE.method, decay: toApiDecay(query.vekt), beta: beta ?? DEFAULT_CHOICE.beta, catchmentKm: radius ?? DEFAULT_CHOICE.catchmentKm,
    });
    return sendPageWithParts(reply, AtlasPage({
      values, errors,
      regionOptions: HEALTH_REGIONS.map((r) => ({ value: r.code, label: r.name })),
      countyOptions: [...counties].sort(([a], [b]) => a.localeCompare(b)).map(([value, label]) => ({ value, label })),
      data: shown?.data ?? null,
      ...(shown ? { parts: shown.parts } : {}),
      showsDemoData: state.inputs.services.demo > 0,
      experiences: await surveyFigures(db, config.clock.now()),
    }), shown ? [shown.parts.fairness, shown.parts.atlas] : [], failed ? 400 : 200);
  });

  app.get(paths.coverage.municipalityPattern, {
    schema: { params: Type.Object({ nummer: MunicipalityNumber() }), querystring: MunicipalityQuerySchema },
    attachValidation: true,
  }, async (request, reply) => {
    const { nummer } = request.params;
    const state = await cache.current();
    const invalid = request.validationError?.validationContext;
    if (invalid === 'params' || !state.municipality.has(nummer)) return reply.callNotFound();
    if (invalid) return sendPage(reply, ErrorPage({ title: c.errors.summary, message: c.errors.niva }), 400);
    const { niva } = request.query;
    return sendPage(reply, MunicipalityPage({ data: profileData(state, nummer, toLevel(niva)) }));
  });

  app.get(paths.coverage.method, async (_request, reply) => {
    const state = await cache.current();
    return sendPage(reply, MethodPage({ facts: sourceFacts(state), settings: state.options.settings ?? DEFAULT_SETTINGS, showsDemoData: state.inputs.services.demo > 0 }));
  });

  app.get(paths.coverage.scenario, { schema: { querystring: ScenarioQuerySchema }, attachValidation: true }, async (request, reply) => {
    const raw = rawQuery(request);
    const state = await cache.current();
    const errors: Errors = schemaErrors(request, { niva: 'niva' }, 'stillinger');
    // On a schema error the query is not trusted; the form is rebuilt from what was typed.
    const query: ScenarioQuery = request.validationError
      ? { kommune: raw.kommune, arsverk: raw.arsverk, stillingsniva: raw.stillingsniva, breddegrad: raw.breddegrad, lengdegrad: raw.lengdegrad }
      : request.query;
    const { rows, positions, errors: rowErrors } = readPositions(state, query, query.rader ?? 3);
    Object.assign(errors, rowErrors);
    const failed = Object.keys(errors).length > 0;
    const level = toLevel(errors.niva ? undefined : query.niva);
    const result = !failed && positions.length > 0 ? runScenario(state, level, positions) : null;
    return sendPage(reply, ScenarioPage({
      niva: first(raw, 'niva', 'alle'), rows, errors, result,
      leftOut: level === 'all' ? 0 : positions.filter((p) => p.level !== level).length,
      municipalityOptions: municipalityOptions(state),
      unit: state.distance.unit,
      nameOf: (id) => state.municipality.get(id)?.name ?? id,
      facts: sourceFacts(state),
      showsDemoData: state.inputs.services.demo > 0,
    }), failed ? 400 : 200);
  });

  app.get(paths.coverage.placement, { schema: { querystring: PlacementQuerySchema }, attachValidation: true }, async (request, reply) => {
    const raw = rawQuery(request);
    const state = await cache.current();
    const values = { niva: first(raw, 'niva', 'alle'), antall: first(raw, 'antall', '3'), arsverk: first(raw, 'arsverk', '1'), mal: first(raw, 'mal', 'naerhet') };
    const errors = schemaErrors(request, { niva: 'niva', antall: 'antall', mal: 'mal', arsverk: 'arsverk' }, 'antall');
    const fte = typedNumber(values.arsverk);
    if (!validFte(fte)) errors.arsverk = c.errors.arsverk;
    const failed = Object.keys(errors).length > 0;
    const query = request.query;
    const submitted = raw.antall !== undefined;
    const level = toLevel(query.niva);
    const result = submitted && !failed
      ? runPlacement(state, level, { k: query.antall ?? 3, fte, objective: toObjective(query.mal) })
      : null;
    const chosen = result?.greedy.steps ?? [];
    return sendPage(reply, PlacementPage({
      values, errors, result,
      scenarioHref: chosen.length === 0 ? null : withQuery(paths.coverage.scenario, {
        niva: values.niva,
        kommune: chosen.map((s) => s.candidateId),
        arsverk: chosen.map(() => values.arsverk),
        stillingsniva: chosen.map(() => (level === 'all' ? 'lavterskel' : level)),
      }),
      csvHref: chosen.length === 0 ? null : withQuery(paths.coverage.placementCsv, {
        level, k: String(query.antall ?? 3), fte: String(fte), objective: toObjective(query.mal),
      }),
      reach: state.options.settings?.catchmentKm ?? 60,
      unit: state.distance.unit,
      nameOf: (id) => state.municipality.get(id)?.name ?? id,
      facts: sourceFacts(state),
      showsDemoData: state.inputs.services.demo > 0,
    }), failed ? 400 : 200);
  });

  await coverageApi(app, { db, cache, onView });
}
