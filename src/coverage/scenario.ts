// What-if scenarios: add planned sites and compare every measure with the baseline.
import { computeMeasures, type MeasureOptions, type Measures, type SummaryMeasures } from './measures.ts';
import { withSites, type Prepared } from './prepare.ts';
import type { ShortageClass } from './shortage.ts';
import type { SupplySite } from './types.ts';

export interface Delta {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is unknown (e.g. "no offer" has no distance). */
  change: number | null;
}

export interface MunicipalityChange {
  id: string;
  score: Delta;
  catchmentPopulationPerFte: Delta;
  nearestDistance: Delta;
  localFtePer10k: Delta;
  shortage: { before: ShortageClass; after: ShortageClass };
}

export interface NationalChange {
  meanScore: Delta;
  gini: Delta;
  theil: Delta;
  theilBetween: Delta;
  theilWithin: Delta;
  reachableFte: Delta;
  fte: Delta;
  services: Delta;
  withoutOffer: { threshold: number; population: Delta; share: Delta }[];
  shortageCounts: Record<ShortageClass, Delta>;
  shortagePopulation: Record<ShortageClass, Delta>;
}

export interface ScenarioResult {
  /** The extended state, reusable for a follow-up scenario. */
  prepared: Prepared;
  baseline: Measures;
  scenario: Measures;
  municipalities: MunicipalityChange[];
  /** Ids whose shortage class changed, for highlighting on the map. */
  shortageChanged: string[];
  national: NationalChange;
}

export function delta(before: number | null | undefined, after: number | null | undefined): Delta {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, change: a !== null && b !== null ? a - b : null };
}

/** Pass `baseline` when it is already computed for the same options, to skip recomputing it. */
export function applyScenario(
  prepared: Prepared,
  added: readonly SupplySite[],
  options: MeasureOptions = {},
  baseline: Measures = computeMeasures(prepared, options),
): ScenarioResult {
  const next = withSites(prepared, added);
  // the baseline's FCA core is reused when it was computed on `prepared` with these settings
  const scenario = computeMeasures(next, options, { measures: baseline, prepared });
  const municipalities = baseline.municipalities.map((b, i): MunicipalityChange => {
    const a = scenario.municipalities[i]!;
    return {
      id: b.id,
      score: delta(b.score, a.score),
      catchmentPopulationPerFte: delta(b.catchmentPopulationPerFte, a.catchmentPopulationPerFte),
      nearestDistance: delta(b.nearest?.distance, a.nearest?.distance),
      localFtePer10k: delta(b.local.ftePer10k, a.local.ftePer10k),
      shortage: { before: b.shortage.shortage, after: a.shortage.shortage },
    };
  });
  const shortageChanged = municipalities.filter((m) => m.shortage.before !== m.shortage.after).map((m) => m.id);
  const B = baseline.national;
  const A = scenario.national;
  const national: NationalChange = {
    ...summaryChange(B, A),
    theil: delta(B.theil.total, A.theil.total),
    theilBetween: delta(B.theil.between, A.theil.between),
    theilWithin: delta(B.theil.within, A.theil.within),
    reachableFte: delta(B.reachableFte, A.reachableFte),
  };
  return { prepared: next, baseline, scenario, municipalities, shortageChanged, national };
}

function summaryChange(B: SummaryMeasures, A: SummaryMeasures) {
  const classes: ShortageClass[] = ['none', 'moderate', 'severe'];
  const perClass = (pick: (s: SummaryMeasures) => Record<ShortageClass, number>) =>
    Object.fromEntries(classes.map((c) => [c, delta(pick(B)[c], pick(A)[c])])) as Record<ShortageClass, Delta>;
  return {
    meanScore: delta(B.meanScore, A.meanScore),
    gini: delta(B.gini.value, A.gini.value),
    fte: delta(B.ratio.fte, A.ratio.fte),
    services: delta(B.ratio.services, A.ratio.services),
    withoutOffer: B.withoutOffer.map((b, k) => {
      const a = A.withoutOffer[k];
      return { threshold: b.threshold, population: delta(b.population, a?.population), share: delta(b.share, a?.share) };
    }),
    shortageCounts: perClass((s) => s.shortageCounts),
    shortagePopulation: perClass((s) => s.shortagePopulation),
  };
}
