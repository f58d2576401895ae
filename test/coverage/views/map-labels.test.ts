import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSimpleCsv, readReferenceFile } from '../../../src/reference/files.ts';
import { mapGeometry } from '../../../src/coverage/views/map-geometry.ts';
import { LABEL_PX, MAJOR_LABEL_PX, mapLabels, type LabelPlace } from '../../../src/coverage/views/map-labels.ts';

const rows = parseSimpleCsv(readReferenceFile('kommuner.csv'));
const places = new Map<string, LabelPlace>(rows.map((m) => [m.kommunenummer!, { lat: Number(m.lat), lon: Number(m.lon), population: Number(m.befolkning) }]));
const countyOf = new Map(rows.map((m) => [m.kommunenummer!, m.fylkesnummer!]));

test('all of Norway names only its biggest places, Oslo and Bergen among the big labels', () => {
  const geometry = mapGeometry('labels-norge', null);
  const labels = mapLabels(geometry, geometry.shapes, places, true);
  assert.ok(labels.length >= 5 && labels.length <= 14, `${labels.length} labels`);
  const major = labels.filter((l) => l.major).map((l) => l.id);
  assert.ok(major.includes('0301') && major.includes('4601'), 'Oslo and Bergen are labelled large');
});

test('a chosen county names its own municipalities, biggest first, with no two labels overlapping and none off the map', () => {
  const inCounty = (id: string) => countyOf.get(id) === '18';
  const geometry = mapGeometry('labels-18', inCounty);
  const inside = geometry.shapes.filter((s) => s.inside);
  const labels = mapLabels(geometry, inside, places, false);
  assert.ok(labels.length >= 8, `${labels.length} labels`);
  assert.ok(labels.every((l) => inCounty(l.id)));
  assert.equal(labels[0]!.id, '1804', 'Bodø, the biggest, comes first');
  const [, , width, height] = geometry.viewBox.split(' ').map(Number) as number[];
  // Boxes as the placer sizes them (0.6 em a glyph): no overlap, all within the viewBox.
  const box = (l: typeof labels[number]) => {
    const size = (l.major ? MAJOR_LABEL_PX : LABEL_PX) * 2;
    return { x0: l.x - (l.name.length * 0.6 * size) / 2, x1: l.x + (l.name.length * 0.6 * size) / 2, y0: l.y - size / 2, y1: l.y + size / 2 };
  };
  labels.forEach((a, i) => {
    const ra = box(a);
    assert.ok(ra.x0 >= 0 && ra.y0 >= 0 && ra.x1 <= width! && ra.y1 <= height!, `${a.name} is on the map`);
    labels.slice(i + 1).forEach((b) => {
      const rb = box(b);
      assert.ok(!(ra.x0 < rb.x1 && rb.x0 < ra.x1 && ra.y0 < rb.y1 && rb.y0 < ra.y1), `${a.name} and ${b.name} overlap`);
    });
  });
});
