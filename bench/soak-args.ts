/** The command line of `npm run bench:soak`, apart from the script so a test can check it without starting anything. */
import { parseArgs } from 'node:util';

export const SOAK_USAGE = 'Usage: npm run bench:soak -- [--minutes N] [--rate N] [--warm-up N] [--services N] [--profile DIR] [--print-only]\n'
  + '  --minutes N    minutes measured, after the warm-up (1–1440, default 10)\n'
  + '  --rate N       requests a second, sent on schedule whether or not earlier ones finished (1–2000, default 200)\n'
  + '  --warm-up N    minutes of the same load before measuring, left out of the figures (0–60, default 1)\n'
  + '  --services N   generated demo services in the database (1–1000000, default 10000)\n'
  + '  --profile DIR  run each app instance with --cpu-prof, writing its V8 CPU profile into DIR when stopped\n'
  + '  --print-only   print the report without writing it into BENCHMARKS.md';

export interface SoakArgs {
  minutes: number;
  rate: number;
  warmUpMinutes: number;
  services: number;
  profile?: string;
  printOnly: boolean;
}

export class UsageError extends Error {}

const NUMBERS = {
  minutes: { min: 1, max: 1440, default: 10 },
  rate: { min: 1, max: 2000, default: 200 },
  'warm-up': { min: 0, max: 60, default: 1 },
  services: { min: 1, max: 1_000_000, default: 10_000 },
} as const;

function wholeNumber(name: keyof typeof NUMBERS, value: string | undefined): number {
  const { min, max, default: fallback } = NUMBERS[name];
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--${name} needs a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be from ${min} to ${max} (got ${n})`);
  return n;
}

/** Reads the command line; throws UsageError naming the first bad argument. */
export function parseSoakArgs(argv: string[]): SoakArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: {
        minutes: { type: 'string' }, rate: { type: 'string' }, 'warm-up': { type: 'string' }, services: { type: 'string' }, profile: { type: 'string' },
        'print-only': { type: 'boolean' },
      },
    });
  } catch (error) {
    // node:util's own messages name the argument ("Unknown option '--x'", "argument missing")
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    seen.add(token.name);
  }
  const values = parsed.values;
  return {
    minutes: wholeNumber('minutes', values.minutes),
    rate: wholeNumber('rate', values.rate),
    warmUpMinutes: wholeNumber('warm-up', values['warm-up']),
    services: wholeNumber('services', values.services),
    ...(values.profile ? { profile: values.profile } : {}),
    printOnly: values['print-only'] ?? false,
  };
}
