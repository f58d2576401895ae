// How much demand at grid cells moves the national figures, against the old model of one point
// per municipality at its interior point. Used by `npm run coverage:demand-comparison`, whose
// output is the table in docs/coverage.md; pure, so a test checks it on a small world.
import { computeCoverage, type CoverageResult } from './atlas.ts';
import { DEMAND_BLOCK_KM, demandPoints, type AtlasInputs } from './inputs.ts';
import type { MeasureOptions } from './measures.ts';
import type { DigitalOffer, Distance, SupplySite } from './types.ts';

export interface ComparisonRow {
  measure: string;
  municipalityPoints: number | null;
  gridPoints: number | null;
}

export function compareDemandModels(
  inputs: AtlasInputs,
  supply: { sites: SupplySite[]; digital: DigitalOffer[] },
  distance: Distance,
  options: MeasureOptions,
): ComparisonRow[] {
  const { settings, ...rest } = options;
  const run = (grid: boolean): CoverageResult => computeCoverage({
    demand: grid ? inputs.demand : demandPoints(inputs.municipalities),
    ...(grid ? { units: inputs.units } : {}),
    supply: supply.sites, digital: supply.digital, distance,
  }, settings, rest);
  const before = run(false).national;
  const after = run(true).national;
  const row = (measure: string, pick: (n: typeof before) => number | null): ComparisonRow => ({ measure, municipalityPoints: pick(before), gridPoints: pick(after) });
  return [
    row('Mean accessibility (FTE per 10,000, population-weighted)', (n) => n.meanScore),
    row('Gini of the municipalities\' accessibility', (n) => n.gini.value),
    row('Theil T', (n) => n.theil.total),
    ...before.withoutOffer.map((w, k) => row(`Share of people without an offer within ${w.threshold} km`, (n) => n.withoutOffer[k]?.share ?? null)),
    row('Municipalities in moderate shortage', (n) => n.shortageCounts.moderate),
    row('Municipalities in severe shortage', (n) => n.shortageCounts.severe),
    row('People in municipalities in severe shortage', (n) => n.shortagePopulation.severe),
  ];
}

export function comparisonMarkdown(rows: readonly ComparisonRow[]): string {
  const format = (x: number | null) => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(4).replace(/^-(0\.0+)$/, '$1'));
  const change = (r: ComparisonRow) => (r.municipalityPoints === null || r.gridPoints === null ? '–' : format(r.gridPoints - r.municipalityPoints));
  return [
    `| Measure | One point per municipality | Grid (${DEMAND_BLOCK_KM} km blocks) | Change |`,
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.measure} | ${format(r.municipalityPoints)} | ${format(r.gridPoints)} | ${change(r)} |`),
  ].join('\n');
}
