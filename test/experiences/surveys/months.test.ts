import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstMonthOf, osloDay, yearMonth } from '../../../src/experiences/surveys/months.ts';

test('the month is taken in Europe/Oslo: New Year\'s Eve at 23:30 UTC is already January', () => {
  assert.equal(yearMonth(new Date('2026-12-31T23:30:00Z')), '2027-01');
  assert.equal(osloDay(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(yearMonth(new Date('2026-06-15T12:00:00Z')), '2026-06');
});

test('a period of twelve months ends in the given month and starts eleven months before it', () => {
  assert.equal(firstMonthOf('2026-11', 12), '2025-12');
  assert.equal(firstMonthOf('2026-01', 12), '2025-02');
  assert.equal(firstMonthOf('2026-12', 1), '2026-12');
});
