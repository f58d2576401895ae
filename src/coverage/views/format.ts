import { formatNumber } from '../../platform/i18n/index.ts';
// Numbers on screen in the reader's style (12 345,6 / 12,345.6), with one place for each kind of figure.

/** Up to `digits` decimals; `fixed` always shows them, so a column of ratios lines up. */
export function number(value: number, digits = 0, fixed = false): string {
  return formatNumber(value, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
}

/** FTE per 10,000 and similar small ratios: two decimals, or more where small changes matter. */
export function ratio(value: number, digits = 2): string {
  return number(value, digits, true);
}

/** A share as a percentage in the reader's style (4,3 % / 4.3%), the sign kept to its number. */
export function percent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
}

export function distance(value: number, unit: 'km' | 'min'): string {
  return `${number(value, value < 10 ? 1 : 0)} ${unit}`;
}

/** A signed change, so "no change" and "worse" read at a glance: +0,12 / −3 / 0. */
export function signed(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${number(Math.abs(rounded), digits)}`;
}
