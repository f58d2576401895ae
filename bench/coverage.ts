// npm run bench:coverage: how long the atlas's computations take on Norway's real demand (357
// municipalities over 3,810 populated 10 km blocks) with synthetic sites (1,000 and 10,000). Prints medians and writes its own
// section of BENCHMARKS.md, leaving other sections alone. A benchmark, not a test: no pass/fail.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
  applyScenario, computeCoverage, computeMeasures, greatCircleDistance, greedyPlacement,
  type CoverageResult, type DemandPoint, type SupplySite,
} from '../src/coverage/index.ts';
import { generateSites, referenceDemand } from '../src/coverage/bench-data.ts';
import { MEASURE_OPTIONS } from '../src/coverage/service.ts';
import { forgetPreparedCaches } from '../src/coverage/prepare.ts';
import { median } from './lib/load.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const FILE = new URL('../BENCHMARKS.md', import.meta.url);
const START = '<!-- bench:coverage start -->';
const END = '<!-- bench:coverage end -->';

/**
 * Two warm-up runs (JIT), then RUNS timed runs: wall-clock median and spread, and the median
 * CPU time of this process, which other processes on a shared machine disturb much less.
 */
function time(run: () => unknown): { median: number; min: number; max: number; cpu: number } {
  for (let i = 0; i < 2; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(wall), min: Math.min(...wall), max: Math.max(...wall), cpu: median(cpu) };
}

const { settings, ...options } = MEASURE_OPTIONS;
const { demand, units } = referenceDemand();
const regionOf = (p: DemandPoint) => p.region;
const countyOf = (p: DemandPoint) => p.id.slice(0, 2);

function atlas(supply: SupplySite[]): CoverageResult {
  return computeCoverage({ demand, units, supply, distance: greatCircleDistance, groupings: { health_region: regionOf, county: countyOf } }, settings, options);
}

const planned = units.slice(0, 5).map((d, i): SupplySite => ({ id: `plan-${i}`, lat: d.lat, lon: d.lon, fte: 1, level: 'lavterskel', demandId: d.id }));

interface Row { what: string; sites: number; target: number | null; result: ReturnType<typeof time> }
const rows: Row[] = [];
for (const count of [1_000, 10_000]) {
  const supply = generateSites(demand, { count });
  const baseline = atlas(supply);
  // What a data change costs the atlas: one site moves (a new position each run), the demand side
  // and the other sites' columns are kept from the computation before.
  let moves = 0;
  const oneMoved = () => {
    moves += 1;
    const changed = supply.slice();
    const at = (moves * 7919) % changed.length;
    changed[at] = { ...changed[at]!, lat: changed[at]!.lat + moves * 1e-5 };
    return changed;
  };
  rows.push({ what: 'National recompute after a data change (one site moved; every measure + groups)', sites: count, target: count === 10_000 ? 50 : null, result: time(() => atlas(oneMoved())) });
  rows.push({ what: 'National recompute from nothing (no kept demand side or columns)', sites: count, target: null, result: time(() => { forgetPreparedCaches(); return atlas(supply); }) });
  rows.push({ what: 'Measures only, on a prepared distance matrix', sites: count, target: null, result: time(() => computeMeasures(baseline.prepared, MEASURE_OPTIONS)) });
  rows.push({ what: 'Scenario with 5 added positions (reuses the matrix)', sites: count, target: 100, result: time(() => applyScenario(baseline.prepared, planned, MEASURE_OPTIONS, baseline)) });
  for (const objective of ['reach', 'accessibility', 'gini'] as const) {
    rows.push({ what: `Greedy placement K=10 (${objective})`, sites: count, target: 2000, result: time(() => greedyPlacement(baseline.prepared, { k: 10, fte: 1, objective })) });
  }
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const lines = rows.map((r) => {
  const verdict = r.target === null ? '' : r.result.median <= r.target ? `≤ ${r.target} ms: met` : `≤ ${r.target} ms: NOT met`;
  return `| ${r.what} | ${r.sites.toLocaleString('en')} | ${ms(r.result.median)} | ${ms(r.result.min)}–${ms(r.result.max)} | ${ms(r.result.cpu)} | ${verdict} |`;
});
for (const line of lines) console.log(line);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at start`;
const section = [
  START,
  '## Coverage atlas (`npm run bench:coverage`)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. Median of ${RUNS} runs after 2 warm-up runs; times in ms.`,
  'The target is judged on the wall-clock median. On a shared, busy machine that median is inflated by other',
  'processes; the CPU-time median (this process only) shows what the computation itself costs.',
  'Demand as the atlas uses it: the 357 municipalities (population 1 January 2025) spread over 3,810 points (their',
  'populated 5 km cells joined into 10 km blocks; `referenceDemand()` in `src/coverage/bench-data.ts`); synthetic sites placed in',
  'proportion to population. Great-circle distance with a spatial index and the 60 km catchment; default E2SFCA',
  'settings. The page itself never recomputes: results are cached per data version and setting (see docs/coverage.md).',
  'A recompute after a data change keeps what depends on the demand points (their spatial index) and the pairs of every',
  'site that did not move; "from nothing" is the first computation after a start.',
  '',
  '| What | Sites | Median (wall) | Range (wall) | Median (CPU) | Target |',
  '|---|---:|---:|---:|---:|---|',
  ...lines,
  END,
].join('\n');

const existing = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
const at = existing.indexOf(START);
const next = at >= 0
  ? existing.slice(0, at) + section + existing.slice(existing.indexOf(END) + END.length)
  : `${existing.trimEnd()}\n\n${section}\n`;
writeFileSync(FILE, next);
console.log(`\nWrote the coverage section of ${FILE.pathname}`);
