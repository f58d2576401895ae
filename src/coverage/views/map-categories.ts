// Which colour each municipality gets for an indicator, and the legend that says why.
import { msg } from '../../platform/i18n/index.ts';
import type { Indicator } from '../params.ts';
import { indicatorValue, type UnitFigures } from '../present.ts';
import { categoryColours, quantileScale } from '../scale.ts';
import { MISSING, NO_VALUE, type MapCategory } from './choropleth.tsx';
import { distance, number, ratio } from './format.ts';

const m = msg.coverage.map;
const SHORTAGE_KEYS = ['none', 'moderate', 'severe'] as const;

export interface MapClasses {
  categoryOf: Map<string, string>;
  /** Legend entries; `count` is the number of municipalities shown (the chosen area only). */
  categories: MapCategory[];
  /** Shortage classes are categories; every other measure is a number cut into classes. */
  kind: 'categorical' | 'numeric';
  /** Each municipality's own value as text, for its link's name and the tooltip. */
  valueText: Map<string, string>;
}

function formatter(indicator: Indicator, unit: 'km' | 'min'): (x: number) => string {
  if (indicator === 'avstand') return (x) => distance(x, unit);
  if (indicator === 'innbyggere') return (x) => number(x);
  return ratio;
}

/** Municipalities whose value depends on a population figure they lack are "missing", never a class. */
function needsPopulation(indicator: Indicator): boolean {
  return indicator !== 'avstand' && indicator !== 'mangel';
}

/**
 * Classes are cut from all municipalities' values, so a colour means the same in every region;
 * the legend counts only the municipalities `shown` (all when not given).
 */
export function mapCategories(rows: readonly UnitFigures[], indicator: Indicator, unit: 'km' | 'min', shown: (id: string) => boolean = () => true): MapClasses {
  const categoryOf = new Map<string, string>();
  const valueText = new Map<string, string>();
  const counts = new Map<string, number>();
  const assign = (id: string, key: string) => {
    categoryOf.set(id, key);
    if (shown(id)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let classes: MapCategory[];
  const show = formatter(indicator, unit);
  const noValue = m.noValue[indicator]!;
  if (indicator === 'mangel') {
    const colours = categoryColours(SHORTAGE_KEYS.length);
    classes = SHORTAGE_KEYS.map((key, k) => ({ key, label: msg.coverage.shortage[key], fill: colours[k]!, count: 0 }));
    for (const row of rows) {
      assign(row.id, row.shortage ?? NO_VALUE);
      valueText.set(row.id, row.shortage ? msg.coverage.shortage[row.shortage] : noValue);
    }
  } else {
    const known = rows.filter((r) => !(needsPopulation(indicator) && r.population === null));
    const values = known.map((r) => indicatorValue(r, indicator)).filter((v): v is number => v !== null);
    const scale = quantileScale(values);
    classes = scale.classes.map((c, k) => ({
      key: `klasse-${k + 1}`,
      label: c.from === c.to ? m.classSingle(show(c.to)) : k === 0 ? m.classRange(show(c.from), show(c.to)) : m.classAbove(show(c.from), show(c.to)),
      fill: c.colour,
      count: 0,
    }));
    for (const row of rows) {
      if (needsPopulation(indicator) && row.population === null) {
        assign(row.id, MISSING);
        valueText.set(row.id, m.missingPopulation);
        continue;
      }
      const value = indicatorValue(row, indicator);
      assign(row.id, value === null ? NO_VALUE : `klasse-${scale.classOf(value) + 1}`);
      valueText.set(row.id, value === null ? noValue : show(value));
    }
  }
  const extra: MapCategory[] = [
    { key: NO_VALUE, label: noValue, fill: `url(#${NO_VALUE})`, count: 0 },
    { key: MISSING, label: m.missingPopulation, fill: `url(#${MISSING})`, count: 0 },
  ];
  const categories = [...classes, ...extra]
    .map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }))
    // Every class stays in the legend (also at 0, so the reader sees none is missing); the two
    // patterns only when some municipality shown has them.
    .filter((c) => (c.key !== NO_VALUE && c.key !== MISSING) || c.count > 0);
  return { categoryOf, categories, kind: indicator === 'mangel' ? 'categorical' : 'numeric', valueText };
}
