import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// Tests mirror src/: a test of src/<room>/x.ts lives in test/<room>/, so a newcomer finds the tests
// of a room next to where its code would be. Outside the mirror: the shared helpers and fixtures,
// the browser flows (which cross rooms by nature), the tests of scripts/ (test/scripts/) and the
// operations tests (test/ops/: real processes behind nginx, with ops/ as their subject).
const ROOT = new URL('../..', import.meta.url).pathname;
const OUTSIDE = new Set(['helpers', 'fixtures', 'browser', 'scripts', 'ops']);

function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())
    .flatMap((e) => [join(dir, e.name), ...folders(join(dir, e.name))]);
}

test('every test folder mirrors a folder of src/', () => {
  const stray = folders(join(ROOT, 'test'))
    .map((dir) => relative(join(ROOT, 'test'), dir))
    .filter((dir) => !OUTSIDE.has(dir.split('/')[0]!) && !dir.startsWith('.'))
    .filter((dir) => !existsSync(join(ROOT, 'src', dir)));
  assert.deepEqual(stray, [], 'move these tests to the folder of the code they test');
});
