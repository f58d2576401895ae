// Everything the /dekning page shows, gathered from the cached atlas for one query.
import { HEALTH_REGIONS } from '../reference/index.ts';
import { msg } from '../platform/i18n/index.ts';
import { supplyForLevel } from './inputs.ts';
import { toLevel, type AtlasQuery, type SortKey } from './params.ts';
import { DEFAULT_CHOICE, isDefault, type MethodChoice } from './method-choice.ts';
import { countyFigures, healthRegionFigures, inSelection, municipalityFigures, nationalFigures, selectionFigures, sortFigures } from './present.ts';
import type { AtlasState } from './service.ts';
import { levelIndicators, type SnapshotHistory } from './snapshots.ts';
import type { AtlasData } from './views/atlas-page.tsx';
import { number } from './views/format.ts';
import { mapCategories } from './views/map-categories.ts';
import { sourceFacts } from './views/sections.tsx';
import { atlasUrl, csvUrl } from './views/urls.ts';

const c = msg.coverage;
const REGION_NAME = new Map<string, string>(HEALTH_REGIONS.map((r) => [r.code, r.name]));
const TEXT_COLUMNS: readonly SortKey[] = ['kommune', 'fylke'];
/** Names read A–Å; figures read largest first. */
const defaultDescending = (key: SortKey) => !TEXT_COLUMNS.includes(key);

export function countyName(state: AtlasState, number: string): string | undefined {
  return [...state.municipality.values()].find((m) => m.county_number === number)?.county_name;
}

export function atlasData(state: AtlasState, query: AtlasQuery, history: SnapshotHistory, choice: MethodChoice = DEFAULT_CHOICE): AtlasData {
  const level = toLevel(query.niva);
  const view = state.view(level, choice);
  const indicator = query.indikator ?? 'tilgang';
  const region = query.helseregion;
  const county = query.fylke;
  // Links keep the chosen method (only when it is not the default, so ordinary links stay short).
  const method = isDefault(choice) ? {} : { metode: query.metode, vekt: query.vekt, beta: query.beta, radius: query.radius };
  const keep = { indikator: query.indikator, niva: query.niva, sorter: query.sorter, retning: query.retning, ...method };
  const selected = inSelection(state, { healthRegion: region, county });
  const selectionName = [county ? countyName(state, county) : undefined, region ? REGION_NAME.get(region) : undefined].filter(Boolean).join(', ');
  const all = municipalityFigures(state, view);
  const sortKey = query.sorter ?? 'kommune';
  const descending = query.retning ? query.retning === 'synkende' : defaultDescending(sortKey);
  const tableRows = sortFigures(all.filter((r) => selected(r.id)), sortKey, descending);
  const apiLevel = { level, ...(region ? { health_region: region } : {}), ...(county ? { county } : {}) };
  const countiesInRegion = new Set([...state.municipality.values()].filter((m) => !region || m.health_region_code === region).map((m) => m.county_number));
  const digital = supplyForLevel(state.inputs, level).digital;
  const byHome = new Map<string, number>();
  for (const offer of digital) {
    const home = offer.demandId ? state.municipality.get(offer.demandId) : undefined;
    const name = home ? REGION_NAME.get(home.health_region_code) ?? home.health_region_code : c.digital.unknownHome;
    byHome.set(name, (byHome.get(name) ?? 0) + 1);
  }
  const unreachable = view.sites.reduce((sum, s) => sum + (s.ratio === null ? s.fte : 0), 0);
  return {
    indicator,
    level,
    levelLabel: c.levels[level]!,
    unit: state.distance.unit,
    map: {
      ...mapCategories(all, indicator, state.distance.unit, selected), selected,
      places: new Map([...state.municipality.values()].map((m) => [m.number, { lat: m.lat, lon: m.lon, population: m.population }])),
    },
    tableRows,
    tableCaption: c.table.caption(tableRows.length, selectionName),
    sort: {
      key: sortKey,
      descending,
      href: (key) => atlasUrl({ ...keep, helseregion: region, fylke: county, sorter: key, retning: (key === sortKey ? !descending : defaultDescending(key)) ? 'synkende' : 'stigende' }),
    },
    summary: selectionName ? selectionFigures(state, view, selected, selectionName) : nationalFigures(state, view),
    theil: view.national.theil,
    showTheil: !selectionName,
    regions: healthRegionFigures(state, view),
    counties: countyFigures(state, view).filter((f) => countiesInRegion.has(f.id)),
    countiesHeading: region ? c.groups.countiesIn(REGION_NAME.get(region) ?? region) : c.groups.countiesHeading,
    drill: {
      region: (row) => atlasUrl({ ...keep, helseregion: row.id }),
      county: (row) => atlasUrl({ ...keep, helseregion: region, fylke: row.id }),
      all: selectionName ? atlasUrl(keep) : null,
    },
    lorenz: view.national.lorenz,
    gini: view.national.gini.value,
    regionName: (code) => REGION_NAME.get(code) ?? code,
    digital: { offers: view.digital.offers, fte: view.digital.fte, byHome: [...byHome].map(([name, offers]) => ({ name, offers })).sort((a, b) => a.name.localeCompare(b.name, 'nb')) },
    history,
    // Snapshots are taken with the default method: the change since the last one compares like with like.
    current: levelIndicators(state.view(level)),
    previous: history.previous?.indicators.levels[level],
    facts: sourceFacts(state),
    notes: [
      ...(unreachable > 0 ? [c.figures.unreachable(number(unreachable, 1))] : []),
      ...(state.inputs.services.withoutFte > 0 ? [c.figures.withoutFte(state.inputs.services.withoutFte)] : []),
    ],
    csv: {
      municipalities: csvUrl({ ...apiLevel, unit: 'municipality' }),
      municipalitiesSemicolon: csvUrl({ ...apiLevel, unit: 'municipality', delimiter: 'semicolon' }),
      regions: csvUrl({ level, unit: 'health_region' }),
      counties: csvUrl({ level, unit: 'county', ...(region ? { health_region: region } : {}) }),
      lorenz: csvUrl({ level, table: 'lorenz' }),
      theil: csvUrl({ level, table: 'theil' }),
      snapshots: csvUrl({ level, table: 'snapshots' }),
    },
  };
}
