import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_DEPTH, findUnsafeValues } from '../../../src/platform/http/input-guard.ts';

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
