// The worked example of "Slik har vi regnet": three places and two offers, computed step by step
// by the atlas's own code (twoStepFCA and its weight function), so the page's numbers are the
// method's numbers and can never drift from them.
import { twoStepFCA } from '../fca.ts';
import { DEFAULT_SETTINGS, PER_INHABITANTS, weightFunction } from '../settings.ts';
import type { AccessibilitySettings, DemandPoint, SupplySite } from '../types.ts';

/** Fictional places and offers; distances in the settings' unit. */
export const EXAMPLE = {
  places: [
    { id: 'A', population: 8000 },
    { id: 'B', population: 2000 },
    { id: 'C', population: 500 },
  ],
  offers: [
    { id: 'X', fte: 2 },
    { id: 'Y', fte: 1 },
  ],
  distances: {
    A: { X: 5, Y: 30 },
    B: { X: 30, Y: 5 },
    C: { X: 55, Y: 70 },
  } as Record<string, Record<string, number>>,
} as const;

export interface ExampleShare {
  place: string;
  distance: number;
  weight: number;
  /** Inhabitants × weight. */
  weighted: number;
}

export interface ExampleOffer {
  offer: string;
  fte: number;
  shares: ExampleShare[];
  /** Σ inhabitants × weight: the people the offer is shared with. */
  total: number;
  /** FTE per 10,000 weighted inhabitants (R_j); null when nobody is in reach. */
  ratio: number | null;
}

export interface ExamplePlace {
  place: string;
  population: number;
  /** The offers it reaches: weight × ratio each. */
  parts: { offer: string; weight: number; ratio: number }[];
  /** FTE per 10,000 inhabitants (A_i). */
  score: number;
}

export interface WorkedExample {
  settings: AccessibilitySettings;
  step1: ExampleOffer[];
  step2: ExamplePlace[];
  /** Σ score × population / 10,000: equals the FTE someone reaches. */
  conserved: number;
  reachableFte: number;
}

export function workedExample(settings: AccessibilitySettings = DEFAULT_SETTINGS): WorkedExample {
  const demand: DemandPoint[] = EXAMPLE.places.map((p) => ({ id: p.id, lat: 0, lon: 0, population: p.population }));
  const supply: SupplySite[] = EXAMPLE.offers.map((o) => ({ id: o.id, lat: 0, lon: 0, fte: o.fte }));
  const result = twoStepFCA(demand, supply, (d, s) => EXAMPLE.distances[d.id]![s.id]!, settings);
  const w = weightFunction(settings);
  const step1 = result.sites.map((site) => ({
    offer: site.id,
    fte: site.fte,
    shares: EXAMPLE.places.map((p) => {
      const distance = EXAMPLE.distances[p.id]![site.id]!;
      return { place: p.id, distance, weight: w(distance), weighted: p.population * w(distance) };
    }),
    total: site.servedPopulation,
    ratio: site.ratio,
  }));
  const step2 = result.demand.map((d) => ({
    place: d.id,
    population: d.population!,
    parts: step1.flatMap((o) => {
      const weight = w(EXAMPLE.distances[d.id]![o.offer]!);
      return weight > 0 && o.ratio !== null ? [{ offer: o.offer, weight, ratio: o.ratio }] : [];
    }),
    score: d.score!,
  }));
  return {
    settings,
    step1,
    step2,
    conserved: step2.reduce((sum, p) => sum + (p.score * p.population) / PER_INHABITANTS, 0),
    reachableFte: result.reachableFte,
  };
}
