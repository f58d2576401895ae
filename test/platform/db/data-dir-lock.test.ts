import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DataDirLockedError, EXIT_DATA_DIR_LOCKED, STALE_AFTER_MS, lockDataDir } from '../../../src/platform/db/lock.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'samklang-lock-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const aFolder = () => join(scratch, `data-${++folders}`, 'db');

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(dir: string, owner: Record<string, unknown>, ageMs = 0) {
  const file = `${dir}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(owner));
  const when = new Date(Date.now() - ageMs);
  utimesSync(file, when, when);
  return file;
}

describe('the lock on an embedded database folder', () => {
  test('a second lock on the same folder is refused, naming the owner, the lock file and PostgreSQL', () => {
    const dir = aFolder();
    const lock = lockDataDir(dir);
    try {
      assert.throws(() => lockDataDir(dir), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`process ${process.pid} on ${hostname()}`));
        assert.ok(error.message.includes(`${dir}.lock`));
        assert.match(error.message, /DATABASE_URL/);
        assert.match(error.message, /PostgreSQL/);
        return true;
      });
    } finally {
      lock.release();
    }
    assert.ok(!existsSync(`${dir}.lock`), 'released lock file removed');
    lockDataDir(dir).release();
  });

  test('a lock left by a process that has ended is taken over', () => {
    const dir = aFolder();
    writeLock(dir, { pid: deadPid(), host: hostname(), started: null });
    const lock = lockDataDir(dir);
    assert.equal(JSON.parse(readFileSync(lock.file, 'utf8')).pid, process.pid);
    lock.release();
  });

  test('a lock whose pid now belongs to another process (a different start time) is taken over', () => {
    const dir = aFolder();
    writeLock(dir, { pid: process.ppid, host: hostname(), started: '1' });
    lockDataDir(dir).release();
  });

  test('a lock naming this very pid (a restarted container) is taken over', () => {
    const dir = aFolder();
    writeLock(dir, { pid: process.pid, host: hostname(), started: 'earlier life' });
    lockDataDir(dir).release();
  });

  test('a live process on this host keeps its lock', () => {
    const dir = aFolder();
    writeLock(dir, { pid: process.ppid, host: hostname(), started: null }, STALE_AFTER_MS * 2);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
  });

  test('a lock from another host is kept while fresh and taken over once its owner stopped touching it', () => {
    const dir = aFolder();
    writeLock(dir, { pid: 1, host: 'another-host.example', started: null }, 1000);
    assert.throws(() => lockDataDir(dir), /process 1 on another-host\.example/);
    writeLock(dir, { pid: 1, host: 'another-host.example', started: null }, STALE_AFTER_MS + 60_000);
    lockDataDir(dir).release();
  });

  test('releasing never removes a lock that another owner holds now', () => {
    const dir = aFolder();
    const lock = lockDataDir(dir);
    writeLock(dir, { pid: process.ppid, host: hostname(), started: null });
    lock.release();
    assert.ok(existsSync(`${dir}.lock`));
  });
});

/** `npm start` as a child process on DATA_DIR, with its output collected. */
function start(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env: Record<string, string> = { ...process.env as Record<string, string>, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'off', LOG_LEVEL: 'info', JOB_WORKER: 'off' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function listening(run: ReturnType<typeof start>): Promise<string> {
  const deadline = Date.now() + 180_000; // first start migrates and loads reference data on a busy machine
  for (;;) {
    const url = run.output().match(/Server listening at (http:\/\/[^\s"]+)/)?.[1];
    if (url) return url;
    if (run.child.exitCode !== null) throw new Error(`exited with ${run.child.exitCode} before listening:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`not listening after 180 s:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two processes on one DATA_DIR', () => {
  test('the second refuses to start with a clear message; after the first is killed with SIGKILL a new one starts', { timeout: 600_000 }, async () => {
    const dataDir = join(scratch, 'app');
    const first = start(dataDir);
    const running: ReturnType<typeof start>[] = [first];
    try {
      const url = await listening(first);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);

      const second = start(dataDir);
      running.push(second);
      assert.equal(await second.exited, EXIT_DATA_DIR_LOCKED);
      assert.match(second.output(), /embedded database folder is in use by process \d+/);
      assert.match(second.output(), /several instances|one PostgreSQL server through DATABASE_URL/);
      assert.doesNotMatch(second.output(), /\n\s+at /, 'no stack trace');
      assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the first one still serves');

      first.child.kill('SIGKILL');
      await first.exited;
      assert.ok(existsSync(join(dataDir, 'db.lock')), 'a killed process leaves its lock behind');

      const third = start(dataDir);
      running.push(third);
      const thirdUrl = await listening(third);
      assert.equal((await fetch(`${thirdUrl}/readyz`)).status, 200);
      // a request that began before SIGTERM, on a keep-alive connection: it is answered, and the
      // connection it leaves idle is closed at once rather than at the keep-alive timeout
      const { port } = new URL(thirdUrl);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      let answer = '';
      socket.on('data', (chunk: Buffer) => { answer += chunk.toString(); });
      const closed = once(socket, 'close');
      const body = 'email=a%40b.example&password=x';
      socket.write(`POST /logg-inn HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const signalledAt = Date.now();
      third.child.kill('SIGTERM');
      while (!third.output().includes('draining')) await new Promise((resolve) => setTimeout(resolve, 50));
      socket.write(body);
      await closed;
      assert.match(answer, /^HTTP\/1\.1 \d{3} /, 'the request in flight is answered');
      assert.equal(await third.exited, 0);
      assert.ok(Date.now() - signalledAt < 10_000, `drained in ${Date.now() - signalledAt} ms`);
      assert.ok(!existsSync(join(dataDir, 'db.lock')), 'a clean stop removes the lock');
    } finally {
      for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    }
  });
});
