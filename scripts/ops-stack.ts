/**
 * The production shape on one machine, for the operations test (test/ops/instances.test.ts) and the
 * soak benchmark (bench/soak.ts): app instances as real processes (`node --import tsx src/main.ts`)
 * on one PostgreSQL database, behind Debian's nginx running the shipped ops/nginx/samklang.conf
 * with only its addresses, ports and paths replaced, over TLS with a throw-away certificate.
 * Everything lives in a folder the caller makes and removes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBin, startCluster } from './pg-cluster.ts';

const ROOT = new URL('..', import.meta.url).pathname;
export const NGINX = '/usr/sbin/nginx';

/** What is missing for the stack (nginx, openssl, PostgreSQL), or false when all is there. */
export function missingTools(options: { postgresUrl?: string } = {}): string | false {
  if (!existsSync(NGINX)) return `no nginx at ${NGINX} (apt-get install nginx)`;
  if (!options.postgresUrl && !findPostgresBin()) return 'no PostgreSQL: run through `npm test`, set TEST_DATABASE_URL, or apt-get install postgresql';
  if (spawnSync('openssl', ['version']).status !== 0) return 'no openssl command (apt-get install openssl) for the test certificate';
  return false;
}

/** Polls `check` every `intervalMs` until it gives something truthy; gives up after `attempts`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, attempts = 600, intervalMs = 50): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A new, empty database named `<prefix>_<random>` on a server; `drop()` removes it (and its connections). */
export async function createDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A self-signed certificate for `localhost` (key.pem, cert.pem in `dir`); returns the certificate to trust. */
export function makeCertificate(dir: string): Buffer {
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make the certificate: ${made.stderr}`);
  return readFileSync(join(dir, 'cert.pem'));
}

export interface Instance {
  port: number;
  child: ChildProcess;
  /** the process's log lines (stdout and stderr), the last `keepLines` of them */
  out: string[];
  /** log lines at level error or worse (pino 50+), counted over the whole run */
  errorLines: number;
  exited: Promise<number | null>;
}

/**
 * One app instance as the operator runs it (`node --import tsx src/main.ts`) on 127.0.0.1:`port`,
 * with only PATH and HOME from this process's environment plus `env` (the app's configuration).
 */
export function startInstance(options: { port: number; env: Record<string, string>; keepLines?: number; nodeArgs?: string[]; cwd?: string }): Instance {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { port: options.port, child, out: [], errorLines: 0, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  const keep = options.keepLines ?? Infinity;
  let partial = '';
  const take = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      instance.out.push(line);
      if (/^\{"level":(5\d|60)\b/.test(line)) instance.errorLines++;
    }
    if (instance.out.length > keep) instance.out.splice(0, instance.out.length - keep);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return instance;
}

/** The first JSON log line of an instance with this message, if any. */
export function logged(instance: Instance, msg: string): Record<string, unknown> | undefined {
  return instance.out.map((line) => { try { return JSON.parse(line) as Record<string, unknown>; } catch { return {}; } }).find((entry) => entry.msg === msg);
}

/** Waits until each instance says it listens; throws with its log when one exits first. */
export async function waitUntilListening(instances: Instance[], attempts = 2400): Promise<void> {
  for (const instance of instances) {
    await until(`instance on port ${instance.port} to listen (log: ${instance.out.slice(-3).join(' | ')})`, async () => {
      if (instance.child.exitCode !== null) throw new Error(`instance on port ${instance.port} exited with ${instance.child.exitCode}:\n${instance.out.join('\n')}`);
      return instance.out.some((l) => l.includes('Server listening'));
    }, attempts);
  }
}

export interface Nginx {
  child: ChildProcess;
  httpsPort: number;
  accessLog: string;
  /** where nginx writes its warnings and errors */
  errorLog: string;
}

/**
 * Debian's nginx with ops/nginx/samklang.conf in front of the instances on `upstreams` (one
 * `server` line per port in the shipped file: two), listening on 127.0.0.1 only, as an
 * unprivileged process with its files in `dir` (key.pem and cert.pem from makeCertificate).
 * Throws when the shipped file no longer has a line this replaces, or when `nginx -t` refuses it.
 */
export function startNginx(options: { dir: string; upstreams: [number, number]; httpPort: number; httpsPort: number; workerConnections?: number }): Nginx {
  const { dir } = options;
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'nginx-error.log');
  let site = readFileSync(join(ROOT, 'ops/nginx/samklang.conf'), 'utf8');
  const replace = (from: string, to: string) => {
    if (!site.includes(from)) throw new Error(`ops/nginx/samklang.conf no longer has "${from}": update scripts/ops-stack.ts with it`);
    site = site.split(from).join(to);
  };
  replace('127.0.0.1:3001', `127.0.0.1:${options.upstreams[0]}`);
  replace('127.0.0.1:3002', `127.0.0.1:${options.upstreams[1]}`);
  replace('listen 80;', `listen 127.0.0.1:${options.httpPort};`);
  replace('listen [::]:80;', '');
  replace('listen 443 ssl http2;', `listen 127.0.0.1:${options.httpsPort} ssl http2;`);
  replace('listen [::]:443 ssl http2;', '');
  replace('/etc/letsencrypt/live/samklang.example.no/fullchain.pem', join(dir, 'cert.pem'));
  replace('/etc/letsencrypt/live/samklang.example.no/privkey.pem', join(dir, 'key.pem'));
  replace('/var/log/nginx/samklang.access.log', accessLog);
  replace('/var/www/acme', join(dir, 'acme'));
  replace('root /srv/samklang/ops/nginx;', `root ${join(ROOT, 'ops/nginx')};`);
  replace('server_name samklang.example.no;', 'server_name localhost;');
  writeFileSync(join(dir, 'samklang.conf'), site);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), [
    // as root (CI containers), workers run as root too: they write temporary files into this folder
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;', `pid ${join(dir, 'nginx.pid')};`, 'error_log stderr warn;',
    `events { worker_connections ${options.workerConnections ?? 256}; }`,
    'http {',
    `  client_body_temp_path ${join(dir, 'body')}; proxy_temp_path ${join(dir, 'proxy')};`,
    `  fastcgi_temp_path ${join(dir, 'fastcgi')}; uwsgi_temp_path ${join(dir, 'uwsgi')}; scgi_temp_path ${join(dir, 'scgi')};`,
    '  access_log off;',
    `  include ${join(dir, 'samklang.conf')};`,
    '}',
  ].join('\n'));
  const checked = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t refused the configuration:\n${checked.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', openSync(errorLog, 'w')] });
  return { child, httpsPort: options.httpsPort, accessLog, errorLog };
}

/**
 * A PostgreSQL server to make databases on: the one at `url` when given (stop() leaves it
 * running), else a throw-away cluster of our own (stop() stops and deletes it).
 */
export async function postgresServer(url: string | undefined): Promise<{ url: string; stop: () => void }> {
  if (url) return { url, stop: () => {} };
  const cluster = await startCluster();
  if (!('url' in cluster)) throw new Error(`PostgreSQL is needed: ${cluster.reason}`);
  return { url: cluster.url, stop: cluster.stop };
}
