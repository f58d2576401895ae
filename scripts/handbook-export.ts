/**
 * `npm run handbook:export`: writes handbook sections edited in the browser back to
 * content/handbook/nb/, so the change can be reviewed and committed like any other.
 * Uses the database the app uses (DATABASE_URL, or PGlite in DATA_DIR).
 */
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { exportHandbook } from '../src/handbook/index.ts';

const database = await openDatabase(loadConfig());
try {
  const written = await exportHandbook(database.db);
  console.log(written.length === 0 ? 'No section has been edited in the browser since the last export.' : `Wrote ${written.length} file(s):\n${written.map((p) => `  content/handbook/nb/${p}`).join('\n')}`);
} finally {
  await database.close();
}
