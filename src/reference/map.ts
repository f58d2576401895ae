import { geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readReferenceFile } from './files.ts';

/** SVG map geometry of Norway, projected once and cached: counties for the finder, municipalities for the atlas. */
export interface MapShape {
  id: string;
  name: string;
  d: string;
}
export interface NorwayMap {
  width: number;
  height: number;
  counties: MapShape[];
  municipalities: MapShape[];
  project(lat: number, lon: number): [number, number] | null;
}

const WIDTH = 400;
const HEIGHT = 520;
/** Islands smaller than this many square pixels vanish; points closer than MIN_STEP pixels merge. */
const MIN_RING_AREA = 1.5;
const MIN_STEP = 1.2;
let cached: NorwayMap | undefined;

type Shape = Feature<Polygon | MultiPolygon, Record<string, string>>;

function load(file: string, object: string): Shape[] {
  const topology = JSON.parse(readReferenceFile(file)) as Topology;
  return (feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection).features as Shape[];
}

function ringArea(points: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) sum += (points[j]![0] + points[i]![0]) * (points[j]![1] - points[i]![1]);
  return Math.abs(sum / 2);
}

/** Projects a ring to pixels, thinning points a 400-pixel map cannot show; null when too small. */
function ringPath(ring: Position[], projection: GeoProjection, keepSmall: boolean): string | null {
  const points: [number, number][] = [];
  for (const position of ring) {
    const p = projection(position as [number, number]);
    if (!p) continue;
    const last = points[points.length - 1];
    if (!last || keepSmall || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) points.push(p);
  }
  if (points.length < 3 || (!keepSmall && ringArea(points) < MIN_RING_AREA)) return null;
  return svgRing(points);
}

/** Tenths of a pixel as the shortest SVG number: 29 → "2.9", -7 → "-.7", 10 → "1". */
function tenths(n: number): string {
  return `${n < 0 ? '-' : ''}${(Math.abs(n) / 10).toString().replace(/^0\./, '.')}`;
}

/**
 * A closed SVG path through the points at a tenth of a pixel: the first point absolute, each next
 * one relative to the one before (whole tenths, so the shape is exactly that of absolute
 * coordinates). Small steps repeat far more than positions do: the county map on every finder page
 * is half the text and compresses to about half the bytes.
 */
function svgRing(points: [number, number][]): string {
  let d = '';
  let last: [number, number] | null = null;
  for (const [x, y] of points) {
    const at: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
    if (!last) d += `M${tenths(at[0])} ${tenths(at[1])}l`;
    else {
      for (const step of [tenths(at[0] - last[0]), tenths(at[1] - last[1])]) d += `${d.endsWith('l') || step.startsWith('-') ? '' : ' '}${step}`;
    }
    last = at;
  }
  return `${d}Z`;
}

function shapePath(shape: Shape, projection: GeoProjection): string {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const rings = polygons.flatMap((polygon) => polygon.map((ring) => ringPath(ring, projection, false)));
  const kept = rings.filter((r): r is string => r !== null);
  if (kept.length > 0) return kept.join('');
  // A small municipality must still be drawn: keep its largest outer ring whatever its size.
  const outer = polygons.map((polygon) => polygon[0]!).sort((a, b) => b.length - a.length)[0]!;
  return ringPath(outer, projection, true) ?? '';
}

let base: { counties: Shape[]; municipalities: Shape[]; projection: GeoProjection } | undefined;

/** The boundaries and the one projection every national map uses (pixels of a WIDTH × HEIGHT map). */
function national() {
  if (base) return base;
  const counties = load('geo/Fylker-S.topojson', 'Fylker');
  const municipalities = load('geo/Kommuner-S.topojson', 'Kommuner');
  // UTM zone 33 style transverse Mercator, the projection Norway's own maps use.
  // Fitted to the boundary points, not the polygons: their ring order (RFC 7946) reads as
  // "everything but Norway" to d3's spherical fitting.
  const boundary = counties.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((p) => p[0]!));
  const projection = geoTransverseMercator().rotate([-15, 0]).fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'MultiPoint', coordinates: boundary });
  base = { counties, municipalities, projection };
  return base;
}

