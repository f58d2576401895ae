import { isAbsolute, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { systemClock, type Clock } from './clock.ts';

/** The environment variables Samklang reads, as a schema; every bad value is reported at start. */
const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$' })),
  HOST: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.:\\-\\[\\]]+$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://.+' })),
  DATABASE_READ_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://.+' })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DEMO_DATA: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  ),
  TRUST_PROXY: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/\\s]+(/[^\\s]*)?$' })),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SMTP_HOST: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.\\-\\[\\]:]+$' })),
  SMTP_PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  SMTP_USER: Type.Optional(Type.String({ minLength: 1 })),
  SMTP_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  SMTP_FROM: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$|^.*<[^@\\s]+@[^@\\s]+>$' })),
  OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://.+' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  FRESHNESS_STALE_MONTHS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$' })),
  FRESHNESS_HIDDEN_MONTHS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$' })),
  JOB_WORKER: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  DRAIN_SECONDS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$' })),
  MAX_REQUESTS_IN_FLIGHT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  // the operator of the site, named on the privacy page as the controller (behandlingsansvarlig)
  OPERATOR_NAME: Type.Optional(Type.String({ maxLength: 200 })),
  OPERATOR_ORGNR: Type.Optional(Type.String({ pattern: '^[0-9]{3} ?[0-9]{3} ?[0-9]{3}$' })),
  OPERATOR_ADDRESS: Type.Optional(Type.String({ maxLength: 300 })),
  OPERATOR_EMAIL: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', maxLength: 254 })),
  OPERATOR_DPO: Type.Optional(Type.String({ maxLength: 300 })),
  METRICS_TOKEN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._~+/=-]{32,200}$' })),
});
type Env = Static<typeof EnvSchema>;

const HELP: Record<keyof Env, string> = {
  PORT: 'PORT must be a whole number from 0 to 65535',
  HOST: 'HOST must be a host name or an IP address',
  DATABASE_URL: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  DATABASE_READ_URL: 'DATABASE_READ_URL must be a postgres:// or postgresql:// URL (a streaming replica of DATABASE_URL)',
  DATA_DIR: 'DATA_DIR must be a folder path',
  DEMO_DATA: 'DEMO_DATA must be "on" or "off"',
  LOG_LEVEL: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  TRUST_PROXY: 'TRUST_PROXY must be "on" or "off" (on: behind a TLS-terminating proxy)',
  RATE_LIMIT_PER_MINUTE: 'RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off)',
  PUBLIC_URL: 'PUBLIC_URL must be the site\'s address as http(s)://host[/path], used in links in mail',
  SESSION_SECRET: 'SESSION_SECRET must be at least 32 characters (unset: one is generated and kept in the database)',
  SMTP_HOST: 'SMTP_HOST must be a host name or IP address (unset: mail stays in the outbox)',
  SMTP_PORT: 'SMTP_PORT must be a whole number from 1 to 65535',
  SMTP_USER: 'SMTP_USER must not be empty when set',
  SMTP_PASSWORD: 'SMTP_PASSWORD must not be empty when set',
  SMTP_FROM: 'SMTP_FROM must be an address, e.g. samklang@example.no or "Samklang <samklang@example.no>"',
  OIDC_ISSUER: 'OIDC_ISSUER must be the provider\'s issuer URL (https://…)',
  OIDC_CLIENT_ID: 'OIDC_CLIENT_ID must not be empty when set',
  OIDC_CLIENT_SECRET: 'OIDC_CLIENT_SECRET must not be empty when set',
  FRESHNESS_STALE_MONTHS: 'FRESHNESS_STALE_MONTHS must be a whole number of months from 1 to 99',
  FRESHNESS_HIDDEN_MONTHS: 'FRESHNESS_HIDDEN_MONTHS must be a whole number of months from 1 to 99, above FRESHNESS_STALE_MONTHS',
  DRAIN_SECONDS: 'DRAIN_SECONDS must be a whole number of seconds from 1 to 9999 (how long a stopping instance may finish its requests)',
  JOB_WORKER: 'JOB_WORKER must be "on" or "off" (off: this instance runs no scheduled jobs)',
  MAX_REQUESTS_IN_FLIGHT: 'MAX_REQUESTS_IN_FLIGHT must be a whole number from 0 to 99999 (requests one instance works on at once before it answers more page and API reads with 503; 0 turns the limit off)',
  OPERATOR_NAME: 'OPERATOR_NAME must be at most 200 characters (the controller named on the privacy page)',
  OPERATOR_ORGNR: 'OPERATOR_ORGNR must be a Norwegian organisation number of 9 digits, e.g. 123456789 or 123 456 789',
  OPERATOR_ADDRESS: 'OPERATOR_ADDRESS must be at most 300 characters (the controller\'s postal address)',
  OPERATOR_EMAIL: 'OPERATOR_EMAIL must be an email address, e.g. personvern@example.no (where people send privacy requests)',
  OPERATOR_DPO: 'OPERATOR_DPO must be at most 300 characters (the data protection officer\'s name and contact)',
  METRICS_TOKEN: 'METRICS_TOKEN must be 32 to 200 characters of letters, digits and ._~+/=- (e.g. openssl rand -hex 32); unset: no /metrics',
};
const SECRETS: string[] = ['DATABASE_URL', 'DATABASE_READ_URL', 'SESSION_SECRET', 'SMTP_PASSWORD', 'OIDC_CLIENT_SECRET', 'METRICS_TOKEN'];

