import type { Db } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { loadReferenceData } from './reference/index.ts';
import { hasDemoData, loadDemoData, rebuildOutdatedSearchIndex, syncTaxonomy } from './directory/index.ts';
import { syncHandbookContent } from './handbook/index.ts';
import { loadDemoAccounts } from './accounts/index.ts';
import { loadDemoCourses, loadDemoEvents, loadDemoIdeas, loadEvidenceSeed, loadNetworkDemo } from './network/index.ts';
import { loadDemoStories, loadDemoSurveyAnswers } from './experiences/index.ts';

/** The modest demo set `npm start` loads on first start. */
export const DEMO_SERVICES = 240;

/** Everything a database needs before the app serves from it: schema, reference data, taxonomy, demo data. */
export async function prepareDatabase(db: Db, options: { demoData: boolean }): Promise<{ migrations: string[]; demoLoaded: number }> {
  const migrations = await migrate(db);
  await loadReferenceData(db);
  await syncTaxonomy(db);
  // the finder's rows are rebuilt once when the search document holds more than when they were built
  await rebuildOutdatedSearchIndex(db);
  // content files → database; an admin's browser edits are never overwritten (rule in handbook/sync.ts)
  await syncHandbookContent(db);
  // the evidence library's checked seed records (real sources, each marked unchecked until the secretariat checks it)
  await loadEvidenceSeed(db);
  let demoLoaded = 0;
  if (options.demoData && !(await hasDemoData(db))) demoLoaded = await loadDemoData(db, { services: DEMO_SERVICES });
  // a demo admin and a demo editor (credentials in the README, demo only)
  if (options.demoData) await loadDemoAccounts(db);
  // a fictional network organisation with the demo editor as its member contact
  if (options.demoData) await loadNetworkDemo(db);
  // two fictional network events (a seminar ahead, a webinar with minutes behind)
  if (options.demoData) await loadDemoEvents(db);
  // a few fictional ideas and one action on /nettverket/ideer
  if (options.demoData) await loadDemoIdeas(db);
  if (options.demoData) await loadDemoStories(db);
  // one fictional course with a run, to show the network's course pages
  if (options.demoData) await loadDemoCourses(db);
  // fictional survey answers for three demo offers (scores only)
  if (options.demoData) await loadDemoSurveyAnswers(db, new Date());
  return { migrations, demoLoaded };
}
