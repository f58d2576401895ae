import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseLanguage, currentLanguage, urlInLanguage, withLanguage } from '../../../src/platform/i18n/language.ts';
import { formatDate, formatInteger, formatList, placeCollator, pluralOf } from '../../../src/platform/i18n/format.ts';
import { msg, nb } from '../../../src/platform/i18n/index.ts';

describe('the reader\'s language', () => {
  test('?lang= wins and is to be remembered; then the cookie; then Accept-Language by weight; bokmål when nothing matches', () => {
    assert.deepEqual(chooseLanguage({ param: 'nn', cookie: 'en', acceptLanguage: 'en' }), { language: 'nn', chosen: true });
    assert.deepEqual(chooseLanguage({ param: 'xx', cookie: 'en' }), { language: 'en', chosen: false });
    assert.deepEqual(chooseLanguage({ acceptLanguage: 'de-DE, en-GB;q=0.8, nn;q=0.9' }), { language: 'nn', chosen: false });
    assert.deepEqual(chooseLanguage({ acceptLanguage: 'no' }), { language: 'nb', chosen: false });
    assert.deepEqual(chooseLanguage({ acceptLanguage: 'en-US,en;q=0.9' }), { language: 'en', chosen: false });
    assert.deepEqual(chooseLanguage({ acceptLanguage: 'sv, de' }), { language: 'nb', chosen: false });
    assert.deepEqual(chooseLanguage({ acceptLanguage: 'en;q=0, nn;q=abc' }), { language: 'nb', chosen: false });
    assert.deepEqual(chooseLanguage({}), { language: 'nb', chosen: false });
  });

  test('the same page in another language keeps every other parameter', () => {
    assert.equal(urlInLanguage('/tilbud?q=band&tilgang=gratis&tilgang=drop-in', 'en'), '/tilbud?q=band&tilgang=gratis&tilgang=drop-in&lang=en');
    assert.equal(urlInLanguage('/tilbud?lang=nn&q=sang', 'en'), '/tilbud?lang=en&q=sang');
    assert.equal(urlInLanguage('/', 'nb'), '/?lang=nb');
  });

  test('work runs in its language; outside any it is bokmål', () => {
    assert.equal(currentLanguage(), 'nb');
    assert.equal(withLanguage('en', () => currentLanguage()), 'en');
    assert.equal(currentLanguage(), 'nb');
  });

  test('dates, numbers and plurals follow the language through Intl', () => {
    assert.equal(withLanguage('nb', () => formatDate('2026-03-03')), '3. mars 2026');
    assert.equal(withLanguage('en', () => formatDate('2026-03-03')), '3 March 2026');
    // written once per language and kept: asked again, in another language between, each stays its own
    assert.equal(withLanguage('nb', () => formatDate('2026-03-03')), '3. mars 2026');
    assert.equal(withLanguage('nb', () => formatDate(new Date('2026-03-03T23:30:00Z'))), '4. mars 2026');
    assert.equal(withLanguage('nb', () => formatList(['A', 'B', 'C'])), 'A, B og C');
    assert.equal(withLanguage('en', () => formatList(['A', 'B', 'C'])), 'A, B and C');
    assert.equal(withLanguage('nb', () => formatInteger(12345)).replace(/\s/g, ' '), '12 345');
    assert.equal(withLanguage('en', () => formatInteger(12345)), '12,345');
    assert.equal(withLanguage('nn', () => pluralOf(1)), 'one');
    assert.equal(withLanguage('en', () => pluralOf(2)), 'other');
  });

  test('place names sort by Norwegian rules in every language', () => {
    const names = ['Ålesund', 'Aremark', 'Øygarden', 'Ænes', 'Zz'];
    for (const language of ['nb', 'en'] as const) {
      assert.deepEqual(withLanguage(language, () => [...names].sort(placeCollator.compare)), ['Aremark', 'Zz', 'Ænes', 'Øygarden', 'Ålesund']);
    }
  });

  test('the live catalogue answers with the same texts as the bokmål one, area views included', () => {
    const area = msg.site;
    assert.equal(area.name, nb.site.name);
    assert.deepEqual(Object.keys(msg.errors), Object.keys(nb.errors));
    assert.deepEqual({ ...msg.site.nav }, { ...nb.site.nav });
    assert.equal(msg.errors.titlePrefix('x'), nb.errors.titlePrefix('x'));
    assert.ok(Array.isArray(msg.about.paragraphs));
  });
});
