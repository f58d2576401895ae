import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskIdentifiers } from '../../../src/experiences/surveys/mask.ts';

test('likely identifiers in free text are masked: e-mail, phone numbers, capitalised words inside a sentence', () => {
  const masked = maskIdentifiers('Det var fint. Jeg likte Kari og Ola Nordmann, ring 912 34 567, +47 91234567 eller kari@x.no.', '#');
  assert.equal(masked, 'Det var fint. Jeg likte # og # #, ring #, # eller #');
});

test('ordinary text without identifiers is left as it was', () => {
  const text = 'Musikken hjalp meg. Jeg fikk velge sanger selv, og gruppa var trygg.';
  assert.equal(maskIdentifiers(text, '#'), text);
});
