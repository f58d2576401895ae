import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryGrowth } from '../../bench/lib/memory-growth.ts';

// the soak's memory verdict (bench/soak.ts): growth from the level after the warm-up to the level at the end
describe('memory growth of a soak', () => {
  test('one high sample at either end does not decide the verdict', () => {
    // a process steady at about 200 MB, sampled just before a collection at the start and at the end
    const growth = memoryGrowth([260, 200, 202, 201, 199, 203, 200, 201, 198, 202, 250]);
    assert.equal(growth.window, 3);
    assert.equal(growth.from, 202);
    assert.equal(growth.to, 202);
    assert.equal(growth.percent, 0);
  });

  test('a steady climb is still growth', () => {
    const growth = memoryGrowth([200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300]);
    assert.equal(growth.from, 210);
    assert.equal(growth.to, 290);
    assert.ok(Math.abs(growth.percent - 38.095) < 0.01);
  });

  test('short runs use fewer samples, down to the first and the last', () => {
    assert.deepEqual(memoryGrowth([100, 120]), { from: 100, to: 120, percent: 20, window: 1 });
    assert.equal(memoryGrowth([100, 300, 110, 120]).window, 2);
    assert.equal(memoryGrowth([100, 300, 110, 120]).from, 200);
  });

  test('samples that could not be read are left out, and none at all is no verdict', () => {
    assert.deepEqual(memoryGrowth([Number.NaN, 100, 100, Number.NaN, 110, 110]), { from: 100, to: 110, percent: 10, window: 2 });
    assert.ok(Number.isNaN(memoryGrowth([Number.NaN]).percent));
  });
});
