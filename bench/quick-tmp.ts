import { computeCoverage, greatCircleDistance, greedyPlacement } from '../src/coverage/index.ts';
import { generateSites } from '../src/coverage/bench-data.ts';
import { gridDemand } from '../src/coverage/inputs.ts';
import { demandGrid, type MunicipalityRow } from '../src/reference/index.ts';
import { parseSimpleCsv, readReferenceFile } from '../src/reference/files.ts';
import { MEASURE_OPTIONS } from '../src/coverage/service.ts';
const { settings, ...options } = MEASURE_OPTIONS;
const municipalities = parseSimpleCsv(readReferenceFile('kommuner.csv')).map((m) => ({ number: m.kommunenummer!, lat: Number(m.lat), lon: Number(m.lon), population: Number(m.befolkning), health_region_code: m.helseregion! }) as MunicipalityRow);
const units = municipalities.map((m) => ({ id: m.number, lat: m.lat, lon: m.lon, population: m.population, region: m.health_region_code }));
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); f(); return (process.cpuUsage(c).user / 1000); };
for (const block of [5, 10, 0]) {
  const demand = block === 0 ? units : gridDemand(municipalities, demandGrid().cells, block);
  const supply = generateSites(demand, { count: 10_000 });
  const run = () => computeCoverage({ demand, ...(block ? { units } : {}), supply, distance: greatCircleDistance }, settings, options);
  run(); run();
  const times = [0, 1, 2, 3, 4].map(() => cpu(run)).sort((a, b) => a - b);
  const base = run();
  const g = cpu(() => greedyPlacement(base.prepared, { k: 10, fte: 1, objective: 'reach' }));
  console.log(block || 'municipality points', demand.length, 'points; recompute median CPU', times[2]!.toFixed(0), 'ms; greedy K=10', g.toFixed(0), 'ms');
}
