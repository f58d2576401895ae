import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workedExample } from '../../../src/coverage/views/worked-example.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('the worked example reproduces the hand computation: weights 1 / 0.68 / 0.22 within 20 / 40 / 60 km', () => {
  const { step1, step2, conserved, reachableFte } = workedExample();
  // Step 1: X is shared by 8000·1 + 2000·0.68 + 500·0.22 = 9470, Y by 8000·0.68 + 2000·1 + 500·0 = 7440.
  assert.deepEqual(step1.map((o) => o.total), [9470, 7440]);
  assert.deepEqual(step1[1]!.shares.map((s) => s.weight), [0.68, 1, 0]);
  close(step1[0]!.ratio!, (2 / 9470) * 10_000);
  close(step1[1]!.ratio!, (1 / 7440) * 10_000);
  // Step 2: A = 1·R_X + 0.68·R_Y, B = 0.68·R_X + 1·R_Y, C = 0.22·R_X (Y is 70 km away: outside).
  const rx = (2 / 9470) * 10_000;
  const ry = (1 / 7440) * 10_000;
  close(step2[0]!.score, rx + 0.68 * ry);
  close(step2[1]!.score, 0.68 * rx + ry);
  close(step2[2]!.score, 0.22 * rx);
  assert.deepEqual(step2[2]!.parts.map((p) => p.offer), ['X']);
  // Supply is conserved: Σ A·P / 10,000 is the 3 FTE someone reaches.
  close(conserved, 3);
  assert.equal(reachableFte, 3);
});
