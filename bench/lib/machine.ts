/** What a benchmark ran on, for the report: numbers without this are not comparable. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
}

export function describeMachine(): Machine {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch { /* not Linux */ }
  return { cores: availableParallelism(), cpu, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** 1-minute load average: other work on the machine skews every figure, so it is reported. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}

/** The commit a checkout is at, short, and whether it has uncommitted changes (a run's figures belong to that code). */
export function commitOf(folder: string): string {
  try {
    const id = execFileSync('git', ['-C', folder, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', folder, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return `${id}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown commit';
  }
}
