import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateShape, fromOsloWallTime, isRealDate, normaliseTime, osloWallTime } from '../../src/platform/oslo-time.ts';
import { normaliseDate } from '../../src/platform/forms/date.ts';

test('dates that do not exist are refused: 30 February, 29 February outside leap years, month 13', () => {
  assert.equal(isRealDate('2026-02-30'), false);
  assert.equal(isRealDate('2026-02-29'), false);
  assert.equal(isRealDate('2028-02-29'), true);
  assert.equal(isRealDate('2026-13-01'), false);
  assert.equal(isRealDate('2026-1-1'), false);
  assert.equal(fromOsloWallTime('2026-02-30', '10:00'), null);
});

test('dates are read as ISO or as Norwegians write them; a form date must also exist', () => {
  assert.equal(dateShape('2026-3-4'), '2026-03-04');
  assert.equal(dateShape('4.3.2026'), '2026-03-04');
  assert.equal(dateShape('30.02.2026'), '2026-02-30', 'read, then refused by isRealDate');
  assert.equal(dateShape('4/3/2026'), null);
  assert.equal(normaliseDate('4.3.2026'), '2026-03-04');
  assert.equal(normaliseDate('2026-3-4'), '2026-03-04');
  assert.equal(normaliseDate('  '), null);
  for (const text of ['30.02.2026', '2027-02-29', '2027-13-01', '27-04-01', '4/3/2026', 'i morgen']) assert.equal(normaliseDate(text), undefined, text);
  assert.equal(normaliseDate('29.2.2028'), '2028-02-29');
});

test('times are read in the forms people type them', () => {
  assert.equal(normaliseTime('9:05'), '09:05');
  assert.equal(normaliseTime('09.05'), '09:05');
  assert.equal(normaliseTime('24:00'), null);
  assert.equal(normaliseTime('10:60'), null);
});

test('Norwegian wall time becomes the right instant in winter and summer, and reads back the same', () => {
  assert.equal(fromOsloWallTime('2026-01-15', '10:00')?.toISOString(), '2026-01-15T09:00:00.000Z');
  assert.equal(fromOsloWallTime('2026-07-15', '10:00')?.toISOString(), '2026-07-15T08:00:00.000Z');
  assert.deepEqual(osloWallTime(new Date('2026-07-15T08:00:00Z')), { date: '2026-07-15', time: '10:00', compact: '100000' });
  // 02:30 on the day clocks go forward does not exist; in October's repeated hour the first is taken
  assert.equal(fromOsloWallTime('2026-03-29', '02:30'), null);
  assert.equal(fromOsloWallTime('2026-10-25', '02:30')?.toISOString(), '2026-10-25T00:30:00.000Z');
});

test('New Year in Oslo comes an hour before UTC\'s', () => {
  assert.deepEqual(osloWallTime(new Date('2027-12-31T23:30:00Z')), { date: '2028-01-01', time: '00:30', compact: '003000' });
});
