import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey } from '../../src/platform/rate-limit.ts';

test('limits count IPv4 per address and IPv6 per /64, however the address is written', () => {
  assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
  assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
  const net = '2001:db8:1:2::/64';
  for (const ip of ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:eeee:dddd:cccc', '2001:DB8:1:2:0:0:0:9', '2001:db8:1:2::abcd:1', '2001:db8:1:2::1%eth0']) {
    assert.equal(clientKey(ip), net, ip);
  }
  assert.notEqual(clientKey('2001:db8:1:3::1'), net);
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
  assert.equal(clientKey('2001:db8::'), '2001:db8:0:0::/64');
});
