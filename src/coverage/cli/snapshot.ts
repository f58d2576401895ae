// npm run coverage:snapshot   Stores today's national indicators for the current data.
import { dataVersion, loadState } from '../service.ts';
import { takeSnapshot } from '../snapshots.ts';
import { openCommandDatabase, runCommand } from './database.ts';

runCommand(async () => {
  const database = await openCommandDatabase();
  try {
    const state = await loadState(database.db, await dataVersion(database.db));
    const stored = await takeSnapshot(database.db, state, 'manual');
    const all = state.view('all').national;
    console.log(stored
      ? `Snapshot stored for data version ${state.version}: ${all.ratio.services} offers, ${all.ratio.fte.toFixed(1)} FTE, Gini ${all.gini.value.toFixed(3)}.`
      : `A snapshot of data version ${state.version} was already taken today; nothing stored.`);
    return 0;
  } finally {
    await database.close();
  }
});
