/**
 * How much a process's memory grew during a soak, judged from a few samples at each end rather
 * than from one: a sample taken just before a garbage collection, or while a burst of answers was
 * being written, can sit tens of MB above the process's level and make growth appear or vanish.
 * The level at each end is the median of the first and the last `window` samples (a minute apart),
 * the window being three samples, or fewer when there are under six; a sample that could not be
 * read (NaN) is left out.
 */
import { median } from './load.ts';

export interface Growth { from: number; to: number; percent: number; window: number }

export function memoryGrowth(series: number[], widest = 3): Growth {
  const read = series.filter((value) => Number.isFinite(value));
  if (read.length === 0) return { from: Number.NaN, to: Number.NaN, percent: Number.NaN, window: 0 };
  const window = Math.max(1, Math.min(widest, Math.floor(read.length / 2)));
  const from = median(read.slice(0, window));
  const to = median(read.slice(-window));
  return { from, to, percent: ((to - from) / from) * 100, window };
}
