// A bucket grid over points on the sphere, so "every point within r km" and "the nearest point"
// cost a few buckets instead of a scan of all points. Distances are great-circle km computed
// exactly as the bulk column in distance.ts does (unit vectors, chord → arc), so a pair gets the
// same km whichever way it was found.
import { EARTH_RADIUS_KM } from '../platform/geo.ts';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;
/** A module-local copy: the hot loops would otherwise read the imported binding on every pair. */
const DIAMETER_KM = 2 * EARTH_RADIUS_KM;
/** Bucket size in degrees: about 11 km × 11 km at 60° N. */
const DLAT = 0.1;
const DLON = 0.2;

export function unitVector(lat: number, lon: number): [number, number, number] {
  const c = Math.cos(lat * RAD);
  return [c * Math.cos(lon * RAD), c * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}

/** Great-circle km from a squared chord between unit vectors. */
export function chordSquaredToKm(chord2: number): number {
  const half = Math.sqrt(chord2) / 2;
  return DIAMETER_KM * Math.asin(half < 1 ? half : 1);
}

/**
 * The squared chord of a great-circle distance, for deciding `km <= limit` without a sqrt and an
 * asin per pair. The conversion rounds differently from chordSquaredToKm, so callers decide by it
 * only outside a narrow band around the limit (CHORD_MARGIN) and compute the km exactly inside it.
 */
export function kmToChordSquared(km: number): number {
  const half = km >= Math.PI * EARTH_RADIUS_KM ? 1 : Math.sin(km / DIAMETER_KM);
  return 4 * half * half;
}

/** Relative band around a chord limit inside which a comparison falls back to exact km (rounding is ~1e-16). */
export const CHORD_MARGIN = 1e-9;

export class GeoIndex {
  readonly size: number;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;
  private readonly row0: number;
  private readonly col0: number;
  private readonly rows: number;
  private readonly cols: number;
  /** CSR layout: the points of bucket b are items[start[b] .. start[b + 1]), in ascending index order. */
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /** The unit vectors again, interleaved in CSR order, so a search reads memory in sequence. */
  private readonly xyz: Float64Array;

  constructor(points: readonly { lat: number; lon: number }[]) {
    const n = points.length;
    this.size = n;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    let rowMin = Infinity, rowMax = -Infinity, colMin = Infinity, colMax = -Infinity;
    const rowOf = new Int32Array(n);
    const colOf = new Int32Array(n);
    points.forEach((p, i) => {
      [this.x[i], this.y[i], this.z[i]] = unitVector(p.lat, p.lon);
      rowOf[i] = Math.floor(p.lat / DLAT);
      colOf[i] = Math.floor(p.lon / DLON);
      rowMin = Math.min(rowMin, rowOf[i]!); rowMax = Math.max(rowMax, rowOf[i]!);
      colMin = Math.min(colMin, colOf[i]!); colMax = Math.max(colMax, colOf[i]!);
    });
    this.row0 = n > 0 ? rowMin : 0;
    this.col0 = n > 0 ? colMin : 0;
    this.rows = n > 0 ? rowMax - rowMin + 1 : 0;
    this.cols = n > 0 ? colMax - colMin + 1 : 0;
    const counts = new Int32Array(this.rows * this.cols + 1);
    const bucketOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      bucketOf[i] = (rowOf[i]! - this.row0) * this.cols + (colOf[i]! - this.col0);
      counts[bucketOf[i]! + 1]! += 1;
    }
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    this.start = counts;
    this.items = new Int32Array(n);
    const fill = counts.slice(0, -1);
    for (let i = 0; i < n; i++) this.items[fill[bucketOf[i]!]!++] = i;
    this.xyz = new Float64Array(3 * n);
    for (let k = 0; k < n; k++) {
      const i = this.items[k]!;
      this.xyz[3 * k] = this.x[i]!;
      this.xyz[3 * k + 1] = this.y[i]!;
      this.xyz[3 * k + 2] = this.z[i]!;
    }
  }

  /**
   * Writes into `out` the index of every point within `radius` km of (lat, lon) and returns how
   * many (in bucket order, not sorted; `out` needs room for `size`). Exhaustive: no point within the
   * radius is missed. The rectangle searched holds every such point because a path of length r from
   * latitude φ never leaves |φ| + r, where a degree of longitude is at least cos(|φ| + r) degrees of arc.
   * With `chord2Out`, the squared chord of each point found is written beside it.
   */
  collect(lat: number, lon: number, radius: number, out: Int32Array, chord2Out?: Float64Array): number {
    const [qx, qy, qz] = unitVector(lat, lon);
    const dLat = radius / KM_PER_DEGREE;
    const maxAbs = Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat));
    const dLon = maxAbs < 89 ? (radius / (KM_PER_DEGREE * Math.cos(maxAbs * RAD))) * 1.001 : Infinity;
    const limit = radius < Math.PI * EARTH_RADIUS_KM ? 2 * Math.sin(radius / (2 * EARTH_RADIUS_KM)) : 2;
    const limit2 = limit * limit * (1 + 1e-12);
    const { x, y, z, items, xyz } = this;
    let count = 0;
    if (!(dLon < 170) || lon - dLon < -180 || lon + dLon > 180) {
      for (let i = 0; i < this.size; i++) {
        const dx = x[i]! - qx, dy = y[i]! - qy, dz = z[i]! - qz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 <= limit2) {
          if (chord2Out) chord2Out[count] = c2;
          out[count++] = i;
        }
      }
      return count;
    }
    const r0 = Math.max(0, Math.floor((lat - dLat) / DLAT) - this.row0);
    const r1 = Math.min(this.rows - 1, Math.floor((lat + dLat) / DLAT) - this.row0);
    const c0 = Math.max(0, Math.floor((lon - dLon) / DLON) - this.col0);
    const c1 = Math.min(this.cols - 1, Math.floor((lon + dLon) / DLON) - this.col0);
    if (c0 > c1) return 0;
    for (let r = r0; r <= r1; r++) {
      // Buckets of a row are contiguous in CSR order, so one run covers columns c0..c1.
      const to = this.start[r * this.cols + c1 + 1]!;
      for (let k = this.start[r * this.cols + c0]!; k < to; k++) {
        const dx = xyz[3 * k]! - qx, dy = xyz[3 * k + 1]! - qy, dz = xyz[3 * k + 2]! - qz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 <= limit2) {
          if (chord2Out) chord2Out[count] = c2;
          out[count++] = items[k]!;
        }
      }
    }
    return count;
  }

  /** Great-circle km from point i to (lat, lon), computed as the bulk column does. */
  km(i: number, qx: number, qy: number, qz: number): number {
    const dx = this.x[i]! - qx, dy = this.y[i]! - qy, dz = this.z[i]! - qz;
    return chordSquaredToKm(dx * dx + dy * dy + dz * dz);
  }

  /**
   * The nearest point (smallest km; on equal km, the one `before` puts first), or null when the
   * index is empty. Searches growing radii from `startKm` (a caller going through neighbouring
   * places passes the last answer's km), each exhaustively, so the answer is exact whatever the start. Candidates are compared by squared chord, which orders them as km does; only those
   * within a hair of the smallest get their km computed, so ties in km are found as before.
   */
  nearest(
    lat: number, lon: number, before: (a: number, b: number) => boolean,
    buffer = new Int32Array(this.size), chord2 = new Float64Array(this.size), startKm = NEAREST_START_KM,
  ): { index: number; km: number } | null {
    if (this.size === 0) return null;
    for (let radius = startKm > NEAREST_START_KM ? startKm : NEAREST_START_KM; ; radius *= 2) {
      const count = this.collect(lat, lon, radius, buffer, chord2);
      if (count > 0 || radius > Math.PI * EARTH_RADIUS_KM) {
        let least = Infinity;
        for (let q = 0; q < count; q++) if (chord2[q]! < least) least = chord2[q]!;
        const near = least * (1 + CHORD_MARGIN);
        let best = -1;
        let bestKm = Infinity;
        for (let q = 0; q < count; q++) {
          if (chord2[q]! > near) continue;
          const i = buffer[q]!;
          const km = chordSquaredToKm(chord2[q]!);
          if (km < bestKm || (km === bestKm && before(i, best))) {
            best = i;
            bestKm = km;
          }
        }
        // Everything within `radius` was collected, so the nearest of them is the nearest of all.
        return best < 0 ? null : { index: best, km: bestKm };
      }
    }
  }
}

/** First radius of a nearest search: small, because offers cluster where people live and a wide first search meets hundreds. */
const NEAREST_START_KM = 3;
