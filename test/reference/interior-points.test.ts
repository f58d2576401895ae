import assert from 'node:assert/strict';
import { test } from 'node:test';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseSimpleCsv, readReferenceFile } from '../../src/reference/files.ts';

const municipalities = parseSimpleCsv(readReferenceFile('kommuner.csv'));
const topology = JSON.parse(readReferenceFile('geo/Kommuner-S.topojson')) as Topology;
const shapes = new Map(
  (feature(topology, topology.objects.Kommuner as GeometryCollection).features as Feature<Polygon | MultiPolygon, { kommunenummer: string }>[])
    .map((f) => [f.properties.kommunenummer, f]),
);

test('there are 357 municipalities in 15 counties and 4 health regions, each with a map shape', () => {
  assert.equal(municipalities.length, 357);
  assert.equal(new Set(municipalities.map((m) => m.fylkesnummer)).size, 15);
  assert.equal(new Set(municipalities.map((m) => m.helseregion)).size, 4);
  for (const m of municipalities) assert.ok(shapes.has(m.kommunenummer!), m.kommunenummer);
});

/** Planar ray casting (lon/lat as a plane is fine at municipality scale); holes count against. */
function inRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}
function contains(shape: Feature<Polygon | MultiPolygon>, x: number, y: number): boolean {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  return polygons.some(([outer, ...holes]) => inRing(outer!, x, y) && !holes.some((hole) => inRing(hole, x, y)));
}

test('every interior point lies inside its own municipality and no other (not a centroid in the sea)', () => {
  for (const m of municipalities) {
    const [x, y] = [Number(m.lon), Number(m.lat)];
    assert.ok(contains(shapes.get(m.kommunenummer!)!, x, y), `${m.kommunenummer} ${m.kommunenavn}`);
    const others = [...shapes].filter(([number, shape]) => number !== m.kommunenummer && contains(shape, x, y));
    assert.deepEqual(others.map(([number]) => number), [], m.kommunenummer);
  }
});

test('the interior point is reproducible with polylabel on the largest polygon', () => {
  // Spot-check a coastal municipality with many islands (Bodø) and Oslo: recompute the pole of
  // inaccessibility in a plane scaled by cos(latitude) and compare with the stored point.
  for (const number of ['1804', '0301', '4601']) {
    const shape = shapes.get(number)!;
    const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    const area = (ring: number[][]) => Math.abs(ring.reduce((sum, [x1, y1], i) => { const [x2, y2] = ring[(i + 1) % ring.length]!; return sum + x1! * y2! - x2! * y1!; }, 0));
    const largest = polygons.sort((a, b) => area(b[0]!) - area(a[0]!))[0]!;
    const scale = Math.cos((largest[0]![0]![1]! * Math.PI) / 180);
    const [x, y] = polylabel(largest.map((ring) => ring.map(([lon, lat]) => [lon! * scale, lat!])), 0.00001);
    const stored = municipalities.find((m) => m.kommunenummer === number)!;
    assert.ok(Math.abs(x! / scale - Number(stored.lon)) < 0.02 && Math.abs(y! - Number(stored.lat)) < 0.02, `${number}: ${x! / scale},${y} vs ${stored.lon},${stored.lat}`);
  }
});
