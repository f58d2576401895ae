import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calculateBusinessCase, type BusinessCaseInput } from '../../../src/handbook/planner/calculator.ts';
import { parseNumber, readBusinessCase, readStoredBusinessCase } from '../../../src/handbook/planner/business-case-form.ts';
import { withLanguage } from '../../../src/platform/i18n/index.ts';

// A 50 % position in a municipality, every number made up for the example.
const example: BusinessCaseInput = {
  positionPercent: 50,
  annualSalary: 600_000,
  employerCostPercent: 25,
  oneTime: { instruments: 80_000, room: 40_000, other: 0 },
  yearly: { instruments: 10_000, supervision: 15_000, room: 20_000, other: 5_000 },
  funding: { ownBudget: 200_000, stateGrant: 150_000, other: 25_000 },
  benefit: {
    low: { participants: 20, dropoutReductionPoints: 5, costPerBrokenCourse: 100_000 },
    expected: { participants: 30, dropoutReductionPoints: 10, costPerBrokenCourse: 150_000 },
    high: { participants: 40, dropoutReductionPoints: 20, costPerBrokenCourse: 200_000 },
  },
};

describe('business case calculator', () => {
  test('costs: salary share, employer costs, yearly and one-time costs (worked by hand)', () => {
    const result = calculateBusinessCase(example);
    // salary: 600 000 × 50 % = 300 000; employer costs: 300 000 × 25 % = 75 000
    assert.equal(result.salaryCost, 300_000);
    assert.equal(result.employerCost, 75_000);
    // personnel: 300 000 + 75 000 = 375 000
    assert.equal(result.personnelCost, 375_000);
    // other yearly: 10 000 + 15 000 + 20 000 + 5 000 = 50 000; yearly: 375 000 + 50 000 = 425 000
    assert.equal(result.otherYearlyCost, 50_000);
    assert.equal(result.yearlyCost, 425_000);
    // one-time: 80 000 + 40 000 + 0 = 120 000; first year: 425 000 + 120 000 = 545 000
    assert.equal(result.oneTimeCost, 120_000);
    assert.equal(result.firstYearCost, 545_000);
  });

  test('financing: funding per year and the gap in a normal year and the first year', () => {
    const result = calculateBusinessCase(example);
    // 200 000 + 150 000 + 25 000 = 375 000
    assert.equal(result.fundingPerYear, 375_000);
    // 425 000 − 375 000 = 50 000 not financed each year; first year 545 000 − 375 000 = 170 000
    assert.equal(result.yearlyGap, 50_000);
    assert.equal(result.firstYearGap, 170_000);
  });

  test('sensitivity: low / expected / high benefit from the planner’s own assumptions', () => {
    const [low, expected, high] = calculateBusinessCase(example).sensitivity;
    // low: 20 × 5 % = 1 course; 1 × 100 000 = 100 000; 100 000 − 425 000 = −325 000; 425 000 / 100 000 = 4.25
    assert.deepEqual([low!.avoidedBrokenCourses, low!.avoidedCost, low!.netPerYear, low!.breakEvenCourses], [1, 100_000, -325_000, 4.25]);
    // expected: 30 × 10 % = 3; 3 × 150 000 = 450 000; 450 000 − 425 000 = 25 000; 425 000 / 150 000 ≈ 2.833
    assert.ok(Math.abs(expected!.avoidedBrokenCourses - 3) < 1e-9);
    assert.ok(Math.abs(expected!.avoidedCost - 450_000) < 1e-6);
    assert.ok(Math.abs(expected!.netPerYear - 25_000) < 1e-6);
    assert.ok(Math.abs(expected!.breakEvenCourses! - 2.8333333) < 1e-6);
    // high: 40 × 20 % = 8; 8 × 200 000 = 1 600 000; 1 600 000 − 425 000 = 1 175 000
    assert.deepEqual([high!.avoidedBrokenCourses, high!.avoidedCost, high!.netPerYear], [8, 1_600_000, 1_175_000]);
  });

  test('a scenario the planner has not filled in is left out, not guessed', () => {
    const result = calculateBusinessCase({ ...example, benefit: { low: null, expected: example.benefit.expected, high: null } });
    assert.deepEqual(result.sensitivity.map((s) => s.scenario), ['expected']);
  });

  test('break-even when a broken-off course costs nothing is "cannot be worked out" (null), never Infinity or NaN', () => {
    const free = { participants: 30, dropoutReductionPoints: 10, costPerBrokenCourse: 0 };
    const [expected] = calculateBusinessCase({ ...example, benefit: { low: null, expected: free, high: null } }).sensitivity;
    assert.equal(expected!.breakEvenCourses, null);
    assert.deepEqual([expected!.avoidedCost, expected!.netPerYear], [0, -425_000]);
    // no yearly cost either: 0 / 0 would be NaN
    const nothing = calculateBusinessCase({
      ...example, positionPercent: 0, yearly: { instruments: 0, supervision: 0, room: 0, other: 0 }, benefit: { low: null, expected: free, high: null },
    });
    assert.equal(nothing.yearlyCost, 0);
    assert.equal(nothing.sensitivity[0]!.breakEvenCourses, null);
    // no yearly cost, a cost per course: nothing to cover
    const covered = calculateBusinessCase({ ...example, positionPercent: 0, yearly: { instruments: 0, supervision: 0, room: 0, other: 0 } });
    assert.deepEqual(covered.sensitivity.map((s) => s.breakEvenCourses), [0, 0, 0]);
    const everyNumber = JSON.stringify(nothing, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? 'NOT FINITE' : value));
    assert.doesNotMatch(everyNumber, /NOT FINITE/);
  });

  test('a 20 % position with employer costs of 14.1 % (worked by hand)', () => {
    const result = calculateBusinessCase({ ...example, positionPercent: 20, annualSalary: 550_000, employerCostPercent: 14.1, yearly: { instruments: 0, supervision: 0, room: 0, other: 0 } });
    // 550 000 × 20 % = 110 000; 110 000 × 14.1 % = 15 510; 110 000 + 15 510 = 125 510
    assert.equal(result.salaryCost, 110_000);
    assert.ok(Math.abs(result.employerCost - 15_510) < 1e-6);
    assert.ok(Math.abs(result.yearlyCost - 125_510) < 1e-6);
  });
});

