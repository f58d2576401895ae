import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/index.ts';
import { buildApp } from './platform/http/app.ts';
import { referenceRoutes } from './reference/index.ts';
import { directoryRoutes } from './directory/index.ts';
import { fhirRoutes, openDataRoutes } from './opendata/index.ts';
import { aboutRoutes } from './platform/views/about.tsx';
import { coverageRoutes } from './coverage/index.ts';
import { accountsPlugin, accountRoutes } from './accounts/index.ts';
import { selfServiceRoutes } from './directory/intake/self-service/index.ts';
import { moderationRoutes } from './directory/intake/moderation/index.ts';
import { importRoutes } from './directory/intake/imports/index.ts';
import { handbookRoutes } from './handbook/index.ts';
import { networkRoutes, resolveCitations } from './network/index.ts';
import { experiencesRoutes } from './experiences/index.ts';

/** The whole site: platform plus every domain, registered explicitly. */
export function createApp(db: Db, config: Config) {
  return buildApp({ db, config }, [referenceRoutes, directoryRoutes, (app, deps) => aboutRoutes(app, { ...deps, cite: resolveCitations }), openDataRoutes, fhirRoutes, accountRoutes, selfServiceRoutes, moderationRoutes, importRoutes, coverageRoutes, handbookRoutes, networkRoutes, experiencesRoutes], [accountsPlugin]);
}
