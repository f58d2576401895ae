// npm run coverage:demand-comparison   Prints, as a Markdown table, the national figures with
// demand at one point per municipality (interior point) and at the 5 km population grid, on the
// configured database's current data (DATA_DIR=/tmp/x for a fresh embedded database with the demo data).
import { prepareDatabase } from '../../setup.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { comparisonMarkdown, compareDemandModels } from '../demand-comparison.ts';
import { greatCircleDistance } from '../distance.ts';
import { supplyForLevel } from '../inputs.ts';
import { dataVersion, loadState, MEASURE_OPTIONS } from '../service.ts';
import { runCommand } from './database.ts';

runCommand(async () => {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.db, { demoData: config.demoData });
    const state = await loadState(database.db, await dataVersion(database.db));
    if (state.distance.kind !== 'great-circle') {
      console.error('A travel-time matrix is loaded: it is municipality to municipality, so the grid is not used. Clear it to compare.');
      return 1;
    }
    const supply = supplyForLevel(state.inputs, 'all');
    console.log(`Data version ${state.version}; ${supply.sites.length} places, population date ${state.populationDate ?? 'unknown'}; all levels.\n`);
    console.log(comparisonMarkdown(compareDemandModels(state.inputs, supply, greatCircleDistance, MEASURE_OPTIONS)));
    return 0;
  } finally {
    await database.close();
  }
});
