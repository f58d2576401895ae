/**
 * CPU time of process trees from /proc (Linux), to say where a benchmark's CPU went: the app,
 * the database server or the load generator. Elsewhere it reports nothing rather than guessing.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

function stat(pid: number): { ppid: number; seconds: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which may itself hold spaces and parentheses
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, and cutime + cstime: the CPU of its children that have exited and been waited for
    // (a database backend that ends moves its CPU to the postmaster's, so the tree's sum never drops)
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** The process and all its descendants alive now. */
function tree(root: number): number[] {
  let pids: number[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const ppid = stat(pid)?.ppid;
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

/** CPU seconds used so far by the process trees under these roots (live processes, and their exited children once waited for). */
export function treeCpuSeconds(roots: number[]): number {
  return roots.flatMap(tree).reduce((sum, pid) => sum + (stat(pid)?.seconds ?? 0), 0);
}

/** The parent of a process (e.g. the postmaster of a backend), if it can be read. */
export function parentOf(pid: number): number | undefined {
  return stat(pid)?.ppid;
}
