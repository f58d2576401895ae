// Tiny hand-made worlds for unit tests: points on a line, `lat` used as the km position.
import type { DemandPoint, Distance, SupplySite } from '../../src/coverage/types.ts';

/** Distance along the line: |position of demand − position of site|. */
export const lineDistance: Distance = (d, s) => Math.abs(d.lat - s.lat);

export function point(id: string, at: number, population: number | null, region?: string): DemandPoint {
  return { id, lat: at, lon: 0, population, ...(region === undefined ? {} : { region }) };
}

export function site(id: string, at: number, fte: number, extra: Partial<SupplySite> = {}): SupplySite {
  return { id, lat: at, lon: 0, fte, ...extra };
}

/** Equal within a relative/absolute tolerance, with a readable failure. */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  if (actual === null || actual === undefined || !(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
    throw new Error(`expected ${expected}, got ${actual}`);
  }
}
