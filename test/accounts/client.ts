import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { load, type CheerioAPI } from 'cheerio';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/index.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { createUser, grantEditor } from '../../src/accounts/users.ts';
import { createApp } from '../../src/app.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';

export interface Page {
  status: number;
  $: CheerioAPI;
  body: string;
  headers: LightMyRequestResponse['headers'];
  location: string | undefined;
}

/**
 * A person with a browser, minus the browser: keeps cookies between requests through app.inject
 * and reads the CSRF token from the last page, as a form would send it.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance, private readonly ip = '127.0.0.1', private readonly userAgent?: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** the browser's own headers: cookies, and its User-Agent when it has one */
  private get browserHeaders(): Record<string, string> {
    return { cookie: this.cookieHeader, ...(this.userAgent ? { 'user-agent': this.userAgent } : {}) };
  }

  private remember(response: LightMyRequestResponse): Page {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const $ = load(response.body);
    const token = $('main input[name=_csrf]').first().val() ?? $('input[name=_csrf]').first().val();
    if (typeof token === 'string') this.csrf = token;
    const location = response.headers.location;
    return { status: response.statusCode, $, body: response.body, headers: response.headers, location: typeof location === 'string' ? location : undefined };
  }

  async get(url: string): Promise<Page> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.browserHeaders, remoteAddress: this.ip }));
  }

  /** Posts a form as the browser would, with the CSRF token of the last page unless one is given. */
  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}): Promise<Page> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return this.remember(await this.app.inject({
      method: 'POST', url, payload: body.toString(), remoteAddress: this.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.browserHeaders },
    }));
  }

  /** Posts a multipart form with files, as a browser's file upload does, with the CSRF token unless told otherwise. */
  async upload(url: string, files: { field: string; name: string; content: string | Buffer }[], options: { csrf?: string | null } = {}): Promise<Page> {
    const boundary = `----samklang${Math.random().toString(16).slice(2)}`;
    const chunks: Buffer[] = [];
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`));
    for (const file of files) {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`));
      chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.remember(await this.app.inject({
      method: 'POST', url, payload: Buffer.concat(chunks), remoteAddress: this.ip,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader },
    }));
  }

  async json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({ method, url, remoteAddress: this.ip, headers: { cookie: this.cookieHeader, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}) });
  }

  async signIn(email: string, password: string): Promise<Page> {
    await this.get('/logg-inn');
    return this.post('/logg-inn', { email, password });
  }
}

/** A verified account made directly in the database (hashing as the app does). */
export async function anAccount(db: Db, options: { email: string; password?: string; name?: string; admin?: boolean; editorOf?: string[]; verified?: boolean }): Promise<string> {
  const id = await createUser(db, {
    email: options.email, name: options.name ?? null, passwordHash: await hashPassword(options.password ?? PASSWORD),
    verified: options.verified ?? true, isAdmin: options.admin ?? false,
  });
  for (const org of options.editorOf ?? []) await grantEditor(db, id, org);
  return id;
}

export const PASSWORD = 'fire tilfeldige ord her';

/** The newest mail to an address, and the first link in it. */
export async function lastMailTo(db: Db, address: string): Promise<{ subject: string; body: string; link: string | null }> {
  const row = await db.selectFrom('mail_outbox').select(['subject', 'body']).where(sql`lower(to_address)`, '=', address.toLowerCase())
    .orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  const link = row.body.match(/https?:\/\/\S+/)?.[0] ?? null;
  return { subject: row.subject, body: row.body, link };
}

export const pathOf = (link: string): string => new URL(link).pathname;

/** A clock a test moves by hand (the app's config.clock); it starts at the real time. */
export class TestClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  /** Puts the clock `ms` ahead of real time (0: real time again). */
  set(ms: number): void {
    this.offset = ms;
  }
}
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The real app, as testApp makes it, on a clock the test controls. */
export function appOnClock(db: Db, clock: Clock, env: Record<string, string> = {}): Promise<FastifyInstance> {
  return createApp(db, { ...loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', DEMO_DATA: 'off', JOB_WORKER: 'off', ...env }), clock });
}

/**
 * Values of `neste` that must never send anyone to another site: other hosts spelt every way a
 * browser still reads as one (scheme-relative, backslashes, encoded slashes, whitespace a browser
 * strips, a full-width space, tab and newlines), and script URLs.
 */
export const FOREIGN_NEXT = [
  '//evil.example/phish', '/\\evil.example', '\\\\evil.example', '\\/evil.example', 'https://evil.example/', 'http:evil.example',
  '/%5Cevil.example', '/%2F%2Fevil.example', '/%2f/evil.example', '/%09/evil.example/phish', '/%2509/evil.example',
  ' //evil.example', '/ /evil.example', '/\u3000/evil.example', '\u3000//evil.example', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'evil.example', '.evil.example', '@evil.example', '/@evil.example/..//x',
] as const;
/** Values with control characters (header injection, or a tab a browser strips): refused with 400. */
export const CONTROL_NEXT = ['/\r\nSet-Cookie: x=1', '/konto\nLocation: https://evil.example', '/\r/evil.example', '/\t/evil.example', '/\u0000/konto', '/\u0085/konto'] as const;
