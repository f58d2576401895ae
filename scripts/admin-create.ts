// npm run admin:create -- --email person@example.no [--name "Navn Navnesen"]
// Creates the first admin (or makes an account admin) and prints a link to choose a password.
// With embedded PGlite, stop the app first: one process owns its files.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createAdmin } from '../src/accounts/admin-create.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email person@example.no [--name "Navn"]');
  process.exit(64); // EX_USAGE
}
const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database.db);
  const result = await createAdmin(database.db, config, { email: values.email, name: values.name ?? null });
  console.log(`${result.created ? 'Created' : 'Updated'} admin ${values.email.trim().toLowerCase()}.`);
  console.log(`Choose a password within 24 hours (single use): ${result.link}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await database.close();
}
