// Anonymous experience surveys per offer (issue #14): what other parts may use.
export { surveyRoutes, currentPeriod } from './routes.ts';
export { surveySummary, surveyAggregates, surveyCells, surveyFreeTexts, recordAnswer, type Period, type SurveySummary, type AggregateRow } from './store.ts';
export { MIN_ANSWERS, CURRENT_VERSION } from './questions.ts';
export { loadDemoSurveyAnswers } from './demo.ts';
export { surveyFigures } from './figures.tsx';
