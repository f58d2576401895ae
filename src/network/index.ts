// The network's own workspace (issue #12): members, seminars, ideas that become actions, evidence,
// courses. Public pages under /nettverket, member pages behind sign-in. Each part registers its
// routes here.
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import type { PageSection } from '../platform/views/page-section.ts';
import { membershipPersonalData } from './members/personal-data.ts';
import { networkHomeRoutes } from './home-routes.ts';
import { memberRoutes } from './members/routes.ts';
import { manageRoutes } from './members/manage-routes.ts';
import { networkCourses } from './courses/index.ts';

export { loadDemoCourses, MyCoursesSection } from './courses/index.ts';

export { loadNetworkDemo } from './members/demo.ts';
export type { MyPageSection, MyPageSectionSource } from './my-page.ts';
import { evidenceRoutes } from './evidence/routes.ts';

export { loadEvidenceSeed } from './evidence/seed.ts';
export { resolveCitations } from './evidence/citations.ts';
import { eventRoutes } from './events/routes.ts';

export { loadDemoEvents } from './events/demo.ts';
import { ideasPart } from './ideas/index.ts';

export { loadDemoIdeas, listIdeas, type IdeaRow } from './ideas/index.ts';
export { networkRoles, networkRolesOf, networkGuards, mayApproveFor, type NetworkRoles } from './roles.ts';

/** The experiences' sections on the network's pages, handed in by src/app.ts (experiences/ imports this domain). */
export interface NetworkSections {
  /** survey figures on the front page */
  surveyFigures: PageSection<[now: Date]>;
  /** quotes on an evidence entry's page */
  evidenceExperiences: PageSection<[outcomes: readonly string[]]>;
}
type Deps = { db: Db; config: Config } & NetworkSections;
const PARTS: ((app: App, deps: Deps) => Promise<void>)[] = [
  networkHomeRoutes,
  memberRoutes, manageRoutes,
  evidenceRoutes,
  eventRoutes,
  ideasPart,
  networkCourses,
];

export async function networkRoutes(app: App, deps: Deps) {
  app.personalData.register(membershipPersonalData);
  for (const part of PARTS) await app.register(async (scope) => part(scope, deps));
}
