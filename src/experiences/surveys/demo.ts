// Demo answers (clearly fictional: is_demo, and the demo offers they belong to are marked on
// screen): enough answers for three demo offers to show results, loaded once. Scores only, no
// free text, so no made-up quotes.
import type { Db } from '../../platform/db/index.ts';
import { CURRENT_VERSION, MIN_ANSWERS, questionsOf } from './questions.ts';
import { recordAnswer } from './store.ts';

export async function loadDemoSurveyAnswers(db: Db, now: Date): Promise<void> {
  const already = await db.selectFrom('experience_survey_answer').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (already) return;
  const services = await db.selectFrom('service_search').select('service_id').where('is_demo', '=', true).orderBy('service_id').limit(3).execute();
  const keys = questionsOf(CURRENT_VERSION).map((q) => q.key);
  for (const [s, { service_id }] of services.entries()) {
    for (let i = 0; i < MIN_ANSWERS + 2 + s; i++) {
      // a fixed, varied pattern: mostly 4 and 5, some 3, an occasional "vet ikke"
      const scores = Object.fromEntries(keys.map((key, k) => [key, (i + k + s) % 7 === 0 ? null : 3 + ((i * 3 + k + s) % 3)]));
      await recordAnswer(db, { serviceId: service_id, version: CURRENT_VERSION, scores, freeText: null, isDemo: true }, now);
    }
  }
}
