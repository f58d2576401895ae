// All SQL of the surveys. k-anonymity lives here: every reader of results asks the database for
// groups of at least MIN_ANSWERS answers (a `having`/`where` in the query itself), so a smaller group
// never leaves the database layer, whatever page or export asks.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges } from '../../accounts/index.ts';
import { DAILY_CAP, MIN_ANSWERS } from './questions.ts';
import { osloDay, yearMonth } from './months.ts';

export interface NewAnswer {
  serviceId: string;
  version: string;
  /** question key → 1–5, or null for "vet ikke"; unanswered questions are left out */
  scores: Record<string, number | null>;
  freeText: string | null;
  isDemo?: boolean;
}

/**
 * Stores one answer with nothing identifying: the month of `now` is all that is kept of when. The
 * offer's counter for today decides whether it is over the daily cap (then it is kept aside); the
 * counter's upsert is atomic, so concurrent answers are counted exactly.
 */
export async function recordAnswer(db: Db, answer: NewAnswer, now: Date): Promise<{ held: boolean }> {
  const today = osloDay(now);
  return db.transaction().execute(async (tx) => {
    // only today's counts are kept: the day of an answer does not outlive the day
    await tx.deleteFrom('experience_survey_day').where('day', '<', today).execute();
    const { answers } = await tx.insertInto('experience_survey_day').values({ service_id: answer.serviceId, day: today, answers: 1 })
      .onConflict((oc) => oc.columns(['service_id', 'day']).doUpdateSet({ answers: sql<number>`experience_survey_day.answers + 1` }))
      .returning('answers').executeTakeFirstOrThrow();
    const held = answers > DAILY_CAP;
    const id = newId();
    await tx.insertInto('experience_survey_answer').values({
      id, service_id: answer.serviceId, question_version: answer.version, answered_month: yearMonth(now),
      free_text: answer.freeText, held_for_moderation: held, is_demo: answer.isDemo ?? false,
    }).execute();
    const scores = Object.entries(answer.scores).map(([question, score]) => ({ answer_id: id, question, score }));
    if (scores.length > 0) await tx.insertInto('experience_survey_score').values(scores).execute();
    return { held };
  });
}

export interface Period {
  version: string;
  /** 'YYYY-MM', inclusive */
  from: string;
  to: string;
}

export interface QuestionResult {
  question: string;
  /** answers with a score (1–5) */
  scored: number;
  dontKnow: number;
  /** counts of 1, 2, 3, 4, 5 */
  counts: [number, number, number, number, number];
  average: number | null;
}

export interface SurveySummary {
  answers: number;
  questions: QuestionResult[];
}

/** Answers counted in results: this offer, this version and period, not kept aside. */
function countedAnswers(db: Tx, serviceId: string, period: Period) {
  return db.selectFrom('experience_survey_answer').select('id')
    .where('service_id', '=', serviceId).where('question_version', '=', period.version)
    .where('answered_month', '>=', period.from).where('answered_month', '<=', period.to)
    .where('held_for_moderation', '=', false);
}

/** The offer's results in the period, or null when it has fewer than MIN_ANSWERS answers (decided in SQL). */
export async function surveySummary(db: Tx, serviceId: string, period: Period): Promise<SurveySummary | null> {
  const rows = await db.with('counted', () => countedAnswers(db, serviceId, period))
    .with('total', (qb) => qb.selectFrom('counted').select((eb) => eb.fn.countAll<string>().as('n')))
    .selectFrom('experience_survey_score as s').innerJoin('counted as c', 'c.id', 's.answer_id').crossJoin('total as t')
    .select(['s.question', 's.score', 't.n', (eb) => eb.fn.countAll<string>().as('count')])
    .where('t.n', '>=', String(MIN_ANSWERS) as never)
    .groupBy(['s.question', 's.score', 't.n'])
    .execute();
  if (rows.length === 0) return null;
  const byQuestion = new Map<string, QuestionResult>();
  for (const row of rows) {
    const result = byQuestion.get(row.question) ?? { question: row.question, scored: 0, dontKnow: 0, counts: [0, 0, 0, 0, 0], average: null };
    const count = Number(row.count);
    if (row.score === null) result.dontKnow += count;
    else {
      result.counts[row.score - 1] = count;
      result.scored += count;
    }
    byQuestion.set(row.question, result);
  }
  for (const result of byQuestion.values()) {
    result.average = result.scored > 0 ? result.counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / result.scored : null;
  }
  return { answers: Number(rows[0]!.n), questions: [...byQuestion.values()] };
}

