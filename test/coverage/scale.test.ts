import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAGE_BACKGROUND, PALETTE, PATTERN_INK, categoryColours, contrastRatio, quantileScale } from '../../src/coverage/scale.ts';

describe('choropleth colours and class breaks', () => {
  it('every class colour and the pattern ink have at least 3:1 contrast against the page (WCAG 1.4.11)', () => {
    for (const colour of [...PALETTE, PATTERN_INK]) assert.ok(contrastRatio(colour, PAGE_BACKGROUND) >= 3, `${colour}: ${contrastRatio(colour, PAGE_BACKGROUND).toFixed(2)}`);
  });

  it('the palette runs from light to dark, so darker always means more', () => {
    const ratios = PALETTE.map((c) => contrastRatio(c, PAGE_BACKGROUND));
    assert.deepEqual([...ratios].sort((a, b) => a - b), ratios);
  });

  it('computes contrast the WCAG way: black on white is 21:1', () => {
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
  });

  it('cuts quintiles, rounded to two significant digits, and puts each value in its class', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const scale = quantileScale(values);
    assert.deepEqual(scale.classes.map((c) => c.to), [21, 41, 60, 80, 100]);
    assert.equal(scale.classOf(1), 0);
    assert.equal(scale.classOf(21), 0);
    assert.equal(scale.classOf(21.5), 1);
    assert.equal(scale.classOf(100), 4);
    assert.deepEqual(scale.classes.map((c) => c.colour), [...PALETTE]);
  });

  it('merges repeated breaks (many zeros) into fewer classes, keeping the darkest for the top', () => {
    const scale = quantileScale([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    assert.equal(scale.classes[0]!.to, 0);
    assert.ok(scale.classes.length < 5);
    assert.equal(scale.classes.at(-1)!.colour, PALETTE[4]);
    assert.equal(scale.classOf(0), 0);
  });

  it('has no classes without values, and spreads ordered categories over the palette', () => {
    assert.deepEqual(quantileScale([]).classes, []);
    assert.deepEqual(categoryColours(3), [PALETTE[0], PALETTE[2], PALETTE[4]]);
  });
});
