import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { recordAnswer, surveyAggregates, surveyCells, surveyFreeTexts, surveySummary, type Period } from '../../../src/experiences/surveys/store.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from '../../directory/factories.ts';

const NOV = new Date('2026-11-15T12:00:00Z');
const PERIOD: Period = { version: 'v1', from: '2025-12', to: '2026-11' };
const ALL = { listened: 5, decided: 4, helped: 3, safe: 5, respected: 5, access: 2, informed: 4, recommend: 5 };

for (const backend of backends()) {
  describe(`survey answers in the database on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization({ name: 'Testby kommune' });
    const oslo = aService(org, { name: 'Musikkgruppe Oslo', terms: ['niva:lavterskel', 'felt:rus'] });
    const bergen = aService(org, { name: 'Musikkterapi Bergen', terms: ['niva:behandling'], locations: [aLocation({ municipalityNumber: '4601' })] });
    const answer = (serviceId: string, now = NOV, extra: Partial<Parameters<typeof recordAnswer>[1]> = {}) =>
      recordAnswer(database.db, { serviceId, version: 'v1', scores: ALL, freeText: null, ...extra }, now);

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [oslo, bergen]);
    });
    after(async () => database.close());

    test('no result under five answers ever leaves the query: four give null, the fifth gives the summary', async () => {
      for (let i = 0; i < 4; i++) await answer(oslo.id, NOV, { freeText: `Tekst ${i}` });
      assert.equal(await surveySummary(database.db, oslo.id, PERIOD), null);
      assert.equal(await surveyFreeTexts(database.db, oslo.id, PERIOD), null);
      assert.deepEqual(await surveyAggregates(database.db, PERIOD), [], 'no cell under five');
      assert.deepEqual(await surveyCells(database.db, PERIOD), [], 'the compact table\'s query gives no cell under five either');

      await answer(oslo.id, NOV, { scores: { listened: null, decided: 1 } });
      const summary = await surveySummary(database.db, oslo.id, PERIOD);
      assert.ok(summary);
      assert.equal(summary.answers, 5);
      const listened = summary.questions.find((q) => q.question === 'listened')!;
      assert.deepEqual(listened.counts, [0, 0, 0, 0, 4]);
      assert.equal(listened.dontKnow, 1);
      assert.equal(listened.average, 5);
      const decided = summary.questions.find((q) => q.question === 'decided')!;
      assert.deepEqual(decided.counts, [1, 0, 0, 4, 0]);
      assert.equal(decided.average, 17 / 5);
      assert.equal(summary.questions.find((q) => q.question === 'helped')!.scored, 4, 'a skipped question is not counted');
      assert.equal((await surveyFreeTexts(database.db, oslo.id, PERIOD))!.length, 4);
    });

    test('results are compared only within a version and a period', async () => {
      assert.equal(await surveySummary(database.db, oslo.id, { ...PERIOD, version: 'v2' }), null);
      assert.equal(await surveySummary(database.db, oslo.id, { version: 'v1', from: '2026-12', to: '2027-11' }), null);
      // another offer's answers never count for this one
      assert.equal(await surveySummary(database.db, bergen.id, PERIOD), null);
    });

    test('aggregates per health region and service level hold only cells of five or more', async () => {
      for (let i = 0; i < 4; i++) await answer(bergen.id);
      const rows = await surveyAggregates(database.db, PERIOD);
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => r.answers >= 5));
      const oslosRegion = await database.db.selectFrom('municipality').select('health_region_code').where('number', '=', '0301').executeTakeFirstOrThrow();
      assert.deepEqual([...new Set(rows.map((r) => `${r.region}/${r.level}`))], [`${oslosRegion.health_region_code}/lavterskel`]);
      assert.equal(rows.find((r) => r.question === 'listened')!.scored, 4, '"vet ikke" is not a score');
      assert.ok(rows.every((r) => r.level === 'lavterskel'), 'Bergen\'s four answers are not shown');
      // the compact table (atlas, network front page): the same cells, each with its number of answers, decided in SQL
      assert.deepEqual(await surveyCells(database.db, PERIOD), [{ region: oslosRegion.health_region_code, level: 'lavterskel', answers: 5 }]);
    });

    test('a stored answer holds nothing identifying: only the offer, the version, the month, the scores and the text', async () => {
      const columns = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
        where table_name like 'experience_survey_%' order by table_name, ordinal_position`.execute(database.db);
      assert.deepEqual(columns.rows.map((c) => `${c.table_name}.${c.column_name}`), [
        'experience_survey_answer.id', 'experience_survey_answer.service_id', 'experience_survey_answer.question_version',
        'experience_survey_answer.answered_month', 'experience_survey_answer.free_text', 'experience_survey_answer.held_for_moderation',
        'experience_survey_answer.is_demo',
        'experience_survey_day.service_id', 'experience_survey_day.day', 'experience_survey_day.answers',
        'experience_survey_score.answer_id', 'experience_survey_score.question', 'experience_survey_score.score',
      ]);
      const months = await database.db.selectFrom('experience_survey_answer').select('answered_month').distinct().execute();
      assert.deepEqual(months.map((r) => r.answered_month), ['2026-11']);
    });

    test('the daily counter keeps only today: an answer the next day forgets yesterday\'s count', async () => {
      await answer(bergen.id, new Date('2026-11-16T12:00:00Z'));
      const days = await database.db.selectFrom('experience_survey_day').select(['day', 'answers']).execute();
      assert.deepEqual(days.map((d) => d.day), ['2026-11-16']);
      assert.equal(days[0]!.answers, 1);
    });
  });
}
