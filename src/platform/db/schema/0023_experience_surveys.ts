// Row types of the tables of migrations/0023_experience_surveys.ts: anonymous experience surveys
// per offer. Nothing identifying: no account, address, user agent, cookie or time finer than a month.
import type { WithDefault } from './columns.ts';

export type ExperienceSurveyAnswerTable = {
  id: string;
  service_id: string;
  /** the version of the questions answered ('v1'); results are compared only within a version */
  question_version: string;
  /** 'YYYY-MM' in Europe/Oslo: the month is all that is kept of when */
  answered_month: string;
  free_text: string | null;
  /** over the offer's daily cap: kept aside, left out of results */
  held_for_moderation: WithDefault<boolean>;
  is_demo: WithDefault<boolean>;
};

export type ExperienceSurveyScoreTable = {
  answer_id: string;
  question: string;
  /** 1–5, null for "vet ikke" */
  score: number | null;
};

export type ExperienceSurveyDayTable = {
  service_id: string;
  day: string;
  answers: WithDefault<number>;
};

export interface ExperienceSurveysTables {
  experience_survey_answer: ExperienceSurveyAnswerTable;
  experience_survey_score: ExperienceSurveyScoreTable;
  experience_survey_day: ExperienceSurveyDayTable;
}
