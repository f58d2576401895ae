import { Type, type TSchema } from '@sinclair/typebox';
import { currentLanguage, formatNumber, type Language } from '../../platform/i18n/index.ts';
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

/**
 * What a number field accepts before it is read: digits, grouping spaces (also the no-break and
 * narrow no-break spaces Intl writes), dots, commas and a minus (so a negative amount gets the range
 * message, not "write a number"). Exponents, "Infinity" and other text never pass.
 */
export const NUMBER_PATTERN = '^[-\u2212]?[0-9 \u00a0\u202f.,]*$';

export const BusinessCaseBodySchema = Type.Object(
  Object.fromEntries(Object.keys(BUSINESS_CASE_FIELDS).map((name) => [name, Type.Optional(Type.String({ maxLength: 20, pattern: NUMBER_PATTERN }))])) as Record<string, TSchema>,
  { additionalProperties: true },
);

/** Groups of three after the first: "1", "12", "650", "1 200 000" (written without separators here). */
const groupsOfThree = (parts: string[]) => /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((part) => /^\d{3}$/.test(part));

/**
 * Reads a number as the reader writes it: in bokmål and nynorsk a space or a dot between thousands
 * and a comma before decimals ("650 000", "1.200.000", "14,1"); in English a comma between thousands
 * and a dot before decimals ("650,000", "14.1"). The other style is accepted where it cannot be
 * misread: a separator used twice groups thousands ("1,200,000" in bokmål), the last of two different
 * ones is the decimal ("1,234.5", "1.234,5"), and one not followed by exactly three digits is a
 * decimal ("14.1" in bokmål, "14,1" in English). Only "650,000" / "1.200" depend on the language.
 * Returns null for blank, NaN for what is not a number.
 */
export function parseNumber(text: string, language: Language): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const match = /^([-\u2212]?)([0-9.,]+)$/.exec(compact);
  if (!match) return Number.NaN;
  const sign = match[1] ? -1 : 1;
  const body = match[2]!;
  const hasComma = body.includes(','), hasDot = body.includes('.');
  let whole: string;
  let fraction = '';
  if (hasComma && hasDot) {
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const [integer, rest, ...more] = body.split(decimal);
    const groups = integer!.split(decimal === ',' ? '.' : ',');
    if (more.length > 0 || !groupsOfThree(groups) || !/^\d+$/.test(rest!)) return Number.NaN;
    whole = groups.join('');
    fraction = rest!;
  } else if (hasComma || hasDot) {
    const separator = hasComma ? ',' : '.';
    const parts = body.split(separator);
    const ownDecimal = language === 'en' ? '.' : ',';
    if (parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3 && separator !== ownDecimal)) {
      if (!groupsOfThree(parts)) return Number.NaN;
      whole = parts.join('');
    } else {
      if (!/^\d+$/.test(parts[0]!) || !/^\d+$/.test(parts[1]!)) return Number.NaN;
      whole = parts[0]!;
      fraction = parts[1]!;
    }
  } else whole = body;
  if (!/^\d+$/.test(whole)) return Number.NaN;
  return sign * Number(fraction ? `${whole}.${fraction}` : whole);
}

/**
 * How a plan stores a number: as bokmål reads it, whoever typed it (a plan's members may read in
 * different languages). Text typed in bokmål or nynorsk is kept as typed; English is rewritten.
 */
function storedText(text: string, value: number, language: Language): string {
  return language === 'en' ? value.toLocaleString('nb-NO', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

export type BusinessCaseError = { kind: 'number' } | { kind: 'range'; min: number; max: number } | { kind: 'whole' };

export interface ReadBusinessCase {
  /** the typed text, trimmed, for redisplay */
  values: Record<string, string>;
  /** the text to store (see storedText): read the same way in every language */
  stored: Record<string, string>;
  errors: Record<string, BusinessCaseError>;
  /** null until position size, salary and employer cost are filled in */
  input: BusinessCaseInput | null;
}

/**
 * Checks every field as typed in `language` and, when the required ones are there, builds the
 * calculator's input (blank cost lines count as 0).
 */
export function readBusinessCase(raw: Record<string, unknown>, language: Language = currentLanguage()): ReadBusinessCase {
  const values: Record<string, string> = {};
  const stored: Record<string, string> = {};
  const errors: Record<string, BusinessCaseError> = {};
  const numbers: Record<string, number | null> = {};
  for (const [name, field] of Object.entries(BUSINESS_CASE_FIELDS)) {
    const text = typeof raw[name] === 'string' ? (raw[name] as string).trim() : '';
    if (text) values[name] = text;
    const value = parseNumber(text, language);
    numbers[name] = value;
    if (value === null) continue;
    if (Number.isNaN(value)) errors[name] = { kind: 'number' };
    else if (value < field.min || value > field.max) errors[name] = { kind: 'range', min: field.min, max: field.max };
    else if (field.kind === 'count' && !Number.isInteger(value)) errors[name] = { kind: 'whole' };
    else stored[name] = storedText(text, value, language);
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
  return { values, stored, errors, input };
}

/**
 * A plan's stored numbers (written by readBusinessCase's `stored`, read as bokmål), with the values
 * shown in the reader's style: in English each number is written the English way.
 */
export function readStoredBusinessCase(stored: Record<string, unknown>): ReadBusinessCase {
  const read = readBusinessCase(stored, 'nb');
  if (currentLanguage() !== 'en') return read;
  const values = Object.fromEntries(Object.entries(read.values).map(([name, text]) => {
    const value = parseNumber(text, 'nb');
    return [name, value === null || Number.isNaN(value) ? text : formatNumber(value, { maximumFractionDigits: 20 })];
  }));
  return { ...read, values };
}