/** A municipality's outline at full detail in the national map's pixels: each ring as flat x,y pairs. */
export interface MunicipalityOutline {
  id: string;
  name: string;
  rings: Float64Array[];
}

/**
 * Every municipality's rings, projected as norwayMap projects them but not thinned, so a map
 * that zooms in can simplify them for its own scale (the atlas's choropleth does).
 */
export function municipalityOutlines(): MunicipalityOutline[] {
  const { municipalities, projection } = national();
  return municipalities.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const rings = polygons.flatMap((polygon) => polygon.map((ring) => {
      const flat = new Float64Array(ring.length * 2);
      let n = 0;
      for (const position of ring) {
        const p = projection(position as [number, number]);
        if (!p) continue;
        flat[n++] = p[0];
        flat[n++] = p[1];
      }
      return flat.subarray(0, n);
    }));
    return { id: f.properties.kommunenummer!, name: f.properties.kommunenavn!, rings: rings.filter((r) => r.length >= 6) };
  });
}

export function norwayMap(): NorwayMap {
  if (cached) return cached;
  const { counties, municipalities, projection } = national();
  cached = {
    width: WIDTH,
    height: HEIGHT,
    counties: counties.map((f) => ({ id: f.properties.fylkesnummer!, name: f.properties.name!, d: shapePath(f, projection) })),
    municipalities: municipalities.map((f) => ({ id: f.properties.kommunenummer!, name: f.properties.kommunenavn!, d: shapePath(f, projection) })),
    project: (lat, lon) => {
      const point = projection([lon, lat]);
      return point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : null;
    },
  };
  return cached;
}

/** One municipality drawn on its own: its outline fitted to a small square, and where a point falls in it. */
export interface MunicipalityMap {
  size: number;
  name: string;
  d: string;
  project(lat: number, lon: number): [number, number] | null;
}

const LOCAL_SIZE = 240;
let municipalityShapes: Map<string, Shape> | undefined;

/**
 * A small map of one municipality (for an offer's page): its own projection, so a town-sized
 * municipality is as legible as a county. Undefined for a number not in the boundaries.
 */
export function municipalityMap(number: string): MunicipalityMap | undefined {
  // made once per municipality (a few hundred at most): projecting the outline cost every offer page about a millisecond
  let map = municipalityMaps.get(number);
  if (!map) {
    map = projectMunicipality(number);
    if (map) municipalityMaps.set(number, map); // only numbers with an outline: the map stays as small as the boundaries
  }
  return map;
}
const municipalityMaps = new Map<string, MunicipalityMap>();

function projectMunicipality(number: string): MunicipalityMap | undefined {
  municipalityShapes ??= new Map(load('geo/Kommuner-S.topojson', 'Kommuner').map((f) => [f.properties.kommunenummer!, f]));
  const shape = municipalityShapes.get(number);
  if (!shape) return undefined;
  const points = (shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates).flatMap((p) => p[0]!);
  const meanLon = points.reduce((sum, p) => sum + p[0]!, 0) / points.length;
  const projection = geoTransverseMercator().rotate([-meanLon, 0])
    .fitExtent([[8, 8], [LOCAL_SIZE - 8, LOCAL_SIZE - 8]], { type: 'MultiPoint', coordinates: points });
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const d = polygons.flatMap((polygon) => polygon.map((ring) => ringPath(ring, projection, false))).filter((r): r is string => r !== null).join('');
  return {
    size: LOCAL_SIZE,
    name: shape.properties.kommunenavn!,
    d,
    project: (lat, lon) => {
      const point = projection([lon, lat]);
      if (!point || point[0] < 0 || point[1] < 0 || point[0] > LOCAL_SIZE || point[1] > LOCAL_SIZE) return null;
      return [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10];
    },
  };
}
