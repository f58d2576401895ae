import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const applied = await migrate(database.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
} finally {
  await database.close();
}
