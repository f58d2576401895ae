import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/index.ts';
import { buildApp } from './platform/http/app.ts';
import { paths } from './platform/paths.ts';
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
import { experiencesRoutes, evidenceExperiences, handbookExperiences, serviceExperiences, surveyFigures } from './experiences/index.ts';

/**
 * The whole site: platform plus every domain, registered explicitly. experiences/ imports directory,
 * handbook and network, so the sections it places on their pages are handed to them here: were they
 * to import experiences/ back, loading directory/ would load experiences/, which would use
 * directory/'s exports (SERVICE_LEVELS, through handbook's planner) before they exist.
 */
export function createApp(db: Db, config: Config) {
  return buildApp({ db, config }, [
    referenceRoutes,
    (app, deps) => directoryRoutes(app, { ...deps, serviceExperiences }),
    (app, deps) => aboutRoutes(app, { ...deps, cite: resolveCitations }),
    openDataRoutes, fhirRoutes, accountRoutes, selfServiceRoutes, moderationRoutes, importRoutes, coverageRoutes,
    (app, deps) => handbookRoutes(app, { ...deps, cite: resolveCitations, handbookExperiences }),
    (app, deps) => networkRoutes(app, { ...deps, surveyFigures, evidenceExperiences }),
    experiencesRoutes,
  ], [accountsPlugin]);
}

/** The busiest public pages, asked once by an instance before it listens (platform/http/warm-up.ts). */
export const WARM_UP_PATHS = [
  paths.home, paths.finder, `${paths.finder}?sted=Oslo`, paths.api.services, paths.coverage.atlas,
  `${paths.hsds.services}?page=1&per_page=50`, `${paths.fhir.base}/HealthcareService?_count=20`,
] as const;