/** The free text of the period, only when the offer has at least MIN_ANSWERS answers in it (decided in SQL). */
export async function surveyFreeTexts(db: Tx, serviceId: string, period: Period): Promise<string[] | null> {
  const rows = await db.with('counted', () => countedAnswers(db, serviceId, period).select('free_text'))
    .selectFrom('counted').select(['free_text', sql<string>`count(*) over ()`.as('n')])
    .execute();
  const total = Number(rows[0]?.n ?? 0);
  if (total < MIN_ANSWERS) return null;
  return rows.map((r) => r.free_text).filter((t): t is string => t !== null).sort();
}

/** How many of the offer's answers are kept aside for moderation (a count only). */
export async function heldAnswers(db: Tx, serviceId: string): Promise<number> {
  const row = await db.selectFrom('experience_survey_answer').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('service_id', '=', serviceId).where('held_for_moderation', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AggregateRow {
  region: string | null;
  level: string | null;
  question: string;
  answers: number;
  scored: number;
  average: number | null;
}

/** The answers of the period (not kept aside) with the health region and service level of their offer. */
const cellsOf = (period: Period) => sql`
    counted as (
      select a.id, a.service_id from experience_survey_answer a
      where a.question_version = ${period.version} and a.answered_month between ${period.from} and ${period.to}
        and not a.held_for_moderation
    ), cells as (
      select distinct c.id as answer_id, m.health_region_code as region, substr(t.term, 6) as level
      from counted c
      join service_search ss on ss.service_id = c.service_id
      left join lateral unnest(ss.municipality_numbers) as mn(number) on true
      left join municipality m on m.number = mn.number
      left join lateral (select term from unnest(ss.terms) as term where term like 'niva:%') t on true
    ), sizes as (
      select region, level, count(distinct answer_id) as answers from cells
      group by region, level having count(distinct answer_id) >= ${MIN_ANSWERS}
    )`;

/**
 * Results per health region and service level of the offers, for the period: one row per cell and
 * question, only for cells of at least MIN_ANSWERS answers (decided in SQL). An offer in several
 * regions or levels counts in each.
 */
export async function surveyAggregates(db: Tx, period: Period): Promise<AggregateRow[]> {
  const { rows } = await sql<{ region: string | null; level: string | null; question: string; answers: string; scored: string; average: string | null }>`
    with ${cellsOf(period)}
    select s.region, s.level, sc.question, s.answers, count(sc.score) as scored, avg(sc.score) as average
    from sizes s
    join cells c on c.region is not distinct from s.region and c.level is not distinct from s.level
    join experience_survey_score sc on sc.answer_id = c.answer_id
    group by s.region, s.level, s.answers, sc.question
    order by s.region nulls last, s.level nulls last, sc.question`.execute(db);
  return rows.map((r) => ({ region: r.region, level: r.level, question: r.question, answers: Number(r.answers), scored: Number(r.scored), average: r.average === null ? null : Number(r.average) }));
}

export interface AggregateCell { region: string | null; level: string | null; answers: number }

/** The number of answers per health region and service level in the period, only for cells of at least MIN_ANSWERS (decided in SQL). */
export async function surveyCells(db: Tx, period: Period): Promise<AggregateCell[]> {
  const { rows } = await sql<{ region: string | null; level: string | null; answers: string }>`
    with ${cellsOf(period)}
    select region, level, answers from sizes order by region nulls last, level nulls last`.execute(db);
  return rows.map((r) => ({ region: r.region, level: r.level, answers: Number(r.answers) }));
}

/**
 * The secretariat's decision on an offer's answers kept aside: counted after all, or discarded.
 * Audited as a count, without the answers.
 */
export async function moderateHeld(db: Db, serviceId: string, decision: 'count' | 'discard', actor: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const held = tx.selectFrom('experience_survey_answer').select('id').where('service_id', '=', serviceId).where('held_for_moderation', '=', true);
    const result = decision === 'count'
      ? await tx.updateTable('experience_survey_answer').set({ held_for_moderation: false }).where('id', 'in', held).executeTakeFirst()
      : await tx.deleteFrom('experience_survey_answer').where('id', 'in', held).executeTakeFirst();
    const count = Number('numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows);
    if (count > 0) {
      await recordChanges(tx, actor, [{
        resourceId: serviceId, resourceType: 'experience_survey', actionType: decision === 'count' ? 'update' : 'delete',
        fieldName: 'held_for_moderation', previousValue: String(count), replacementValue: decision,
      }]);
    }
    return count;
  });
}
