// Text labels for the atlas map: which municipalities get a name on the map, and where. Labels
// sit at the municipality's population centre, biggest places first, and a label that would
// overlap one already placed (or leave the map) is left out. Two tiers: a few "major" labels
// drawn large enough to read when a phone shrinks the map, and the rest shown on wider screens
// (assets/atlas.css hides them on narrow ones). Names only: the links already carry names and
// values for assistive technology, so the labels are hidden from it.
import { norwayMap } from '../../reference/index.ts';
import { GRID_PX, type MapGeometry } from './map-geometry.ts';

export interface LabelPlace {
  lat: number;
  lon: number;
  population: number | null;
}

export interface MapLabel {
  id: string;
  name: string;
  /** Centre of the text, in the view's units. */
  x: number;
  y: number;
  major: boolean;
}

/** Font size in screen pixels at the map's full width, and on a phone (map about half as wide). */
export const LABEL_PX = 12;
export const MAJOR_LABEL_PX = 24;
const MAJOR_LIMIT = 6;
/** All of Norway: only the biggest places; a region or county: as many of its own as fit. */
const NATIONAL_LIMIT = 14;
const ZOOMED_LIMIT = 40;
/** Average glyph width as a share of the font size, and room around each label. */
const GLYPH = 0.6;
const GAP = 0.35;

interface Rect { x0: number; y0: number; x1: number; y1: number }

export function mapLabels(
  geometry: MapGeometry,
  shapes: readonly { id: string; name: string }[],
  places: ReadonlyMap<string, LabelPlace>,
  national: boolean,
): MapLabel[] {
  const project = norwayMap().project;
  const [, , viewWidth, viewHeight] = geometry.viewBox.split(' ').map(Number) as [number, number, number, number];
  const candidates = shapes
    .map((s) => ({ ...s, place: places.get(s.id) }))
    .filter((s): s is typeof s & { place: LabelPlace } => s.place !== undefined)
    .sort((a, b) => (b.place.population ?? 0) - (a.place.population ?? 0) || a.name.localeCompare(b.name, 'nb'))
    .slice(0, national ? NATIONAL_LIMIT : ZOOMED_LIMIT);
  const placed: Rect[] = [];
  const labels: MapLabel[] = [];
  /** The label's box, moved inside the map's edges if it sticks out (a coastal town); null if it overlaps one placed. */
  const fits = (px: number, py: number, name: string, fontPx: number): (Rect & { x: number; y: number }) | null => {
    const size = fontPx / GRID_PX;
    const halfWidth = (name.length * GLYPH * size) / 2 + GAP * size;
    const halfHeight = size * (0.5 + GAP);
    if (2 * halfWidth > viewWidth || 2 * halfHeight > viewHeight) return null;
    const x = Math.min(viewWidth - halfWidth, Math.max(halfWidth, px));
    const y = Math.min(viewHeight - halfHeight, Math.max(halfHeight, py));
    const rect = { x, y, x0: x - halfWidth, y0: y - halfHeight, x1: x + halfWidth, y1: y + halfHeight };
    return placed.some((r) => r.x0 < rect.x1 && rect.x0 < r.x1 && r.y0 < rect.y1 && rect.y0 < r.y1) ? null : rect;
  };
  for (const tier of [true, false]) {
    for (const c of candidates) {
      if (labels.some((l) => l.id === c.id)) continue;
      if (tier && labels.length >= MAJOR_LIMIT) break;
      const at = project(c.place.lat, c.place.lon);
      if (!at) continue;
      const x = Math.round((at[0] - geometry.box.x) / geometry.unit);
      const y = Math.round((at[1] - geometry.box.y) / geometry.unit);
      const rect = fits(x, y, c.name, tier ? MAJOR_LABEL_PX : LABEL_PX);
      if (!rect) continue;
      placed.push(rect);
      labels.push({ id: c.id, name: c.name, x: Math.round(rect.x), y: Math.round(rect.y), major: tier });
    }
  }
  return labels;
}
