// The shape of a snapshot of national indicators, stored as JSON so new indicators can be
// added without a migration; old snapshots simply lack them (every reader treats them as optional).
import { SERVICE_LEVELS } from '../directory/index.ts';
import type { ShortageClass } from './shortage.ts';

export const LEVEL_CHOICES = ['all', ...SERVICE_LEVELS] as const;
/** 'all' or one service level (the directory's niva codes: lavterskel, oppfolging, behandling). */
export type LevelChoice = (typeof LEVEL_CHOICES)[number];
export type ServiceLevel = Exclude<LevelChoice, 'all'>;
export const SERVICE_LEVEL_CODES = LEVEL_CHOICES.filter((l): l is ServiceLevel => l !== 'all');

export interface LevelIndicators {
  population: number;
  fte: number;
  services: number;
  reachableFte: number;
  /** Population-weighted mean accessibility (FTE per 10,000). */
  meanScore: number | null;
  gini: number;
  theil: { total: number; between: number; within: number };
  withoutOffer: { threshold: number; share: number | null }[];
  shortageCounts: Record<ShortageClass, number>;
  digitalOffers: number;
}

export interface SnapshotIndicators {
  distance: 'great-circle' | 'travel-time';
  populationDate: string | null;
  levels: Partial<Record<LevelChoice, LevelIndicators>>;
}
