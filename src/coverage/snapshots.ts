// Snapshots of the national indicators, so the atlas can show change over time. Taken on
// demand (npm run coverage:snapshot) and automatically at most once per calendar month.
import { osloDate } from '../platform/clock.ts';
import type { Db } from '../platform/db/index.ts';
import type { CoverageResult } from './atlas.ts';
import { hasSnapshotInMonth, insertSnapshot, listSnapshots, type SnapshotRow } from './queries.ts';
import type { AtlasState } from './service.ts';
import { LEVEL_CHOICES, type LevelIndicators, type SnapshotIndicators } from './snapshot-model.ts';

export function levelIndicators(view: CoverageResult): LevelIndicators {
  const n = view.national;
  return {
    population: n.ratio.population,
    fte: n.ratio.fte,
    services: n.ratio.services,
    reachableFte: n.reachableFte,
    meanScore: n.meanScore,
    gini: n.gini.value,
    theil: { total: n.theil.total, between: n.theil.between, within: n.theil.within },
    withoutOffer: n.withoutOffer.map((w) => ({ threshold: w.threshold, share: w.share })),
    shortageCounts: { ...n.shortageCounts },
    digitalOffers: view.digital.offers,
  };
}

export function snapshotIndicators(state: AtlasState): SnapshotIndicators {
  return {
    distance: state.distance.kind,
    populationDate: state.populationDate,
    levels: Object.fromEntries(LEVEL_CHOICES.map((level) => [level, levelIndicators(state.view(level))])),
  };
}

/** Returns true when a new snapshot was stored (false: one of this date and data version exists). */
export function takeSnapshot(db: Db, state: AtlasState, trigger: 'monthly' | 'manual', now = new Date()): Promise<boolean> {
  // Norway's date: a snapshot at 00:30 on the 1st belongs to the new month
  const takenOn = osloDate(now);
  return insertSnapshot(db, {
    taken_on: takenOn, data_version: state.version, month: takenOn.slice(0, 7), trigger, indicators: snapshotIndicators(state),
  });
}

/** Takes this month's snapshot unless the month already has one (of either kind). */
export async function ensureMonthlySnapshot(db: Db, state: AtlasState, now = new Date()): Promise<boolean> {
  if (await hasSnapshotInMonth(db, osloDate(now).slice(0, 7))) return false;
  return takeSnapshot(db, state, 'monthly', now);
}

export interface SnapshotHistory {
  /** Newest first. */
  snapshots: SnapshotRow[];
  /** The newest snapshot of other data than now: what "change since" compares with. */
  previous: SnapshotRow | undefined;
}

export async function snapshotHistory(db: Db, currentVersion: string): Promise<SnapshotHistory> {
  const snapshots = await listSnapshots(db);
  return { snapshots, previous: snapshots.find((s) => s.data_version !== currentVersion) };
}
