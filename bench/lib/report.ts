/**
 * Keeps the search benchmark's section of BENCHMARKS.md: the newest runs first, other sections
 * (other benchmarks, hand-written notes outside the markers) left as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const KEEP_RUNS = 6;

/** Puts a run at the top of a benchmark's section (bench:search unless named), keeping the last few earlier runs below it. */
export function addRun(file: string, header: string, run: string, bench = 'search'): void {
  const START = `<!-- bench:${bench} start -->`;
  const END = `<!-- bench:${bench} end -->`;
  const RUN = `<!-- bench:${bench} run -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const present = start >= 0 && end > start;
  const earlier = present ? text.slice(start, end).split(RUN).slice(1).map((r) => r.trim()) : [];
  const runs = [run.trim(), ...earlier].slice(0, KEEP_RUNS).map((r) => `${RUN}\n${r}`);
  const section = [START, header.trim(), ...runs, END].join('\n\n');
  writeFileSync(file, present ? text.slice(0, start) + section + text.slice(end + END.length) : `${text.trimEnd()}\n\n${section}\n`);
}

/** A Markdown table from a header row and body rows. */
export function table(head: string[], rows: string[][], rightAligned: number[] = []): string {
  const rule = head.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
