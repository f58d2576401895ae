// Ideas that become actions (issue #12): what other parts may use.
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { ideasApiRoutes } from './api.ts';
import { ideasPersonalData } from './personal-data.ts';
import { ideasRoutes } from './routes.ts';
import { actionRoutes } from './action-routes.ts';

export { loadDemoIdeas } from './demo.ts';
/** For an event's page: its visible ideas (`listIdeas(db, { eventId })`); link to all of them with `${paths.network.ideas.index}?arrangement=<id>`, and to a new one with `${paths.network.ideas.create}?arrangement=<id>`. */
export { listIdeas, type IdeaRow } from './queries.ts';

/** The pages, forms, open data and feed of the ideas part, and its share of the data download and deletion. */
export async function ideasPart(app: App, deps: { db: Db; config: Config }): Promise<void> {
  app.personalData.register(ideasPersonalData);
  await ideasRoutes(app, deps);
  await actionRoutes(app, deps);
  await ideasApiRoutes(app, deps);
}
