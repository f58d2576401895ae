import { isAbsolute, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The environment variables Samklang reads, as a schema; every bad value is reported at start. */
const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$' })),
  HOST: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.:\\-\\[\\]]+$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://.+' })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DEMO_DATA: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  ),
  TRUST_PROXY: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
});
type Env = Static<typeof EnvSchema>;

const HELP: Record<keyof Env, string> = {
  PORT: 'PORT must be a whole number from 0 to 65535',
  HOST: 'HOST must be a host name or an IP address',
  DATABASE_URL: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  DATA_DIR: 'DATA_DIR must be a folder path',
  DEMO_DATA: 'DEMO_DATA must be "on" or "off"',
  LOG_LEVEL: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  TRUST_PROXY: 'TRUST_PROXY must be "on" or "off" (on: behind a TLS-terminating proxy)',
  RATE_LIMIT_PER_MINUTE: 'RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off)',
};

export interface Config {
  port: number;
  host: string;
  /** Set: use this PostgreSQL server. Unset: embedded PGlite in `${dataDir}/db`. */
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: NonNullable<Env['LOG_LEVEL']>;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean;
  /** requests per minute per client address; 0 = no limit (benchmarks) */
  rateLimitPerMinute: number;
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
    if (value) env[key] = ['DEMO_DATA', 'LOG_LEVEL', 'TRUST_PROXY'].includes(key) ? value.toLowerCase() : value;
  }
  const problems = [...Value.Errors(EnvSchema, env)].map((error) => {
    const key = error.path.slice(1) as keyof Env;
    const shown = key === 'DATABASE_URL' ? '(value hidden: it may hold a password)' : `(got "${env[key]}")`;
    return `${HELP[key] ?? error.message} ${shown}`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);

  const valid = env as Env;
  const dataDir = valid.DATA_DIR ?? './data';
  return {
    port: Number(valid.PORT ?? '3000'),
    host: valid.HOST ?? '127.0.0.1',
    databaseUrl: valid.DATABASE_URL,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    demoData: (valid.DEMO_DATA ?? 'on') === 'on',
    logLevel: valid.LOG_LEVEL ?? 'info',
    trustProxy: valid.TRUST_PROXY === 'on',
    rateLimitPerMinute: Number(valid.RATE_LIMIT_PER_MINUTE ?? '600'),
  };
}
