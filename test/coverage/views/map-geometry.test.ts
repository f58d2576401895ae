import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAP_MAX_SIZE, mapGeometry, ringPath } from '../../../src/coverage/views/map-geometry.ts';

test('a ring is simplified within the tolerance and written as whole-number relative moves', () => {
  // A square with a point 0.1 off its top edge: the point goes, the corners stay.
  const ring = new Float64Array([0, 0, 5, 0.1, 10, 0, 10, 10, 0, 10, 0, 0]);
  const d = ringPath(ring, (x, y) => [Math.round(x), Math.round(y)], 0.5, false);
  assert.equal(d, 'M0 0l10 0 0 10-10 0z');
  // A ring too small for the scale vanishes, unless it must stay (a municipality's main outline).
  const speck = new Float64Array([0, 0, 0.1, 0, 0.1, 0.1, 0, 0]);
  assert.equal(ringPath(speck, (x, y) => [Math.round(x), Math.round(y)], 0.5, false), null);
  assert.match(ringPath(speck, (x, y) => [Math.round(x), Math.round(y)], 0.5, true)!, /^M0 -2l2 2-2 2-2-2z$/);
});

test('Norway fills the map; a chosen area gets a viewBox fitted to its own bounds, the rest only as context', () => {
  const norway = mapGeometry('test-norge', null);
  assert.equal(Math.max(norway.width, norway.height), MAP_MAX_SIZE);
  assert.equal(norway.shapes.length, 357);
  assert.ok(norway.shapes.every((s) => s.inside && s.d.startsWith('M')));
  const oslo = mapGeometry('test-oslo', (id) => id === '0301');
  assert.equal(Math.max(oslo.width, oslo.height), MAP_MAX_SIZE);
  assert.deepEqual(oslo.shapes.filter((s) => s.inside).map((s) => s.id), ['0301']);
  // Oslo is a small part of the national map: its box is a small part of the national one.
  assert.ok(oslo.box.width < norway.box.width / 10 && oslo.box.height < norway.box.height / 10);
  const [, , w, h] = oslo.viewBox.split(' ').map(Number);
  assert.ok(Math.abs(w! / h! - oslo.box.width / oslo.box.height) < 0.01, 'the viewBox keeps the area\'s proportions');
  // Neighbours in the box are drawn as context, far-away municipalities not at all.
  assert.ok(oslo.shapes.some((s) => !s.inside));
  assert.ok(oslo.shapes.length < 60);
  // The same view comes from the cache.
  assert.equal(mapGeometry('test-oslo', (id) => id === '0301'), oslo);
});
