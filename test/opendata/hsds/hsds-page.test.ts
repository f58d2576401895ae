import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageOf } from '../../../src/opendata/hsds/params.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

test('no matches: no pages, and the one page asked for is both first and last and empty', () => {
  assert.deepEqual(pageOf([], 0, 1, 25), {
    total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [],
  });
});

test('a total that is an exact multiple of per_page fills whole pages and no extra one', () => {
  assert.equal(pageOf(items(25), 50, 1, 25).total_pages, 2);
  assert.equal(pageOf(items(25), 50, 1, 25).last_page, false);
  const last = pageOf(items(25), 50, 2, 25);
  assert.deepEqual([last.total_pages, last.last_page, last.first_page, last.size], [2, true, false, 25]);
  assert.equal(pageOf(items(1), 1, 1, 1).total_pages, 1);
  assert.equal(pageOf(items(500), 500, 1, 500).total_pages, 1);
});

test('one more item than a multiple starts a new page', () => {
  assert.equal(pageOf(items(25), 51, 1, 25).total_pages, 3);
  const last = pageOf(items(1), 51, 3, 25);
  assert.deepEqual([last.total_pages, last.last_page, last.size], [3, true, 1]);
  assert.equal(pageOf(items(25), 51, 2, 25).last_page, false);
});
