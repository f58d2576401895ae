// Class breaks and colours for the choropleth. The palette is a stretch of viridis (colour-blind
// safe, ordered in lightness) chosen so every class has at least 3:1 contrast against the white
// page (WCAG 1.4.11); tests check it. Darker always means a higher value.

/** Light to dark: viridis at about t = 0.5, 0.4, 0.25, 0.15, 0. */
export const PALETTE = ['#21918c', '#2a788e', '#3b528b', '#472d7b', '#440154'] as const;
export const PAGE_BACKGROUND = '#ffffff';
/** Outline and hatching of the "no value" and "missing" patterns. */
export const PATTERN_INK = '#4a4a4a';

/** WCAG relative luminance of '#rrggbb'. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface ColourClass {
  /** Lower bound (exclusive, except for the first class) and upper bound (inclusive). */
  from: number;
  to: number;
  colour: string;
}

export interface Scale {
  classes: ColourClass[];
  classOf(value: number): number;
}

/** Two significant digits: breaks a reader can say aloud ("0,35", "12 000"). */
function rounded(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Quintile breaks over the municipalities' values, rounded; repeated breaks (many zeros)
 * merge, so there may be fewer than five classes. Colours spread over the whole palette.
 */
export function quantileScale(values: readonly number[], classes = PALETTE.length): Scale {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { classes: [], classOf: () => 0 };
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const inner = Array.from({ length: classes - 1 }, (_, k) => rounded(quantile(sorted, (k + 1) / classes)));
  const breaks = [...new Set(inner)].filter((b) => b >= min && b < max).sort((a, b) => a - b);
  const bounds = [...breaks, max];
  const colours = spread(bounds.length);
  const scale: ColourClass[] = bounds.map((to, k) => ({ from: k === 0 ? min : bounds[k - 1]!, to, colour: colours[k]! }));
  return {
    classes: scale,
    classOf: (value) => {
      const k = breaks.findIndex((b) => value <= b);
      return k < 0 ? breaks.length : k;
    },
  };
}

/** Ordered categories (e.g. shortage none / moderate / severe), one colour each, spread over the palette. */
export function categoryColours(count: number): string[] {
  return spread(count);
}

function spread(count: number): string[] {
  if (count <= 1) return [PALETTE[0]];
  return Array.from({ length: count }, (_, k) => PALETTE[Math.round((k * (PALETTE.length - 1)) / (count - 1))]!);
}
