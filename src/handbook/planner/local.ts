import type { Db } from '../../platform/db/index.ts';
import { searchServices, type SearchResult } from '../../directory/index.ts';
import { municipalityByNumber } from '../../reference/index.ts';
import type { ServiceLevel } from '../tables.ts';
import { SERVICE_LEVELS } from './settings.ts';

type SearchHit = SearchResult['hits'][number];

export interface LocalPicture {
  radiusKm: number;
  /** offers with a location within the radius, nearest first */
  nearby: SearchHit[];
  /** the nearest offer with a location at each service level, anywhere in the country */
  nearest: { level: ServiceLevel; hit: SearchHit | null }[];
  showsDemoData: boolean;
}

/** How far "near" reaches: a day trip for a therapist or a participant, as the finder's middle radius. */
export const NEAR_KM = 50;

/** The finder's view from the plan's municipality: what exists nearby, and the nearest offer per service level. */
export async function localPicture(db: Db, municipalityNumber: string): Promise<LocalPicture> {
  const place = await municipalityByNumber(db, municipalityNumber);
  if (!place) return { radiusKm: NEAR_KM, nearby: [], nearest: SERVICE_LEVELS.map((level) => ({ level, hit: null })), showsDemoData: false };
  const base = { text: '', place, age: null, sort: 'distance' as const, page: 1 };
  const [around, ...perLevel] = await Promise.all([
    searchServices(db, { ...base, radiusKm: NEAR_KM, filters: {}, perPage: 50 }),
    ...SERVICE_LEVELS.map((level) => searchServices(db, { ...base, radiusKm: null, filters: { niva: [`niva:${level}`] }, perPage: 1 })),
  ]);
  // digital offers have no place: they belong in the finder, not in a picture of what is near
  const nearby = around.hits.filter((hit) => !hit.isDigital);
  const nearest = SERVICE_LEVELS.map((level, index) => {
    const hit = perLevel[index]!.hits[0];
    return { level, hit: hit && !hit.isDigital ? hit : null };
  });
  return { radiusKm: NEAR_KM, nearby, nearest, showsDemoData: [...nearby, ...nearest.map((n) => n.hit)].some((hit) => hit?.isDemo) };
}
