// The network's own workspace (issue #12): members, seminars, ideas that become actions, evidence,
// courses. Public pages under /nettverket, member pages behind sign-in. Each part registers its
// routes here.
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { membershipPersonalData } from './members/personal-data.ts';
import { networkCourses } from './courses/index.ts';

export { networkRoles, networkRolesOf, networkGuards, mayApproveFor, type NetworkRoles } from './roles.ts';

type Deps = { db: Db; config: Config };
const PARTS: ((app: App, deps: Deps) => Promise<void>)[] = [
  networkCourses,
];

export async function networkRoutes(app: App, deps: Deps) {
  app.personalData.register(membershipPersonalData);
  for (const part of PARTS) await app.register(async (scope) => part(scope, deps));
}
