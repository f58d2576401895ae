// Ideas that become actions (issue #12): what other parts may use.
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { ideasApiRoutes } from './api.ts';
import { ideasPersonalData } from './personal-data.ts';
import { ideasRoutes } from './routes.ts';

export { loadDemoIdeas } from './demo.ts';

/** The pages, forms, open data and feed of the ideas part, and its share of the data download and deletion. */
export async function ideasPart(app: App, deps: { db: Db; config: Config }): Promise<void> {
  app.personalData.register(ideasPersonalData);
  await ideasRoutes(app, deps);
  await ideasApiRoutes(app, deps);
}
