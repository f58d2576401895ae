// Public surface of the coverage atlas. The maths (everything but the last line) is pure: no I/O, no clock.
export type * from './types.ts';
export { DEFAULT_SETTINGS, PER_INHABITANTS, assertSettings, settingsProblems, weightFunction } from './settings.ts';
export { EARTH_RADIUS_KM, greatCircleDistance, greatCircleKm, travelTimeMatrix, type BulkDistance, type ColumnFill, type TravelTimeOptions, type TravelTimeRow } from './distance.ts';
export { parseTravelTimeCsv, type CsvProblem, type TravelTimeParse } from './travel-csv.ts';
export { distanceColumn, prepare, withSites, type Prepared } from './prepare.ts';
export { accessibility, computeCore, inverseScore, twoStepFCA, type AccessibilityResult, type DemandAccessibility, type FcaCore, type SiteRatio } from './fca.ts';
export { UNASSIGNED, aggregateRatios, ftePer10k, localRatios, populationPerFte, type GroupRatio, type LocalRatio } from './ratios.ts';
export { DEFAULT_DISTANCE_THRESHOLDS, nearestOffers, shareWithoutOffer, type NearestOffers, type ThresholdShare } from './nearest.ts';
export { DEFAULT_SHORTAGE_THRESHOLDS, classifyShortage, type ShortageClass, type ShortageReason, type ShortageResult, type ShortageThresholds } from './shortage.ts';
export { gini, giniTyped, lorenz, type GiniResult, type LorenzPoint, type LorenzResult } from './inequality.ts';
export { theil, type TheilGroup, type TheilResult } from './theil.ts';
export { computeMeasures, summarise, type MeasureOptions, type Measures, type MunicipalityMeasures, type NationalMeasures, type SummaryMeasures } from './measures.ts';
export { applyScenario, delta, type Delta, type ScenarioResult } from './scenario.ts';
export { greedyPlacement, type GreedyOptions, type GreedyResult, type GreedyStep } from './greedy.ts';
export { computeCoverage, type CoverageInput, type CoverageResult, type GroupSummary } from './atlas.ts';
export { coverageRoutes } from './routes.ts';
