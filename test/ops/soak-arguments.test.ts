import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSoakArgs, UsageError } from '../../bench/soak-args.ts';

// `npm run bench:soak` (bench/soak.ts) starts PostgreSQL, two instances and nginx for minutes; its
// command line is checked here without starting anything.
describe('npm run bench:soak arguments', () => {
  test('defaults: 10 minutes at 200 requests/s after a 1-minute warm-up, on 10,000 services, written to BENCHMARKS.md', () => {
    assert.deepEqual(parseSoakArgs([]), { minutes: 10, rate: 200, warmUpMinutes: 1, services: 10_000, printOnly: false });
  });

  test('reads each flag, with a space or an equals sign', () => {
    assert.deepEqual(parseSoakArgs(['--minutes', '1', '--rate=50', '--warm-up', '0', '--services=500', '--print-only']),
      { minutes: 1, rate: 50, warmUpMinutes: 0, services: 500, printOnly: true });
    assert.deepEqual(parseSoakArgs(['--profile', '/tmp/soak-profiles']),
      { minutes: 10, rate: 200, warmUpMinutes: 1, services: 10_000, profile: '/tmp/soak-profiles', printOnly: false });
  });

  const rejects: [string[], RegExp][] = [
    [['--minutes'], /--minutes.*argument missing/],
    [['--minutes', 'ten'], /--minutes needs a whole number \(got "ten"\)/],
    [['--minutes', '1.5'], /--minutes needs a whole number \(got "1.5"\)/],
    [['--minutes', '0'], /--minutes must be from 1 to 1440 \(got 0\)/],
    [['--minutes=-3'], /--minutes needs a whole number \(got "-3"\)/],
    [['--rate', '0'], /--rate must be from 1 to 2000/],
    [['--rate', '5000'], /--rate must be from 1 to 2000 \(got 5000\)/],
    [['--rate', ''], /--rate needs a whole number \(got ""\)/],
    [['--warm-up', '61'], /--warm-up must be from 0 to 60/],
    [['--services', '0'], /--services must be from 1 to 1000000/],
    [['--rate', '50', '--rate', '60'], /--rate given twice/],
    [['--minutes', '--rate', '5'], /--minutes.*ambiguous/],
    [['--seconds', '30'], /Unknown option '--seconds'/],
    [['10'], /Unexpected argument '10'/],
    [['--print-only=yes'], /--print-only.*does not take an argument/],
    [['--profile'], /--profile.*argument missing/],
  ];
  for (const [argv, message] of rejects) {
    test(`rejects ${JSON.stringify(argv)} with a clear message`, () => {
      assert.throws(() => parseSoakArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }
});
