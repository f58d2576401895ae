import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** Line by line: Markdown is written a paragraph to a line, so a changed paragraph shows as one −/+ pair. */
export function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((change) => {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    return change.value.replace(/\n$/, '').split('\n').map((text) => ({ kind, text }));
  });
}

/** Unchanged lines far from a change are folded away, as in a code review. */
export function withContext(lines: DiffLine[], context = 2): (DiffLine | { kind: 'gap'; count: number })[] {
  const keep = lines.map((line, index) => line.kind !== 'same' || lines.slice(Math.max(0, index - context), index + context + 1).some((l) => l.kind !== 'same'));
  const out: (DiffLine | { kind: 'gap'; count: number })[] = [];
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line);
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'gap') last.count++;
      else out.push({ kind: 'gap', count: 1 });
    }
  });
  return out;
}
