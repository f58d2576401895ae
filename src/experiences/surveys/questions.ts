// The survey's questions, versioned. The wording lives in the catalogue (msg.experienceSurveys.questions);
// a change of wording is a new version, so results are only ever compared within one version.
import { msg, nb } from '../../platform/i18n/index.ts';

export const CURRENT_VERSION = 'v1';
export type QuestionVersion = keyof typeof nb.experienceSurveys.questions;

/** The question keys of a version, in the order they are asked. */
export function questionsOf(version: QuestionVersion): { key: string; text: string }[] {
  return Object.entries(msg.experienceSurveys.questions[version]).map(([key, text]) => ({ key, text }));
}

export const isVersion = (value: string): value is QuestionVersion => value in msg.experienceSurveys.questions;

/** The form field of a question, and its values: '1'–'5', or DONT_KNOW. */
export const fieldOf = (key: string) => `q_${key}`;
export const DONT_KNOW = 'vet_ikke';
export const FREE_TEXT_FIELD = 'fritekst';
/** The honeypot: hidden from people and screen readers; a bot that fills it is thanked and ignored. */
export const HONEYPOT_FIELD = 'nettside';
export const FREE_TEXT_MAX = 2000;

/** k-anonymity: no result of fewer answers than this ever leaves the database layer. */
export const MIN_ANSWERS = 5;
/** Answers per offer per day beyond which new ones are kept aside for moderation. */
export const DAILY_CAP = 50;
/** The results' period: this many months up to and including the current one. */
export const PERIOD_MONTHS = 12;
