import { Type, type TSchema } from '@sinclair/typebox';
import { SCENARIOS, type BenefitAssumption, type BusinessCaseInput, type Scenario } from './calculator.ts';

type Kind = 'percent' | 'kroner' | 'count';
interface NumberField {
  kind: Kind;
  min: number;
  max: number;
}
const percent = (min = 0, max = 100): NumberField => ({ kind: 'percent', min, max });
const kroner: NumberField = { kind: 'kroner', min: 0, max: 1_000_000_000 };
const count: NumberField = { kind: 'count', min: 0, max: 1_000_000 };
const SCENARIO_SUFFIX: Record<Scenario, string> = { low: 'lav', expected: 'forventet', high: 'hoy' };

/** The calculator's form fields by name (the names are stored with the plan: never rename one). */
export const BUSINESS_CASE_FIELDS: Record<string, NumberField> = {
  stillingsprosent: percent(1, 1000),
  arslonn: kroner,
  arbeidsgiverprosent: percent(),
  engang_instrumenter: kroner, engang_rom: kroner, engang_annet: kroner,
  arlig_instrumenter: kroner, arlig_veiledning: kroner, arlig_rom: kroner, arlig_annet: kroner,
  finans_egne: kroner, finans_tilskudd: kroner, finans_annet: kroner,
  ...Object.fromEntries(SCENARIOS.flatMap((scenario) => [
    [`deltakere_${SCENARIO_SUFFIX[scenario]}`, count],
    [`frafall_${SCENARIO_SUFFIX[scenario]}`, percent()],
    [`bruddkostnad_${SCENARIO_SUFFIX[scenario]}`, kroner],
  ])),
};
export const benefitFieldNames = (scenario: Scenario) => ({
  participants: `deltakere_${SCENARIO_SUFFIX[scenario]}`,
  dropoutReductionPoints: `frafall_${SCENARIO_SUFFIX[scenario]}`,
  costPerBrokenCourse: `bruddkostnad_${SCENARIO_SUFFIX[scenario]}`,
});

/** Digits with Norwegian separators: "650 000", "14,1", "1.200.000". */
export const NUMBER_PATTERN = '^[0-9 \u00a0.,]*$';

export const BusinessCaseBodySchema = Type.Object(
  Object.fromEntries(Object.keys(BUSINESS_CASE_FIELDS).map((name) => [name, Type.Optional(Type.String({ maxLength: 20, pattern: NUMBER_PATTERN }))])) as Record<string, TSchema>,
  { additionalProperties: true },
);

/** Reads a number as Norwegians write it; null for blank, NaN for what is not a number. */
export function parseNorwegianNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  let normal: string;
  if (compact.includes(',')) normal = compact.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(compact)) normal = compact.replace(/\./g, '');
  else normal = compact;
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

export type BusinessCaseError = { kind: 'number' } | { kind: 'range'; min: number; max: number } | { kind: 'whole' };

export interface ReadBusinessCase {
  /** the typed text, trimmed, for storing and redisplay */
  values: Record<string, string>;
  errors: Record<string, BusinessCaseError>;
  /** null until position size, salary and employer cost are filled in */
  input: BusinessCaseInput | null;
}

/** Checks every field and, when the required ones are there, builds the calculator's input (blank cost lines count as 0). */
export function readBusinessCase(raw: Record<string, unknown>): ReadBusinessCase {
  const values: Record<string, string> = {};
  const errors: Record<string, BusinessCaseError> = {};
  const numbers: Record<string, number | null> = {};
  for (const [name, field] of Object.entries(BUSINESS_CASE_FIELDS)) {
    const text = typeof raw[name] === 'string' ? (raw[name] as string).trim() : '';
    if (text) values[name] = text;
    const value = parseNorwegianNumber(text);
    numbers[name] = value;
    if (value === null) continue;
    if (Number.isNaN(value)) errors[name] = { kind: 'number' };
    else if (value < field.min || value > field.max) errors[name] = { kind: 'range', min: field.min, max: field.max };
    else if (field.kind === 'count' && !Number.isInteger(value)) errors[name] = { kind: 'whole' };
  }
  const n = (name: string) => (errors[name] ? null : numbers[name] ?? null);
  const zero = (name: string) => n(name) ?? 0;
  const required = [n('stillingsprosent'), n('arslonn'), n('arbeidsgiverprosent')];
  const benefit = Object.fromEntries(SCENARIOS.map((scenario) => {
    const names = benefitFieldNames(scenario);
    const assumption = { participants: n(names.participants), dropoutReductionPoints: n(names.dropoutReductionPoints), costPerBrokenCourse: n(names.costPerBrokenCourse) };
    return [scenario, Object.values(assumption).every((v) => v !== null) ? (assumption as BenefitAssumption) : null];
  })) as Record<Scenario, BenefitAssumption | null>;
  const input: BusinessCaseInput | null = required.some((v) => v === null) ? null : {
    positionPercent: required[0]!, annualSalary: required[1]!, employerCostPercent: required[2]!,
    oneTime: { instruments: zero('engang_instrumenter'), room: zero('engang_rom'), other: zero('engang_annet') },
    yearly: { instruments: zero('arlig_instrumenter'), supervision: zero('arlig_veiledning'), room: zero('arlig_rom'), other: zero('arlig_annet') },
    funding: { ownBudget: zero('finans_egne'), stateGrant: zero('finans_tilskudd'), other: zero('finans_annet') },
    benefit,
  };
  return { values, errors, input };
}
