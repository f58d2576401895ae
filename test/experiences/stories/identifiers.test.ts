import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findIdentifiers } from '../../../src/experiences/stories/identifiers.ts';

test('flags names, phone numbers, emails, addresses, dates and small places, each once', () => {
  const text = 'Jeg møtte Per Hansen i Storgata 12 den 3. mai 2024. Ring 912 34 567 eller skriv til per@eksempel.no. Så dro jeg til Utsira. Per Hansen var der.';
  const flags = findIdentifiers(text, ['Utsira', 'Røst']);
  const byKind = (kind: string) => flags.filter((f) => f.kind === kind).map((f) => f.token);
  assert.deepEqual(byKind('navn'), ['Per Hansen']);
  assert.deepEqual(byKind('telefon'), ['912 34 567']);
  assert.deepEqual(byKind('epost'), ['per@eksempel.no']);
  assert.deepEqual(byKind('adresse'), ['Storgata 12']);
  assert.deepEqual(byKind('dato'), ['3. mai 2024']);
  assert.deepEqual(byKind('sted'), ['Utsira']);
});

test('a word that starts a sentence, and known harmless words, are not flagged as names', () => {
  const flags = findIdentifiers('Musikken hjalp. Det var i Helse Vest.\nNoen uker var tunge.', [], ['Helse Vest']);
  assert.deepEqual(flags, []);
});
