import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

test('defaults give the embedded database on port 3000 with demo data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.demoData, true);
  assert.equal(config.logLevel, 'info');
  assert.match(config.dataDir, /data$/);
});

test('every bad value is named at once, and a database URL is never echoed', () => {
  const bad = { PORT: '99999', HOST: 'bad host!', DATABASE_URL: 'mysql://user:hemmelig@x/db', DEMO_DATA: 'kanskje', LOG_LEVEL: 'loud', TRUST_PROXY: 'yes', RATE_LIMIT_PER_MINUTE: '-1' };
  assert.throws(() => loadConfig(bad), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    for (const name of Object.keys(bad)) assert.ok(error.problems.some((p) => p.startsWith(name)), `${name} named`);
    assert.ok(!error.message.includes('hemmelig'));
    return true;
  });
});

test('values are trimmed and case-insensitive where that is safe', () => {
  const config = loadConfig({ PORT: ' 8080 ', DEMO_DATA: 'OFF', LOG_LEVEL: 'Warn', DATABASE_URL: 'postgres://u@localhost/db', DATA_DIR: '/var/lib/samklang' });
  assert.equal(config.port, 8080);
  assert.equal(config.demoData, false);
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.databaseUrl, 'postgres://u@localhost/db');
  assert.equal(config.dataDir, '/var/lib/samklang');
});

test('the operator named on the privacy page: optional, checked, the organisation number without spaces', () => {
  assert.deepEqual(loadConfig({}).operator, { name: undefined, orgnr: undefined, address: undefined, email: undefined, dpo: undefined });
  const config = loadConfig({ OPERATOR_NAME: ' Nettverket ', OPERATOR_ORGNR: '123 456 785', OPERATOR_EMAIL: 'personvern@example.no', OPERATOR_ADDRESS: 'Postboks 1, 0101 Oslo', OPERATOR_DPO: 'Pia' });
  assert.deepEqual(config.operator, { name: 'Nettverket', orgnr: '123456785', address: 'Postboks 1, 0101 Oslo', email: 'personvern@example.no', dpo: 'Pia' });
  assert.throws(() => loadConfig({ OPERATOR_ORGNR: '12345', OPERATOR_EMAIL: 'ikke-en-adresse' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.ok(error.problems.some((p) => p.startsWith('OPERATOR_ORGNR')));
    assert.ok(error.problems.some((p) => p.startsWith('OPERATOR_EMAIL')));
    return true;
  });
});

test('a read replica only beside a PostgreSQL primary, its URL never echoed; drain time in seconds', () => {
  assert.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://u:hemmelig@replica/db' }), (error: Error) =>
    /DATABASE_READ_URL needs DATABASE_URL/.test(error.message) && !error.message.includes('hemmelig'));
  assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://u@primary/db', DATABASE_READ_URL: 'mysql://u:hemmelig@replica/db' }), (error: Error) =>
    /DATABASE_READ_URL must be a postgres/.test(error.message) && !error.message.includes('hemmelig'));
  const config = loadConfig({ DATABASE_URL: 'postgres://u@primary/db', DATABASE_READ_URL: 'postgres://u@replica/db', DRAIN_SECONDS: '45' });
  assert.equal(config.databaseReadUrl, 'postgres://u@replica/db');
  assert.equal(config.drainSeconds, 45);
  assert.equal(loadConfig({}).drainSeconds, 20);
  assert.throws(() => loadConfig({ DRAIN_SECONDS: '0' }), /DRAIN_SECONDS/);
});

test('requests in flight before reads are shed: 100 unless set, 0 turns shedding off, anything else is named', () => {
  assert.equal(loadConfig({}).maxRequestsInFlight, 100);
  assert.equal(loadConfig({ MAX_REQUESTS_IN_FLIGHT: '0' }).maxRequestsInFlight, 0);
  assert.equal(loadConfig({ MAX_REQUESTS_IN_FLIGHT: '250' }).maxRequestsInFlight, 250);
  for (const bad of ['-1', '1.5', 'many', '100000', 'Infinity']) {
    assert.throws(() => loadConfig({ MAX_REQUESTS_IN_FLIGHT: bad }), /MAX_REQUESTS_IN_FLIGHT must be a whole number/, bad);
  }
});
