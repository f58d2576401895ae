// Loads the atlas's inputs from the database and keeps the computed atlas in memory per data
// stamp: a page view costs one cheap stamp query, and recomputes only when the data changed.
import { createHash } from 'node:crypto';
import type { Db } from '../platform/db/index.ts';
import { freshnessCutoffs } from '../directory/index.ts';
import { countCacheLookup } from '../platform/metrics.ts';
import { demandGrid, listMunicipalities, type MunicipalityRow } from '../reference/index.ts';
import { computeCoverage, type CoverageResult } from './atlas.ts';
import { greatCircleDistance, travelTimeMatrix } from './distance.ts';
import { buildInputs, organizationHomes, supplyForLevel, type AtlasInputs } from './inputs.ts';
import type { MeasureOptions } from './measures.ts';
import { DEFAULT_DISTANCE_THRESHOLDS } from './nearest.ts';
import { atlasStamp, dataVersionParts, findTravelTimeSet, inputsDigest, listOrganizationMunicipalities, listSupplyRows, listTravelTimes } from './queries.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { SERVICE_LEVEL_CODES, type LevelChoice } from './snapshot-model.ts';
import type { DemandPoint, Distance } from './types.ts';
import { choiceKey, DEFAULT_CHOICE, isDefault, settingsOf, type MethodChoice } from './method-choice.ts';

/** Atlas views kept per data version: every level with the default method, and recent other choices. */
const MAX_KEPT_VIEWS = 24;

export interface DistanceInfo {
  kind: 'great-circle' | 'travel-time';
  /** Unit of every distance and distance threshold shown. */
  unit: 'km' | 'min';
  matrix: { rows: number; sourceName: string; loadedAt: Date } | null;
}

export interface AtlasState {
  version: string;
  computedAt: Date;
  /**
   * Newest change to a published service when the atlas's inputs last changed: the date the supply
   * data is "as of" (a later edit that leaves the inputs as they were keeps the state, and this date).
   */
  dataModified: Date | null;
  populationDate: string | null;
  inputs: AtlasInputs;
  municipality: ReadonlyMap<string, MunicipalityRow>;
  distance: DistanceInfo;
  /** Options every computation of this state uses, so scenarios compare like with like. */
  options: MeasureOptions;
  /**
   * The atlas for one level and method choice (default: the default method), computed on first
   * use and then kept with this data version: a request never recomputes what was computed.
   */
  view(level: LevelChoice, choice?: MethodChoice): CoverageResult;
}

/**
 * With a travel-time matrix the same thresholds are read as minutes (a 60-minute catchment,
 * bands 20/40/60 min, "within 30/60/120 min"). We never mix units and never fall back to km
 * for a missing pair: it is unreachable, as METHOD.md says.
 */
export const MEASURE_OPTIONS: MeasureOptions = Object.freeze({
  settings: DEFAULT_SETTINGS,
  distanceThresholds: DEFAULT_DISTANCE_THRESHOLDS,
  levels: SERVICE_LEVEL_CODES,
});

/** `hiddenBefore`: offers confirmed before this day are not supply (the finder's rule); by default today's cut-off. */
export async function dataVersion(db: Db, hiddenBefore = freshnessCutoffs().hidden): Promise<{ version: string; modified: Date | null }> {
  const parts = await dataVersionParts(db, hiddenBefore);
  // The demand grid is part of the method's inputs: a new grid (or the switch to it) is new data.
  const version = createHash('sha256').update(JSON.stringify({ ...parts, demandGrid: demandGrid().checksum })).digest('hex').slice(0, 12);
  const modified = parts.modified instanceof Date ? parts.modified : parts.modified ? new Date(String(parts.modified)) : null;
  return { version, modified };
}

/** What the atlas is computed from, as read from the database. */
interface RawInputs {
  municipalities: MunicipalityRow[];
  rows: Awaited<ReturnType<typeof listSupplyRows>>;
  homes: Awaited<ReturnType<typeof listOrganizationMunicipalities>>;
  matrix: Awaited<ReturnType<typeof findTravelTimeSet>>;
}

async function readInputs(db: Db, hiddenBefore = freshnessCutoffs().hidden): Promise<RawInputs> {
  const [municipalities, rows, homes, matrix] = await Promise.all([
    listMunicipalities(db), listSupplyRows(db, hiddenBefore), listOrganizationMunicipalities(db), findTravelTimeSet(db),
  ]);
  return { municipalities, rows, homes, matrix };
}

export async function loadState(db: Db, version: { version: string; modified: Date | null }, now = new Date()): Promise<AtlasState> {
  return stateFrom(db, await readInputs(db), version, now);
}

