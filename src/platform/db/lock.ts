import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync, linkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * One process per embedded database folder. PGlite keeps its own copy of the data in memory and
 * writes it back on its own schedule, so two processes on one folder each see only their own
 * writes and overwrite each other's: the second one must refuse to start.
 *
 * Node has no flock(2), so the lock is a file beside the folder, created exclusively (O_EXCL),
 * holding who owns it. A lock left by a process that is gone (killed, crashed, machine restarted)
 * is taken over: on the same host when its pid is not alive or now belongs to another process;
 * from another host (a shared volume, a container with a new name) when its owner has not
 * touched it for STALE_AFTER_MS (a live owner touches it every HEARTBEAT_MS).
 */
export const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 5 * 60_000;
/** sysexits.h EX_TEMPFAIL: the folder is busy; starting again once the other process has stopped works. */
export const EXIT_DATA_DIR_LOCKED = 75;

interface Owner {
  pid: number;
  host: string;
  /** when the owner process started, as the kernel counts it (Linux), so a reused pid is told apart */
  started: string | null;
  /** what this lock is for, shown to whoever finds the file */
  note: string;
}

export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly owner: Partial<Owner>) {
    const who = owner.pid ? `process ${owner.pid} on ${owner.host ?? 'an unknown host'}` : 'another process';
    super([
      `The embedded database folder is in use by ${who} (lock file ${lockFile}).`,
      'Only one Samklang process can use an embedded database (DATA_DIR) at a time: stop the other one first.',
      'To run several instances, give them one PostgreSQL server through DATABASE_URL.',
      `If you are sure no other process uses this folder, delete ${lockFile} and start again.`,
    ].join('\n'));
    this.name = 'DataDirLockedError';
    // an expected condition, not a bug: whoever prints it uncaught (the CLI scripts) shows no stack
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** The start time of a process as the kernel counts it (clock ticks since boot), where /proc has it. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The process is running (EPERM: it is, but belongs to a user this one may not signal). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): { owner: Partial<Owner>; raw: string } | null {
  try {
    const raw = readFileSync(file, 'utf8');
    try {
      return { owner: JSON.parse(raw) as Partial<Owner>, raw };
    } catch {
      return { owner: {}, raw }; // half-written by a process killed while writing it
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether the lock's owner is certainly gone. */
function isStale(file: string, owner: Partial<Owner>): boolean {
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // released meanwhile: try again
    throw error;
  }
  // unreadable: written by a process killed while writing it (a fresh one may still be being written)
  if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return ageMs > 10_000;
  if (owner.host !== hostname()) return ageMs > STALE_AFTER_MS;
  // a restarted container often gets the same pid as its previous life; this life's own locks are held
  if (owner.pid === process.pid) return !heldHere.has(file);
  if (!isAlive(owner.pid)) return true;
  const started = startTimeOf(owner.pid);
  return owner.started != null && started != null && started !== owner.started;
}

/** Lock files this process holds (a lock naming our own pid is otherwise one from a previous life). */
const heldHere = new Set<string>();

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock aside. Two processes may judge the same stale lock at once; the one that
 * moves a lock that is no longer the one it judged (a live owner's, made in between) puts it back.
 */
function breakStaleLock(file: string, judged: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another process moved it first
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== judged) {
    try {
      linkSync(aside, file);
    } catch {
      // someone made a new lock meanwhile: theirs stands
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock on an embedded database folder, or throws DataDirLockedError naming its owner. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  const mine: Owner = { pid: process.pid, host: hostname(), started: startTimeOf(process.pid), note: 'Samklang: this process owns the embedded database beside this file' };
  const content = `${JSON.stringify(mine)}\n`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, content)) return hold(file, content);
    const found = readOwner(file);
    if (!found) continue; // released meanwhile
    if (!isStale(file, found.owner)) throw new DataDirLockedError(file, found.owner);
    breakStaleLock(file, found.raw);
  }
  throw new DataDirLockedError(file, readOwner(file)?.owner ?? {});
}

function hold(file: string, content: string): DataDirLock {
  heldHere.add(file);
  // a live owner touches its lock, so another host can tell it from one left by a dead process
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // the folder went away: nothing to keep fresh
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    heldHere.delete(file);
    clearInterval(heartbeat);
    process.removeListener('exit', release);
    // only our own lock: never one a later owner made after ours was judged stale
    if (readOwner(file)?.raw === content) rmSync(file, { force: true });
  };
  // process.exit() and uncaught errors end the process without closing the database
  process.on('exit', release);
  return { file, release };
}
