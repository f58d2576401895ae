import type { App } from '../../platform/http/app.ts';
import type { Db } from '../../platform/db/index.ts';
import { servicesCsvRoutes } from '../csv.ts';
import { openDataPageRoutes } from '../views/open-data-page.tsx';
import { hsdsRoutes } from './routes.ts';

/** Open data: the HSDS API, the CSV export and the page that documents them. */
export async function openDataRoutes(app: App, deps: { db: Db }) {
  await hsdsRoutes(app, deps);
  await servicesCsvRoutes(app, deps);
  await openDataPageRoutes(app);
}

export { importSource, shownValue, LISTED_ROWS, type ImportReport, type ImportOptions, type ImportProgress } from './import/index.ts';
export { directoryVersion } from './version.ts';
