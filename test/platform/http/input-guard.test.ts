import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_DEPTH, dropNulFromFormFields, findUnsafeValues } from '../../../src/platform/http/input-guard.ts';

const paths = (value: unknown) => findUnsafeValues(value).map((u) => `${u.keyword} ${u.instancePath}`);

test('NUL in any string or key, and non-finite numbers, are found with their JSON pointer', () => {
  assert.deepEqual(paths({ q: 'a\u0000b', side: Infinity, ok: 'tekst', n: -0, list: ['x', NaN], 'k\u0000': 1 }).sort(),
    ['finite /list/1', 'finite /side', 'nul /k\u0000', 'nul /q'].sort());
  assert.deepEqual(paths({ 'a/b': { '~': -Infinity } }), ['finite /a~1b/~0']);
  assert.deepEqual(paths({ q: 'vanlig tekst', n: 1.5, b: true, nothing: null }), []);
});

test('nesting is allowed to a fixed depth, deeper is refused without recursion', () => {
  const nest = (levels: number): unknown => { let v: unknown = 'x'; for (let i = 0; i < levels; i++) v = [v]; return v; };
  assert.deepEqual(paths(nest(MAX_DEPTH)), []);
  assert.equal(paths(nest(MAX_DEPTH + 1)).length, 1);
  assert.match(paths(nest(100_000))[0]!, /^depth /);
});

test('multipart fields are read by their value, files are left to the importer, cycles end', () => {
  const fields: Record<string, unknown> = {};
  fields.navn = { type: 'field', fieldname: 'navn', value: 'a\u0000b', fields };
  fields.fil = { type: 'file', fieldname: 'fil', filename: 'x.csv', fields, _buf: Buffer.from('a\u0000b') };
  assert.deepEqual(paths(fields), ['nul /navn']);
  assert.deepEqual(paths({ data: Buffer.from([0, 0, 0]) }), []);
});

test('a form post loses the NUL characters in the values a person types, in every shape a field comes in, and keeps the rest', () => {
  const fields: Record<string, unknown> = { navn: 'Kari\u0000 Nordmann', tema: ['a\u0000', 'b'], tom: '\u0000', 'k\u0000': 'x', neste: '/\u0000/konto', _csrf: 'a\u0000b' };
  fields.tekst = { type: 'field', fieldname: 'tekst', value: 'linje\u0000\u0000 to', fields };
  fields.fil = { type: 'file', fieldname: 'fil', filename: 'x.csv', fields, _buf: Buffer.from('a\u0000b') };
  dropNulFromFormFields(fields);
  assert.equal(fields.navn, 'Kari Nordmann');
  assert.deepEqual(fields.tema, ['a', 'b']);
  assert.equal(fields.tom, '');
  assert.equal((fields.tekst as { value: string }).value, 'linje to');
  assert.deepEqual((fields.fil as { _buf: Buffer })._buf, Buffer.from('a\u0000b'), 'a file is the importer\'s to check');
  // a NUL in a field's name, or in a field no person types, is no pasted text: the guard still refuses it
  assert.deepEqual(paths(fields).sort(), ['nul /_csrf', 'nul /k\u0000', 'nul /neste']);
  dropNulFromFormFields(undefined);
  dropNulFromFormFields('a\u0000b');
});