async function stateFrom(db: Db, raw: RawInputs, version: { version: string; modified: Date | null }, now = new Date()): Promise<AtlasState> {
  const { municipalities, rows, homes, matrix } = raw;
  // Demand where people live (the 5 km population grid) with great-circle distances; a travel-time
  // matrix is municipality to municipality, so with one each municipality stays one point.
  const inputs = buildInputs(municipalities, rows, organizationHomes(homes), matrix ? undefined : demandGrid().cells);
  const distance: Distance = matrix ? travelTimeMatrix(await listTravelTimes(db), { symmetric: true }) : greatCircleDistance;
  const countyOf = new Map(municipalities.map((m) => [m.number, m.county_number]));
  const groupings = {
    health_region: (p: DemandPoint) => p.region,
    county: (p: DemandPoint) => countyOf.get(p.id),
  };
  const views = new Map<string, CoverageResult>();
  const { settings, ...options } = MEASURE_OPTIONS;
  return {
    version: version.version,
    computedAt: now,
    dataModified: version.modified,
    populationDate: municipalities.reduce<string | null>((newest, m) => (m.population_date && (!newest || m.population_date > newest) ? m.population_date : newest), null),
    inputs,
    municipality: new Map(municipalities.map((m) => [m.number, m])),
    distance: matrix
      ? { kind: 'travel-time', unit: 'min', matrix: { rows: matrix.row_count, sourceName: matrix.source_name, loadedAt: matrix.loaded_at } }
      : { kind: 'great-circle', unit: 'km', matrix: null },
    options: MEASURE_OPTIONS,
    view(level, choice = DEFAULT_CHOICE) {
      const key = `${level}|${choiceKey(choice)}`;
      let view = views.get(key);
      if (!view) {
        const { sites, digital } = supplyForLevel(inputs, level);
        const chosen = isDefault(choice) ? settings : settingsOf(choice);
        view = computeCoverage({ demand: inputs.demand, units: inputs.units, supply: sites, digital, distance, groupings }, chosen, options);
        // Chosen methods are kept too, up to a bound (the defaults are never dropped).
        if (views.size >= MAX_KEPT_VIEWS) {
          const oldest = [...views.keys()].find((k) => !k.endsWith('|default'));
          if (oldest) views.delete(oldest);
        }
        views.set(key, view);
      }
      return view;
    },
  };
}

export interface CoverageCache {
  /** The atlas for the data as it is now; recomputed only when the data changed. */
  current(): Promise<AtlasState>;
  /** The same, with a stamp of the stored snapshots (it moves when one is taken), for what shows their history. */
  read(): Promise<{ state: AtlasState; snapshots: string }>;
}

/**
 * Each view reads one cheap stamp (queries.ts atlasStamp: directory_version and a few small
 * tables), so every instance sees a change committed by any other at its next request. The state
 * is kept while the stamp is the same; when it moves, the inputs are read again and the (costly)
 * data version is computed once. What is derived from a state (views, pages' figures) lives with
 * that state object and goes with it.
 */
export function createCoverageCache(db: Db): CoverageCache {
  let cached: { stamp: string; loaded: Promise<{ state: AtlasState; digest: string }> } | undefined;
  const read = async () => {
    // one cut-off for the stamp and the inputs read under it, also across midnight
    const hiddenBefore = freshnessCutoffs().hidden;
    const stamp = await atlasStamp(db, hiddenBefore);
    let entry = cached;
    countCacheLookup('atlas', entry?.stamp === stamp.data);
    if (entry?.stamp !== stamp.data) {
      const previous = entry?.loaded.catch(() => undefined);
      // Concurrent first views share one load instead of each starting their own. The stamp moves
      // with any change to the directory; when the database's digest of the atlas's inputs is the
      // same as before (an edit of a waiting time or a phone number), the state computed, with
      // every view and page derived from it, is kept, and no row is read. The digest is read
      // before the rows: a write between the two moves the stamp, and the next view then finds
      // a new digest and reads again.
      const loading = {
        stamp: stamp.data,
        loaded: inputsDigest(db, hiddenBefore).then(async (digest) => {
          const kept = await previous;
          if (kept && kept.digest === digest) return kept;
          const raw = await readInputs(db, hiddenBefore);
          return { state: await stateFrom(db, raw, await dataVersion(db, hiddenBefore)), digest };
        }),
      };
      cached = entry = loading;
      loading.loaded.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return { state: (await entry.loaded).state, snapshots: stamp.snapshots };
  };
  return { read, current: async () => (await read()).state };
}
