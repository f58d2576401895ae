import assert from 'node:assert/strict';
import { test } from 'node:test';
import { municipalityMap, norwayMap } from '../../src/reference/index.ts';

/** The rings of a path written as norwayMap writes them: M x y, then relative steps (l), Z. */
function rings(d: string): [number, number][][] {
  const found: [number, number][][] = [];
  for (const ring of d.split('Z').filter(Boolean)) {
    const match = /^M(-?[\d.]+) (-?[\d.]+)l(.*)$/.exec(ring);
    assert.ok(match, `a ring starts with M x y l: ${ring.slice(0, 40)}`);
    const numbers = (match[3]!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    assert.equal(numbers.length % 2, 0);
    let x = Number(match[1]);
    let y = Number(match[2]);
    const points: [number, number][] = [[x, y]];
    for (let i = 0; i < numbers.length; i += 2) points.push([x += numbers[i]!, y += numbers[i + 1]!]);
    found.push(points);
  }
  return found;
}

function inside([x, y]: [number, number], ring: [number, number][]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

test('the county map is written as relative steps that land where the places are', () => {
  const map = norwayMap();
  const all = map.counties.flatMap((county) => rings(county.d)).flat();
  // Norway fills the map's extent (fitted with a 4-pixel margin)
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  assert.ok(Math.min(...xs) >= 3.9 && Math.max(...xs) <= map.width - 3.9, `x from ${Math.min(...xs)} to ${Math.max(...xs)}`);
  assert.ok(Math.min(...ys) >= 3.9 && Math.max(...ys) <= map.height - 3.9, `y from ${Math.min(...ys)} to ${Math.max(...ys)}`);
  assert.ok(Math.max(...ys) > map.height - 6 || Math.max(...xs) > map.width - 6, `fills the map: ${Math.max(...xs)} × ${Math.max(...ys)}`);
  // a point in Oslo is inside Oslo's outline, one in Troms inside Troms's, and neither inside the other
  const oslo = map.project(59.91, 10.75)!;
  const troms = map.project(69.06, 18.54)!; // Bardufoss (Tromsø's island is below the map's detail)
  const outline = (id: string) => rings(map.counties.find((c) => c.id === id)!.d);
  assert.ok(outline('03').some((ring) => inside(oslo, ring)), 'Oslo is in county 03');
  assert.ok(outline('55').some((ring) => inside(troms, ring)), 'Bardufoss is in county 55');
  assert.ok(!outline('03').some((ring) => inside(troms, ring)));
  // far shorter than absolute coordinates (M12.3,45.6L…): the steps are small numbers
  assert.ok(map.counties.reduce((sum, c) => sum + c.d.length, 0) < 45_000);
});

test('a municipality\'s small map is written the same way, and its point falls inside it', () => {
  const bodo = municipalityMap('1804')!;
  const point = bodo.project(67.28, 14.4)!;
  assert.ok(rings(bodo.d).some((ring) => inside(point, ring)), 'Bodø sentrum is in Bodø');
  // made once and kept; a number without an outline is not
  assert.equal(municipalityMap('1804'), bodo);
  assert.equal(municipalityMap('9999'), undefined);
});
