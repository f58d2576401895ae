import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyShortage, DEFAULT_SHORTAGE_THRESHOLDS } from '../../src/coverage/shortage.ts';

// score is FTE per 10,000: inhabitants per FTE = 10,000 / score.
const perFte = (people: number) => 10_000 / people;
const classify = (score: number | null, nearestDistance: number | null, population: number | null = 5000) =>
  classifyShortage({ population, score, nearestDistance });

describe('shortage classes', () => {
  it('is none at exactly 30,000 per FTE and 60 km', () => {
    const r = classify(perFte(30_000), 60);
    assert.equal(r.shortage, 'none');
    assert.deepEqual(r.reasons, []);
  });

  it('turns moderate just past 30,000 per FTE, naming the ratio', () => {
    const r = classify(perFte(30_001), 60);
    assert.equal(r.shortage, 'moderate');
    assert.deepEqual(r.reasons.map((x) => x.criterion), ['ratio']);
  });

  it('turns moderate just past 60 km, naming the distance', () => {
    const r = classify(perFte(10_000), 60.1);
    assert.equal(r.shortage, 'moderate');
    assert.deepEqual(r.reasons, [{ criterion: 'distance', threshold: 60, value: 60.1 }]);
  });

  it('stays moderate at exactly 100,000 per FTE and 120 km', () => {
    assert.equal(classify(perFte(100_000), 120).shortage, 'moderate');
  });

  it('is severe past 100,000 per FTE or past 120 km, with both reasons when both hold', () => {
    assert.equal(classify(perFte(100_001), 10).shortage, 'severe');
    assert.equal(classify(perFte(10_000), 120.1).shortage, 'severe');
    const both = classify(perFte(200_000), 130);
    assert.deepEqual(both.reasons.map((x) => x.criterion), ['ratio', 'distance']);
    assert.deepEqual(both.reasons.map((x) => x.threshold), [100_000, 120]);
  });

  it('is severe when nothing is reachable at all, with null values as the reason', () => {
    const r = classify(0, null);
    assert.equal(r.shortage, 'severe');
    assert.deepEqual(r.reasons.map((x) => x.value), [null, null]);
    assert.equal(r.catchmentPopulationPerFte, null);
  });

  it('judges an unknown population on distance alone and says so', () => {
    const r = classify(null, 70, null);
    assert.equal(r.shortage, 'moderate');
    assert.equal(r.ratioAssessed, false);
    assert.equal(classify(null, 10, null).shortage, 'none');
  });

  it('follows custom thresholds', () => {
    const strict = { ...DEFAULT_SHORTAGE_THRESHOLDS, moderate: { populationPerFte: 5_000, nearestDistance: 20 } };
    assert.equal(classifyShortage({ population: 100, score: perFte(6_000), nearestDistance: 5 }, strict).shortage, 'moderate');
  });
});
