import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHours, parseHours } from '../../../src/network/courses/forms.ts';
import { withLanguage } from '../../../src/platform/i18n/index.ts';

test('course hours are written in the reader\'s style and read back by the form', () => {
  assert.equal(withLanguage('nb', () => formatHours(7.5)), '7,5');
  assert.equal(withLanguage('nn', () => formatHours(7.5)), '7,5');
  assert.equal(withLanguage('en', () => formatHours(7.5)), '7.5');
  assert.equal(withLanguage('en', () => formatHours(6)), '6');
  for (const language of ['nb', 'nn', 'en'] as const) {
    // no grouping: 1000 hours must read back through parseHours on the edit form
    const written = withLanguage(language, () => formatHours(1000));
    assert.equal(written, '1000');
    assert.equal(parseHours(withLanguage(language, () => formatHours(7.5))), 7.5);
  }
});
