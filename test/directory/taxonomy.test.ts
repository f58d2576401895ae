import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { taxonomyMarkdown } from '../../src/directory/taxonomy-doc.ts';
import { TERMS, withAncestors } from '../../src/directory/taxonomy.ts';

test('docs/taxonomy.md is up to date with the code (npm run docs:taxonomy)', () => {
  assert.equal(readFileSync(new URL('../../docs/taxonomy.md', import.meta.url), 'utf8'), taxonomyMarkdown());
});

test('term keys and ids are unique and stable', () => {
  assert.equal(new Set(TERMS.map((t) => t.key)).size, TERMS.length);
  assert.equal(new Set(TERMS.map((t) => t.id)).size, TERMS.length);
  // a stored id must never change: this one is in databases and exports already
  assert.equal(TERMS.find((t) => t.key === 'niva:lavterskel')!.id, '009e83d8-7b0f-5f52-a5d4-6ac7ae09d209');
  assert.deepEqual(withAncestors('arena:spesialist:dps'), ['arena:spesialist:dps', 'arena:spesialist']);
});
