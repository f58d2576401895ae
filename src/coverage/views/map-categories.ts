// Which colour each municipality gets for an indicator, and the legend that says why.
import { nb } from '../../platform/i18n/nb.ts';
import type { Indicator } from '../params.ts';
import { indicatorValue, type UnitFigures } from '../present.ts';
import { categoryColours, quantileScale } from '../scale.ts';
import { MISSING, NO_VALUE, type MapCategory } from './choropleth.tsx';
import { distance, number, ratio } from './format.ts';

const m = nb.coverage.map;
const SHORTAGE_KEYS = ['none', 'moderate', 'severe'] as const;

function formatter(indicator: Indicator, unit: 'km' | 'min'): (x: number) => string {
  if (indicator === 'avstand') return (x) => distance(x, unit);
  if (indicator === 'innbyggere') return (x) => number(x);
  return ratio;
}

/** Municipalities whose value depends on a population figure they lack are "missing", never a class. */
function needsPopulation(indicator: Indicator): boolean {
  return indicator !== 'avstand' && indicator !== 'mangel';
}

export function mapCategories(rows: readonly UnitFigures[], indicator: Indicator, unit: 'km' | 'min'): { categoryOf: Map<string, string>; categories: MapCategory[] } {
  const categoryOf = new Map<string, string>();
  const counts = new Map<string, number>();
  const assign = (id: string, key: string) => {
    categoryOf.set(id, key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let classes: MapCategory[];
  if (indicator === 'mangel') {
    const colours = categoryColours(SHORTAGE_KEYS.length);
    classes = SHORTAGE_KEYS.map((key, k) => ({ key, label: nb.coverage.shortage[key], fill: colours[k]!, count: 0 }));
    for (const row of rows) assign(row.id, row.shortage ?? NO_VALUE);
  } else {
    const known = rows.filter((r) => !(needsPopulation(indicator) && r.population === null));
    const values = known.map((r) => indicatorValue(r, indicator)).filter((v): v is number => v !== null);
    const scale = quantileScale(values);
    const show = formatter(indicator, unit);
    classes = scale.classes.map((c, k) => ({
      key: `klasse-${k + 1}`,
      label: c.from === c.to ? m.classSingle(show(c.to)) : k === 0 ? m.classRange(show(c.from), show(c.to)) : m.classAbove(show(c.from), show(c.to)),
      fill: c.colour,
      count: 0,
    }));
    for (const row of rows) {
      if (needsPopulation(indicator) && row.population === null) {
        assign(row.id, MISSING);
        continue;
      }
      const value = indicatorValue(row, indicator);
      assign(row.id, value === null ? NO_VALUE : `klasse-${scale.classOf(value) + 1}`);
    }
  }
  const extra: MapCategory[] = [
    { key: NO_VALUE, label: m.noValue[indicator]!, fill: `url(#${NO_VALUE})`, count: 0 },
    { key: MISSING, label: m.missingPopulation, fill: `url(#${MISSING})`, count: 0 },
  ];
  const categories = [...classes, ...extra]
    .map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }))
    // Every class and "missing" stay in the legend (also at 0, so the reader sees none is missing).
    .filter((c) => c.key !== NO_VALUE || c.count > 0);
  return { categoryOf, categories };
}
