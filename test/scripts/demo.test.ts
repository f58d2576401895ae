import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDemoArgs, UsageError } from '../../scripts/demo.ts';

describe('npm run demo arguments', () => {
  test('reads --services, --seed and --database-url, with a space or an equals sign', () => {
    assert.deepEqual(parseDemoArgs(['--services', '100000']), { services: 100000, seed: undefined, databaseUrl: undefined });
    assert.deepEqual(parseDemoArgs(['--services=50', '--seed=7', '--database-url', 'postgres://u@localhost/db']),
      { services: 50, seed: 7, databaseUrl: 'postgres://u@localhost/db' });
  });

  const rejects: [string[], RegExp][] = [
    [[], /--services is required/],
    [['--services'], /--services needs a whole number \(got nothing\)/],
    [['--services', '--seed', '3'], /--services needs a whole number/],
    [['--services', 'many'], /--services needs a whole number \(got "many"\)/],
    [['--services', '-5'], /--services needs a whole number \(got "-5"\)/],
    [['--services', '1.5'], /--services needs a whole number/],
    [['--services', '0'], /--services must be from 1/],
    [['--services', '2000000'], /--services must be from 1 to 1000000/],
    [['--services', '10', '--services', '20'], /--services given twice/],
    [['--services', '10', '--seed', 'x'], /--seed needs a whole number/],
    [['--services', '10', '--database-url', 'mysql://x'], /--database-url must be a postgres/],
    [['--services', '10', '--database-url'], /--database-url must be a postgres/],
    [['--services', '10', '--verbose'], /unknown argument "--verbose"/],
    [['100'], /unknown argument "100"/],
  ];
  for (const [argv, message] of rejects) {
    test(`rejects ${JSON.stringify(argv)} with a clear message`, () => {
      assert.throws(() => parseDemoArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }
});
