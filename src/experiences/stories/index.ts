// Stories told with consent (issue #14): what other parts may use.
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { storiesPersonalData } from './personal-data.ts';
import { storyRoutes } from './routes.ts';

export { loadDemoStories } from './demo.ts';
export { storyPaths } from './paths.ts';
/** Published excerpts of a theme, for other pages (handbook sections, evidence entries) to quote. */
export { publicExcerpts, interviewFigures } from './queries.ts';

/** The pages and forms of stories, and their share of the data download and deletion. */
export async function storiesPart(app: App, deps: { db: Db; config: Config }): Promise<void> {
  app.personalData.register(storiesPersonalData);
  await storyRoutes(app, deps);
}
