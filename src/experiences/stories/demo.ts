// Two clearly fictional stories for `npm start` (is_demo, "(fiktiv)" in the pseudonym and
// "Eksempel (fiktiv)" on screen), published with consent to the website and the handbook (so the handbook shows how quotes look). Texts live in the catalogue.
import type { Db, StoryTheme } from '../../platform/db/index.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { insertStory } from './queries.ts';

const FACTS = [
  { ageBand: '25-39', healthRegionCode: 'helse-vest', setting: 'kommune', serviceLevel: 'lavterskel', interviewYear: 2025 },
  { ageBand: '40-59', healthRegionCode: 'helse-nord', setting: 'spesialist:tsb', serviceLevel: 'behandling', interviewYear: 2024 },
] as const;

/** Loads the demo stories once: nothing when any demo story is there already. */
export async function loadDemoStories(db: Db): Promise<void> {
  if (await db.selectFrom('experience_story').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst()) return;
  await db.transaction().execute(async (trx) => {
    for (const [i, story] of nb.experienceStories.demoStories.entries()) {
      const facts = FACTS[i % FACTS.length]!;
      const { id } = await insertStory(trx, {
        ...facts, pseudonym: story.pseudonym, body: story.body,
        excerpts: story.excerpts.map((x) => ({ theme: x.theme as StoryTheme, body: x.body })),
        consents: [{ purpose: 'nettside', givenOn: '2026-11-30' }, { purpose: 'handbok', givenOn: '2026-11-30' }],
      }, 'system', { isDemo: true });
      await trx.updateTable('experience_story').set({ status: 'publisert', published_at: new Date() }).where('id', '=', id).execute();
    }
  });
}