describe('business case form', () => {
  test('numbers as Norwegians write them (bokmål and nynorsk)', () => {
    for (const language of ['nb', 'nn'] as const) {
      assert.equal(parseNumber('650 000', language), 650_000);
      assert.equal(parseNumber('650\u00a0000', language), 650_000);
      assert.equal(parseNumber('650\u202f000', language), 650_000);
      assert.equal(parseNumber('1.200.000', language), 1_200_000);
      assert.equal(parseNumber('1.200', language), 1_200);
      assert.equal(parseNumber('14,1', language), 14.1);
      assert.equal(parseNumber('650,000', language), 650, 'a comma is the decimal sign in Norwegian');
      assert.equal(parseNumber('1 234,56', language), 1234.56);
    }
  });

  test('numbers as English readers write them', () => {
    assert.equal(parseNumber('650,000', 'en'), 650_000);
    assert.equal(parseNumber('1,200,000', 'en'), 1_200_000);
    assert.equal(parseNumber('14.1', 'en'), 14.1);
    assert.equal(parseNumber('1.200', 'en'), 1.2, 'a dot is the decimal point in English');
    assert.equal(parseNumber('1,234.56', 'en'), 1234.56);
    assert.equal(parseNumber('650 000', 'en'), 650_000);
  });

  test('the other style is accepted where it cannot be misread', () => {
    assert.equal(parseNumber('14.1', 'nb'), 14.1);
    assert.equal(parseNumber('1,200,000', 'nb'), 1_200_000);
    assert.equal(parseNumber('1,234.5', 'nb'), 1234.5);
    assert.equal(parseNumber('14,1', 'en'), 14.1);
    assert.equal(parseNumber('1.200.000', 'en'), 1_200_000);
    assert.equal(parseNumber('1.234,5', 'en'), 1234.5);
  });

  test('blank is no number; text, exponents, infinities, NUL and broken groups are not numbers; a minus is read', () => {
    for (const language of ['nb', 'nn', 'en'] as const) {
      assert.equal(parseNumber('', language), null);
      assert.equal(parseNumber('   ', language), null);
      for (const bad of ['1,2,3', '1.2.3', '1.5e3', 'Infinity', '-Infinity', 'NaN', '1\u00002', '\u0000', '12,34,567', '1.234.5,6.7', ',', '.', '1,,2', '0x10', '+5', '--5', '5-']) {
        assert.ok(Number.isNaN(parseNumber(bad, language)), `${JSON.stringify(bad)} in ${language}`);
      }
      assert.equal(parseNumber('-5', language), -5);
      assert.equal(parseNumber('\u22125', language), -5, 'the minus sign Intl writes');
    }
  });

  test('a negative amount gets the range message, and English input is stored so every reader reads the same number', () => {
    const negative = readBusinessCase({ arslonn: '-600 000' }, 'nb');
    assert.deepEqual(negative.errors.arslonn, { kind: 'range', min: 0, max: 1_000_000_000 });
    const english = readBusinessCase({ stillingsprosent: '12.5', arslonn: '650,000', arbeidsgiverprosent: '14.1' }, 'en');
    assert.deepEqual(english.errors, {});
    assert.equal(english.input?.annualSalary, 650_000);
    assert.deepEqual(english.stored, { stillingsprosent: '12,5', arslonn: '650000', arbeidsgiverprosent: '14,1' });
    const norwegian = readBusinessCase({ arslonn: '650 000' }, 'nn');
    assert.deepEqual(norwegian.stored, { arslonn: '650 000' });
    // read back: bokmål and nynorsk show what is stored, English its own style
    assert.equal(withLanguage('en', () => readStoredBusinessCase(english.stored)).values.arslonn, '650,000');
    assert.equal(withLanguage('en', () => readStoredBusinessCase(english.stored)).values.stillingsprosent, '12.5');
    assert.equal(withLanguage('nb', () => readStoredBusinessCase(english.stored)).input?.annualSalary, 650_000);
    assert.equal(withLanguage('en', () => readStoredBusinessCase({ stillingsprosent: '50', arslonn: '650 000', arbeidsgiverprosent: '14,1' })).input?.annualSalary, 650_000);
  });

  test('the typed text is kept, bad values are named, and blank cost lines count as 0', () => {
    const read = readBusinessCase({ stillingsprosent: '50', arslonn: '600 000', arbeidsgiverprosent: '140', engang_rom: '40 000', deltakere_lav: '2,5' }, 'nb');
    assert.equal(read.values.arslonn, '600 000');
    assert.deepEqual(read.errors.arbeidsgiverprosent, { kind: 'range', min: 0, max: 100 });
    assert.deepEqual(read.errors.deltakere_lav, { kind: 'whole' });
    assert.equal(read.input, null, 'no calculation while a required field is wrong');

    const ok = readBusinessCase({ stillingsprosent: '50', arslonn: '600 000', arbeidsgiverprosent: '25', engang_rom: '40 000' }, 'nb');
    assert.deepEqual(ok.errors, {});
    assert.equal(ok.input?.oneTime.room, 40_000);
    assert.equal(ok.input?.oneTime.instruments, 0);
    assert.deepEqual(ok.input?.benefit, { low: null, expected: null, high: null });
  });
});
