import assert from 'node:assert/strict';
import { test } from 'node:test';
import { osloInstant, osloParts, parseDate, parseTime } from '../../../src/network/courses/dates.ts';

test('only dates that exist are read: 30 February and 29 February in a common year are refused', () => {
  assert.deepEqual(parseDate('2028-02-29'), [2028, 2, 29]);
  for (const text of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-04-31', '27-04-01', '01.04.2027', '', '2027-4-1']) assert.equal(parseDate(text), null, text);
  assert.deepEqual(parseTime('9:05'), [9, 5]);
  for (const text of ['24:00', '12:60', 'ni', '']) assert.equal(parseTime(text), null, text);
});

test('a time typed in a form means Norwegian local time, in winter and in summer', () => {
  assert.equal(osloInstant([2027, 1, 15], [9, 0]).toISOString(), '2027-01-15T08:00:00.000Z');
  assert.equal(osloInstant([2027, 6, 15], [9, 0]).toISOString(), '2027-06-15T07:00:00.000Z');
  // the day the clocks go forward (28 March 2027): 03:30 exists, and reads back the same
  assert.deepEqual(osloParts(osloInstant([2027, 3, 28], [3, 30])), { date: '2027-03-28', time: '03:30' });
  assert.deepEqual(osloParts(new Date('2027-12-31T23:30:00Z')), { date: '2028-01-01', time: '00:30' });
});
