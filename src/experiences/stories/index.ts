// Stories told with consent (issue #14): what other parts may use.
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { storiesPersonalData } from './personal-data.ts';
import { storyRoutes } from './routes.ts';
import { reviewRoutes } from './review-routes.ts';
import { MemoryThrottle } from '../surveys/throttle.ts';

export { loadDemoStories } from './demo.ts';
export { storyPaths } from './paths.ts';
/** Published excerpts of a theme, for other pages (handbook sections, evidence entries) to quote. */
export { publicExcerpts, interviewFigures } from './queries.ts';
/** "Erfaringer fra brukere" for other pages: a handbook section, an evidence entry, an offer's page. */
export { handbookExperiences, evidenceExperiences, serviceExperiences } from './links.ts';

export const CODE_TRIES_PER_HOUR = 10;

/** The pages and forms of stories, and their share of the data download and deletion. */
export async function storiesPart(app: App, deps: { db: Db; config: Config }): Promise<void> {
  app.personalData.register(storiesPersonalData);
  // wrong receipt codes (withdrawal and review alike): ten an hour per address, in memory only
  const codeThrottle = new MemoryThrottle(CODE_TRIES_PER_HOUR, 60 * 60_000);
  await storyRoutes(app, { ...deps, codeThrottle });
  await reviewRoutes(app, { ...deps, codeThrottle });
}
