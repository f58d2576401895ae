import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODE_PATTERN, newCode, normaliseCode } from '../../../src/network/courses/certificate.ts';

test('codes are twelve characters without look-alikes, in three groups', () => {
  const codes = new Set(Array.from({ length: 200 }, () => newCode()));
  assert.equal(codes.size, 200);
  for (const code of codes) assert.match(code, new RegExp(CODE_PATTERN));
  for (const code of codes) assert.doesNotMatch(code, /[01IO]/);
});

test('a typed code is read as printed: case, spaces and dashes do not matter', () => {
  assert.equal(normaliseCode(' abcd efgh jkmn '), 'ABCD-EFGH-JKMN');
  assert.equal(normaliseCode('ABCDEFGHJKMN'), 'ABCD-EFGH-JKMN');
  assert.equal(normaliseCode('llll-2345-6789'), 'LLLL-2345-6789');
  for (const text of ['', '123', 'ABCD-EFGH-JKM', 'ABCD-EFGH-JKMN-P', 'ABCD-EFGH-JKM!', 'ABCD-EFGH-JKM0']) assert.equal(normaliseCode(text), null, text);
});
