// Counted messages read right for one as for many, in every language: «1 endring»,
// not «1 endringer» (the bokmål texts were written for many, and nynorsk's digital-offer line too).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES, messagesFor } from '../../../src/platform/i18n/index.ts';

/** Paths to messages whose first argument is a count. */
const COUNTED = [
  'accounts.outbox.caption',
  'coverage.table.caption',
  'coverage.change.municipalitiesCaption',
  'coverage.profile.otherMunicipalities',
  'coverage.profile.digitalHere',
  'coverage.figures.withoutFte',
  'coverage.digital.summary',
  'moderation.history.caption',
  'moderation.dashboard.pending',
  'imports.run.checking.read',
  'imports.run.checking.validated',
  'hsdsImport.cli.more',
  'hsdsImport.tabular.ragged',
];

function message(language: (typeof LANGUAGES)[number], path: string): (n: number, ...rest: string[]) => string {
  const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messagesFor(language));
  assert.equal(typeof found, 'function', `${language}: ${path}`);
  return found as (n: number, ...rest: string[]) => string;
}

describe('counted messages', () => {
  for (const language of LANGUAGES) {
    test(`${language}: one is written in the singular, not as the plural with a 1`, () => {
      for (const path of COUNTED) {
        const say = message(language, path);
        const one = say(1, '');
        const many = say(2, '');
        assert.ok(/\b1\b/.test(one) && /\b2\b/.test(many), `${language} ${path}: ${one} / ${many}`);
        assert.notEqual(one, many.replace(/\b2\b/, '1'), `${language} ${path} reads the same for 1 as for 2: «${one}»`);
      }
    });
  }

  test('bokmål, as the atlas and moderation say it for one', () => {
    assert.equal(message('nb', 'coverage.profile.digitalHere')(1), '1 digitalt tilbud drives fra kommunen. Det kan brukes fra hele landet og er regnet for seg.');
    assert.equal(message('nb', 'moderation.dashboard.pending')(1), '1 endring venter på godkjenning.');
    assert.equal(message('nb', 'imports.run.checking.validated')(1), '1 rad er sjekket. Den sammenlignes nå med katalogen.');
  });
});

describe('numbers written in the texts', () => {
  /** Every text of a catalogue with its path; phone numbers (the help lines) are written as they are dialled. */
  function texts(node: unknown, path: string[] = []): [string, string][] {
    if (typeof node === 'string') return [[path.join('.'), node]];
    if (!node || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([key, value]) => (key === 'number' && path.includes('helpNow') ? [] : texts(value, [...path, key])));
  }

  for (const language of ['nb', 'nn'] as const) {
    test(`${language}: a number's groups are held together by a no-break space (10 000 never breaks across lines)`, () => {
      const broken = texts(messagesFor(language)).filter(([, text]) => /\d \d{3}(?!\d)/.test(text));
      assert.deepEqual(broken.map(([path, text]) => `${path}: ${text}`), []);
    });
  }
});
