// The atlas map's geometry for one view: the box it shows (all of Norway, or fitted to a chosen
// health region or county), and every municipality's outline simplified for the size the box is
// drawn at. Boundaries never change while the app runs, so each view's geometry is computed once
// and kept (a handful of views: Norway, 4 health regions, 15 counties and their combinations).
import { municipalityOutlines, norwayMap, type MunicipalityOutline } from '../../reference/index.ts';

/** The longest side of the map on screen, in CSS pixels; CSS shrinks it to the width on a phone. */
export const MAP_MAX_SIZE = 760;
/** Largest error simplification may make, in screen pixels at MAP_MAX_SIZE. */
const TOLERANCE_PX = 0.6;
/** One unit of the written coordinates, in screen pixels: coordinates are whole numbers. */
export const GRID_PX = 0.5;
const PADDING = 0.03;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapShapeView {
  id: string;
  name: string;
  /** Path data in the view's whole-number coordinates (relative moves, so short). */
  d: string;
  /** In the chosen area: drawn as a link; others are context, drawn faded. */
  inside: boolean;
}

export interface MapGeometry {
  /** viewBox attribute, in the view's grid units. */
  viewBox: string;
  /** Intrinsic size on screen in CSS pixels (the svg's width and height attributes). */
  width: number;
  height: number;
  /** The chosen area's box in the national map's pixels (for the tooltip script and tests). */
  box: Box;
  /** National map pixels per view unit: a national point (x, y) is at ((x - box.x) / unit, (y - box.y) / unit). */
  unit: number;
  shapes: MapShapeView[];
}

interface Outline extends MunicipalityOutline {
  bounds: Box;
  /** Index of the ring with the largest box: always drawn, so every municipality stays visible. */
  main: number;
}

let outlines: Outline[] | undefined;
const views = new Map<string, MapGeometry>();

function ringBounds(ring: Float64Array): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < ring.length; k += 2) {
    const x = ring[k]!, y = ring[k + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function union(boxes: readonly Box[]): Box {
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function allOutlines(): Outline[] {
  outlines ??= municipalityOutlines().map((o) => {
    const boxes = o.rings.map(ringBounds);
    const main = boxes.reduce((best, b, k) => (b.width * b.height > boxes[best]!.width * boxes[best]!.height ? k : best), 0);
    return { ...o, bounds: union(boxes), main };
  });
  return outlines;
}

/** Douglas–Peucker on the points of a ring (flat x,y), keeping the first and last; returns kept point indices. */
function simplify(ring: Float64Array, from: number, to: number, tolerance2: number, keep: Uint8Array): void {
  const stack: [number, number][] = [[from, to]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (b <= a + 1) continue;
    const ax = ring[2 * a]!, ay = ring[2 * a + 1]!;
    const dx = ring[2 * b]! - ax, dy = ring[2 * b + 1]! - ay;
    const length2 = dx * dx + dy * dy;
    let farthest = -1;
    let max = tolerance2;
    for (let k = a + 1; k < b; k++) {
      const px = ring[2 * k]! - ax, py = ring[2 * k + 1]! - ay;
      let d2: number;
      if (length2 === 0) d2 = px * px + py * py;
      else {
        const cross = px * dy - py * dx;
        d2 = (cross * cross) / length2;
      }
      if (d2 > max) {
        max = d2;
        farthest = k;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([a, farthest], [farthest, b]);
  }
}

/** A closed ring simplified and written in whole grid units; null when it would vanish. */
export function ringPath(ring: Float64Array, toGrid: (x: number, y: number) => [number, number], tolerance: number, mustKeep: boolean): string | null {
  const n = ring.length / 2;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  // A closed ring has no natural ends: split it at the point farthest from the first.
  let far = 0;
  let max = -1;
  for (let k = 1; k < n; k++) {
    const d = (ring[2 * k]! - ring[0]!) ** 2 + (ring[2 * k + 1]! - ring[1]!) ** 2;
    if (d > max) {
      max = d;
      far = k;
    }
  }
  keep[far] = 1;
  keep[n - 1] = 1;
  const tolerance2 = tolerance * tolerance;
  simplify(ring, 0, far, tolerance2, keep);
  simplify(ring, far, n - 1, tolerance2, keep);
  const points: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    if (!keep[k]) continue;
    const p = toGrid(ring[2 * k]!, ring[2 * k + 1]!);
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  if (points.length > 1 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1]) points.pop();
  if (points.length < 3) {
    if (!mustKeep) return null;
    // Too small to have a shape at this scale, but it must stay findable: a small diamond.
    const [x, y] = points[0] ?? toGrid(ring[0]!, ring[1]!);
    return `M${x} ${y - 2}l2 2-2 2-2-2z`;
  }
  let d = `M${points[0]![0]} ${points[0]![1]}l`;
  for (let k = 1; k < points.length; k++) {
    const dx = points[k]![0] - points[k - 1]![0];
    const dy = points[k]![1] - points[k - 1]![1];
    d += `${k === 1 || dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`;
  }
  return `${d}z`;
}

function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/**
 * The geometry of the map showing `selected` municipalities (null: all of Norway). `key` names the
 * selection for the cache (e.g. "helse-nord/18").
 */
export function mapGeometry(key: string, selected: ((id: string) => boolean) | null): MapGeometry {
  const cached = views.get(key);
  if (cached) return cached;
  const all = allOutlines();
  const inside = selected ? all.filter((o) => selected(o.id)) : all;
  const national = norwayMap();
  const fitted = selected && inside.length > 0 ? union(inside.map((o) => o.bounds)) : { x: 0, y: 0, width: national.width, height: national.height };
  const pad = Math.max(fitted.width, fitted.height) * PADDING;
  const box = { x: fitted.x - pad, y: fitted.y - pad, width: fitted.width + 2 * pad, height: fitted.height + 2 * pad };
  const scale = MAP_MAX_SIZE / Math.max(box.width, box.height);
  const unit = GRID_PX / scale;
  const toGrid = (x: number, y: number): [number, number] => [Math.round((x - box.x) / unit), Math.round((y - box.y) / unit)];
  const tolerance = TOLERANCE_PX / scale;
  const minRing = 1.5 / scale;
  const isInside = new Set(inside.map((o) => o.id));
  const shapes: MapShapeView[] = [];
  for (const o of all) {
    if (!intersects(o.bounds, box)) continue;
    const rings = o.rings.flatMap((ring, k) => {
      const b = ringBounds(ring);
      if (k !== o.main && b.width < minRing && b.height < minRing) return [];
      const path = ringPath(ring, toGrid, tolerance, k === o.main);
      return path ? [path] : [];
    });
    shapes.push({ id: o.id, name: o.name, d: rings.join(''), inside: isInside.has(o.id) });
  }
  const geometry: MapGeometry = {
    viewBox: `0 0 ${Math.round(box.width / unit)} ${Math.round(box.height / unit)}`,
    width: Math.round(box.width * scale),
    height: Math.round(box.height * scale),
    box,
    unit,
    shapes,
  };
  if (views.size > 64) views.clear();
  views.set(key, geometry);
  return geometry;
}
