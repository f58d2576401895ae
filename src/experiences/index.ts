// Erfaringer (issue #14): the experience of people who used the offers, counted without Samklang
// holding patient data: consented stories (stories/) and anonymous surveys (surveys/). Public pages
// under /erfaringer. Each part registers its routes here.
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { storiesPart } from './stories/index.ts';
import { surveyRoutes } from './surveys/index.ts';

export { loadDemoStories, storyPaths, publicExcerpts, interviewFigures } from './stories/index.ts';
export { surveySummary, surveyAggregates, surveyCells, MIN_ANSWERS, loadDemoSurveyAnswers } from './surveys/index.ts';
// Sections other domains place on their pages, each a ready element (or null when there is nothing
// to show): quotes on handbook sections, evidence entries and offers' pages; survey figures on the
// atlas and the network's front page.
export { handbookExperiences, evidenceExperiences, serviceExperiences } from './stories/index.ts';
export { surveyFigures } from './surveys/index.ts';

type Deps = { db: Db; config: Config };
const PARTS: ((app: App, deps: Deps) => Promise<void>)[] = [
  storiesPart,
  surveyRoutes,
];

export async function experiencesRoutes(app: App, deps: Deps) {
  for (const part of PARTS) await app.register(async (scope) => part(scope, deps));
}
