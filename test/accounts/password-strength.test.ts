import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from '../../src/accounts/passwords.ts';
import { nb } from '../../src/platform/i18n/nb.ts';

test('weak passwords of at least 12 characters are refused, with a Norwegian reason and advice', () => {
  const cases: [string, RegExp][] = [
    ['passordpassord', /gjentar/],
    ['sommer2024sommer', /vanlige ord|årstall/],
    ['qwertyuiopasdf', /tastatur|mest brukte/],
    ['Passord2026!!', /mest brukte|vanlige ord/],
    ['oslo bergen tromsø', /vanlige ord|navn/],
    ['kari.nordmann1985', /e-postadressen|navn/],
  ];
  for (const [password, reason] of cases) {
    const problem = passwordProblem(password, 'kari.nordmann@example.no');
    assert.ok(problem, `${password} is refused`);
    const message = nb.accounts.errors[problem];
    assert.match(message, reason, `${password}: ${message}`);
  }
  for (const problem of ['weak_words', 'weak_keyboard', 'weak_sequence', 'weak_dates', 'weak_repeat', 'weak'] as const) {
    assert.match(nb.accounts.errors[problem], /ord|tegn/, 'every message says how to choose better');
  }
});

test('good passwords pass: passphrases of unrelated words, and long random strings', () => {
  for (const password of ['gule hus ved fjorden', 'fire tilfeldige ord her', 'trompet under brua i regnet', 'x7#Lq9!vR2@mT4$w']) {
    assert.equal(passwordProblem(password, 'kari@example.no'), null, password);
  }
});
