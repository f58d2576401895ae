// Open data: the directory for other systems. HSDS 3.0 (API, tabular export, profile), FHIR R4,
// the finder's CSV and the page that documents them. Reads the directory through its index.ts.
import type { App } from '../platform/http/app.ts';
import type { Db } from '../platform/db/index.ts';
import { readerOf } from '../platform/db/index.ts';
import { servicesCsvRoutes } from './csv.ts';
import { openDataPageRoutes } from './views/open-data-page.tsx';
import { hsdsRoutes } from './hsds/routes.ts';
import { dropValidatorsFromErrors } from './conditional.ts';

export { fhirRoutes } from './fhir/routes.ts';

/** The HSDS API, the CSV export and the page that documents them. */
export async function openDataRoutes(app: App, { db }: { db: Db }) {
  const deps = { db: readerOf(db) }; // public reads: the replica, or the primary after the reader's own write
  app.addHook('onSend', async (_request, reply, payload) => {
    dropValidatorsFromErrors(reply);
    return payload;
  });
  await hsdsRoutes(app, deps);
  await servicesCsvRoutes(app, deps);
  await openDataPageRoutes(app);
}
