// The business case (kost/nytte-regnestykke) for an establishment. Pure arithmetic on the
// planner's own numbers: every figure on the benefit side is a user assumption, never a fact.

export const SCENARIOS = ['low', 'expected', 'high'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenefitAssumption {
  /** participants who start the offer in a year */
  participants: number;
  /** how many percentage points fewer of them break off their treatment course */
  dropoutReductionPoints: number;
  /** what one broken-off course costs the service (kroner) */
  costPerBrokenCourse: number;
}

export interface BusinessCaseInput {
  /** size of the position, percent of a full-time post (100 = one FTE / årsverk) */
  positionPercent: number;
  /** yearly salary for a full-time post, kroner */
  annualSalary: number;
  /** employer costs on top of salary (payroll tax, pension, …) as percent of salary */
  employerCostPercent: number;
  oneTime: { instruments: number; room: number; other: number };
  yearly: { instruments: number; supervision: number; room: number; other: number };
  /** funding per year */
  funding: { ownBudget: number; stateGrant: number; other: number };
  /** null where the planner has not filled in all three assumptions of a scenario */
  benefit: Record<Scenario, BenefitAssumption | null>;
}

export interface ScenarioResult {
  scenario: Scenario;
  assumption: BenefitAssumption;
  /** participants × reduction: broken-off courses the offer is assumed to prevent per year */
  avoidedBrokenCourses: number;
  /** avoided courses × cost per course */
  avoidedCost: number;
  /** avoided cost − yearly cost: positive means the assumed benefit exceeds the cost */
  netPerYear: number;
  /**
   * how many broken-off courses must be prevented per year for the benefit to equal the yearly cost;
   * null when a broken-off course costs nothing (no number of them covers a cost: never Infinity or NaN)
   */
  breakEvenCourses: number | null;
}

export interface BusinessCaseResult {
  salaryCost: number;
  employerCost: number;
  personnelCost: number;
  otherYearlyCost: number;
  yearlyCost: number;
  oneTimeCost: number;
  firstYearCost: number;
  fundingPerYear: number;
  /** yearly cost − funding; positive: not yet financed */
  yearlyGap: number;
  /** first-year cost (one-time costs included) − funding */
  firstYearGap: number;
  sensitivity: ScenarioResult[];
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

export function calculateBusinessCase(input: BusinessCaseInput): BusinessCaseResult {
  const salaryCost = input.annualSalary * (input.positionPercent / 100);
  const employerCost = salaryCost * (input.employerCostPercent / 100);
  const personnelCost = salaryCost + employerCost;
  const otherYearlyCost = sum(input.yearly);
  const yearlyCost = personnelCost + otherYearlyCost;
  const oneTimeCost = sum(input.oneTime);
  const fundingPerYear = sum(input.funding);
  const sensitivity = SCENARIOS.flatMap((scenario): ScenarioResult[] => {
    const assumption = input.benefit[scenario];
    if (!assumption) return [];
    const avoidedBrokenCourses = assumption.participants * (assumption.dropoutReductionPoints / 100);
    const avoidedCost = avoidedBrokenCourses * assumption.costPerBrokenCourse;
    return [{
      scenario, assumption, avoidedBrokenCourses, avoidedCost, netPerYear: avoidedCost - yearlyCost,
      breakEvenCourses: assumption.costPerBrokenCourse > 0 ? yearlyCost / assumption.costPerBrokenCourse : null,
    }];
  });
  return {
    salaryCost, employerCost, personnelCost, otherYearlyCost, yearlyCost, oneTimeCost,
    firstYearCost: yearlyCost + oneTimeCost, fundingPerYear,
    yearlyGap: yearlyCost - fundingPerYear, firstYearGap: yearlyCost + oneTimeCost - fundingPerYear, sensitivity,
  };
}
