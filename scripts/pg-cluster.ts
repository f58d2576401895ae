/**
 * A throw-away PostgreSQL cluster (Debian's initdb/pg_ctl) on a free loopback port, shared by the
 * test harness and the benchmarks. Tuned for speed, not durability: never for real data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<version>/bin), if any. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

export type Cluster = { url: string; stop: () => void; replicaUrl?: string } | { reason: string };

/**
 * Starts a cluster; returns its URL and how to stop (and delete) it, or a reason it could not start.
 * With `replica: true` also a streaming replica of it (pg_basebackup -R: a hot standby that
 * follows the primary's WAL over a replication connection) on its own port, at `replicaUrl`.
 */
export async function startCluster(settings: string[] = [], options: { replica?: boolean } = {}): Promise<Cluster> {
  const bin = findPostgresBin();
  if (!bin) return { reason: 'no PostgreSQL server found under /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const dir = mkdtempSync(join(tmpdir(), 'samklang-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root: run it as the postgres system user when we are root.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args;
    const result = spawnSync(asRoot ? 'runuser' : join(bin, command), full, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  try {
    if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
    const data = join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    const flags = ['-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200', ...settings.map((s) => `-c ${s}`)];
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} ${flags.join(' ')}`, 'start']);
    const started = [data];
    const stop = () => {
      for (const folder of started.reverse()) {
        try { run('pg_ctl', ['-D', folder, '-m', 'immediate', 'stop']); } catch { /* already gone */ }
      }
      rmSync(dir, { recursive: true, force: true });
    };
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    if (!options.replica) return { url, stop };
    try {
      // initdb's pg_hba.conf trusts replication connections from 127.0.0.1; wal_level is 'replica' by default
      const standby = join(dir, 'replica');
      const replicaPort = await freePort();
      run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '-c', 'fast']);
      run('pg_ctl', ['-D', standby, '-l', join(dir, 'replica.log'), '-w', '-o', `-p ${replicaPort} -k ${dir} ${flags.join(' ')}`, 'start']);
      started.push(standby);
      return { url, stop, replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres` };
    } catch (error) {
      stop();
      return { reason: error instanceof Error ? error.message : String(error) };
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}
