// A bucket grid over points on the sphere, so "every point within r km" and "the nearest point"
// cost a few buckets instead of a scan of all points. Distances are great-circle km computed
// exactly as the bulk column in distance.ts does (unit vectors, chord → arc), so a pair gets the
// same km whichever way it was found.
import { EARTH_RADIUS_KM } from '../platform/geo.ts';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;
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
  return 2 * EARTH_RADIUS_KM * Math.asin(half < 1 ? half : 1);
}

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
  }

  /**
   * Writes into `out` the index of every point within `radius` km of (lat, lon) and returns how
   * many (in bucket order, not sorted; `out` needs room for `size`). Exhaustive: no point within the
   * radius is missed. The rectangle searched holds every such point because a path of length r from
   * latitude φ never leaves |φ| + r, where a degree of longitude is at least cos(|φ| + r) degrees of arc.
   */
  collect(lat: number, lon: number, radius: number, out: Int32Array): number {
    const [qx, qy, qz] = unitVector(lat, lon);
    const dLat = radius / KM_PER_DEGREE;
    const maxAbs = Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat));
    const dLon = maxAbs < 89 ? (radius / (KM_PER_DEGREE * Math.cos(maxAbs * RAD))) * 1.001 : Infinity;
    const limit = radius < Math.PI * EARTH_RADIUS_KM ? 2 * Math.sin(radius / (2 * EARTH_RADIUS_KM)) : 2;
    const limit2 = limit * limit * (1 + 1e-12);
    const { x, y, z, items } = this;
    let count = 0;
    if (!(dLon < 170) || lon - dLon < -180 || lon + dLon > 180) {
      for (let i = 0; i < this.size; i++) {
        const dx = x[i]! - qx, dy = y[i]! - qy, dz = z[i]! - qz;
        if (dx * dx + dy * dy + dz * dz <= limit2) out[count++] = i;
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
        const i = items[k]!;
        const dx = x[i]! - qx, dy = y[i]! - qy, dz = z[i]! - qz;
        if (dx * dx + dy * dy + dz * dz <= limit2) out[count++] = i;
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
   * index is empty. Searches growing radii, each exhaustively, so the answer is exact.
   */
  nearest(lat: number, lon: number, before: (a: number, b: number) => boolean, buffer = new Int32Array(this.size)): { index: number; km: number } | null {
    if (this.size === 0) return null;
    const [qx, qy, qz] = unitVector(lat, lon);
    for (let radius = 25; ; radius *= 2) {
      const count = this.collect(lat, lon, radius, buffer);
      if (count > 0 || radius > Math.PI * EARTH_RADIUS_KM) {
        let best = -1;
        let bestKm = Infinity;
        for (let q = 0; q < count; q++) {
          const i = buffer[q]!;
          const km = this.km(i, qx, qy, qz);
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
