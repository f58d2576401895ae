import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANSWERS_PER_HOUR, AnswerThrottle } from '../../../src/experiences/surveys/throttle.ts';

test('an address may answer ANSWERS_PER_HOUR times an hour; one IPv6 /64 counts as one address', () => {
  const throttle = new AnswerThrottle();
  const start = new Date('2026-11-30T10:00:00Z');
  for (let i = 0; i < ANSWERS_PER_HOUR; i++) assert.ok(throttle.allow(`2001:db8:1:2::${i}`, start));
  assert.equal(throttle.allow('2001:db8:1:2::ffff', start), false);
  assert.ok(throttle.allow('192.0.2.1', start), 'another address is not affected');
  assert.ok(throttle.allow('2001:db8:1:2::1', new Date(start.getTime() + 60 * 60_000 + 1)), 'the window slides');
});
