import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choiceKey, DEFAULT_CHOICE, settingsOf, typedDecimal, validBeta, validCatchment } from '../../src/coverage/method-choice.ts';
import { DEFAULT_SETTINGS } from '../../src/coverage/settings.ts';

test('the default choice is the default settings; a wider catchment keeps the step weights over three equal bands', () => {
  assert.equal(settingsOf(DEFAULT_CHOICE), DEFAULT_SETTINGS);
  assert.deepEqual(settingsOf({ ...DEFAULT_CHOICE, catchmentKm: 90 }).decay, {
    kind: 'step', zones: [{ upToKm: 30, weight: 1 }, { upToKm: 60, weight: 0.68 }, { upToKm: 90, weight: 0.22 }],
  });
  assert.deepEqual(settingsOf({ method: '3sfca', decay: 'gravity', beta: 2, catchmentKm: 60 }), { method: '3sfca', catchmentKm: 60, decay: { kind: 'gravity', beta: 2 } });
});

test('one cache key per distinct computation: beta matters only to gravity, the decay not to 2SFCA', () => {
  assert.equal(choiceKey({ ...DEFAULT_CHOICE, beta: 2 }), 'default');
  assert.equal(choiceKey({ method: '2sfca', decay: 'gaussian', beta: 1, catchmentKm: 60 }), choiceKey({ method: '2sfca', decay: 'step', beta: 2, catchmentKm: 60 }));
  assert.notEqual(choiceKey({ ...DEFAULT_CHOICE, decay: 'gravity', beta: 2 }), choiceKey({ ...DEFAULT_CHOICE, decay: 'gravity', beta: 1.5 }));
});

test('typed numbers: a decimal comma or point; ranges for beta and the catchment', () => {
  assert.equal(typedDecimal('1,5'), 1.5);
  assert.equal(typedDecimal(' 2.25 '), 2.25);
  assert.equal(typedDecimal('1e3'), null);
  assert.equal(typedDecimal('-1'), null);
  assert.ok(validBeta(0.5) && validBeta(3) && !validBeta(3.1) && !validBeta(null));
  assert.ok(validCatchment(10) && validCatchment(200) && !validCatchment(60.5) && !validCatchment(9));
});