/**
 * Requests one instance works on at once before it sheds reads (docs/operations.md, "Overload").
 * A judgement, not a measurement: at 90 requests a second on the slower 2-core machine it shed
 * nothing; past 100 in flight there, the newest would wait a second or more for the CPU.
 */
const DEFAULT_MAX_REQUESTS_IN_FLIGHT = 100;

export interface Config {
  port: number;
  host: string;
  /** Set: use this PostgreSQL server. Unset: embedded PGlite in `${dataDir}/db`. */
  databaseUrl: string | undefined;
  /** Set: a streaming replica of databaseUrl that public reads go to (read-your-writes kept). */
  databaseReadUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: NonNullable<Env['LOG_LEVEL']>;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean;
  /** requests per minute per client address; 0 = no limit (benchmarks) */
  rateLimitPerMinute: number;
  /** the site's own address for links in mail; unset: http://HOST:PORT */
  publicUrl: string;
  /** unset: generated once and kept in the database, so every instance shares it */
  sessionSecret: string | undefined;
  /** unset: mail stays in the outbox table, which admins can read */
  smtp: { host: string; port: number; user: string | undefined; password: string | undefined; from: string } | undefined;
  /** single sign-on through OpenID Connect; unset: local accounts only */
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
  /** months without confirmation before an entry is marked, and before it leaves the finder */
  freshness: { staleMonths: number; hiddenMonths: number };
  /** this instance runs the scheduled jobs (they run once across instances either way) */
  jobWorker: boolean;
  /** on SIGTERM, how long requests in flight may take before the process exits anyway */
  drainSeconds: number;
  /** past this many requests in flight, reads are answered 503 at once (load shedding); 0 = no limit */
  maxRequestsInFlight: number;
  /** the time link lifetimes and rate-limit windows are measured by (not an environment variable: tests set it) */
  clock: Clock;
  /** who runs the site, for the privacy page; each unset value is shown as "ikke satt" */
  operator: { name?: string; orgnr?: string; address?: string; email?: string; dpo?: string };
  /** the bearer token Prometheus sends to GET /metrics; unset: /metrics is not served */
  metricsToken: string | undefined;
  /** where log lines go instead of stdout (not an environment variable: tests capture the log) */
  logDestination?: { write(line: string): void };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every setting, naming all bad values at once (secrets are never echoed). */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties) as (keyof Env)[]) {
    const value = source[key]?.trim();
    if (value) env[key] = ['DEMO_DATA', 'LOG_LEVEL', 'TRUST_PROXY', 'JOB_WORKER'].includes(key) ? value.toLowerCase() : value;
  }
  const problems = [...Value.Errors(EnvSchema, env)].map((error) => {
    const key = error.path.slice(1) as keyof Env;
    const shown = SECRETS.includes(key) ? '(value hidden: it may hold a secret)' : `(got "${env[key]}")`;
    return `${HELP[key] ?? error.message} ${shown}`;
  });
  problems.push(...crossFieldProblems(env));
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);

  const valid = env as Env;
  const dataDir = valid.DATA_DIR ?? './data';
  return {
    port: Number(valid.PORT ?? '3000'),
    host: valid.HOST ?? '127.0.0.1',
    databaseUrl: valid.DATABASE_URL,
    databaseReadUrl: valid.DATABASE_READ_URL,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    demoData: (valid.DEMO_DATA ?? 'on') === 'on',
    logLevel: valid.LOG_LEVEL ?? 'info',
    trustProxy: valid.TRUST_PROXY === 'on',
    rateLimitPerMinute: Number(valid.RATE_LIMIT_PER_MINUTE ?? '600'),
    publicUrl: (valid.PUBLIC_URL ?? `http://${valid.HOST ?? '127.0.0.1'}:${valid.PORT ?? '3000'}`).replace(/\/$/, ''),
    sessionSecret: valid.SESSION_SECRET,
    smtp: valid.SMTP_HOST
      ? { host: valid.SMTP_HOST, port: Number(valid.SMTP_PORT ?? '587'), user: valid.SMTP_USER, password: valid.SMTP_PASSWORD, from: valid.SMTP_FROM! }
      : undefined,
    oidc: valid.OIDC_ISSUER ? { issuer: valid.OIDC_ISSUER, clientId: valid.OIDC_CLIENT_ID!, clientSecret: valid.OIDC_CLIENT_SECRET! } : undefined,
    freshness: { staleMonths: Number(valid.FRESHNESS_STALE_MONTHS ?? '12'), hiddenMonths: Number(valid.FRESHNESS_HIDDEN_MONTHS ?? '18') },
    jobWorker: (valid.JOB_WORKER ?? 'on') === 'on',
    drainSeconds: Number(valid.DRAIN_SECONDS ?? '20'),
    maxRequestsInFlight: Number(valid.MAX_REQUESTS_IN_FLIGHT ?? DEFAULT_MAX_REQUESTS_IN_FLIGHT),
    clock: systemClock,
    operator: {
      name: valid.OPERATOR_NAME, orgnr: valid.OPERATOR_ORGNR?.replace(/ /g, ''), address: valid.OPERATOR_ADDRESS,
      email: valid.OPERATOR_EMAIL, dpo: valid.OPERATOR_DPO,
    },
    metricsToken: valid.METRICS_TOKEN,
  };
}

/** Settings that only make sense together. */
function crossFieldProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  if (env.DATABASE_READ_URL && !env.DATABASE_URL) problems.push('DATABASE_READ_URL needs DATABASE_URL (the replica is read beside a PostgreSQL primary, never beside the embedded database)');
  if (env.SMTP_HOST && !env.SMTP_FROM) problems.push('SMTP_FROM must be set when SMTP_HOST is (the sender address of every mail)');
  if (env.SMTP_PORT && (Number(env.SMTP_PORT) < 1 || Number(env.SMTP_PORT) > 65535)) problems.push(HELP.SMTP_PORT);
  const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((key) => env[key]);
  if (oidc.length > 0 && oidc.length < 3) problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)');
  if (Number(env.FRESHNESS_HIDDEN_MONTHS ?? '18') <= Number(env.FRESHNESS_STALE_MONTHS ?? '12')) problems.push(HELP.FRESHNESS_HIDDEN_MONTHS);
  return problems;
}
