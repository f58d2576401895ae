import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sharedFreshRead } from '../../src/platform/kept-answers.ts';

/** A read whose answers the test hands out one at a time: each call's value is the number of reads started so far. */
function controlledRead() {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () => {
    const number = ++started;
    return new Promise<number>((resolve) => pending.push(() => resolve(number)));
  };
  return { read, finishOne: async () => { pending.shift()!(); await new Promise((r) => setImmediate(r)); }, started: () => started };
}

describe('a shared fresh read', () => {
  test('a caller never gets a read that started before it asked; those waiting meanwhile share the next one', async () => {
    const source = controlledRead();
    const shared = sharedFreshRead(source.read);
    const first = shared();
    assert.equal(source.started(), 1);
    // these ask while the first read runs: it may have been sent before a change they must see
    const [second, third] = [shared(), shared()];
    assert.equal(source.started(), 1, 'the next read waits for the running one');
    await source.finishOne();
    assert.equal(await first, 1);
    assert.equal(source.started(), 2, 'one read for both waiting callers');
    await source.finishOne();
    assert.deepEqual([await second, await third], [2, 2]);
    // nothing running: a caller starts its own read at once
    const fourth = shared();
    assert.equal(source.started(), 3);
    await source.finishOne();
    assert.equal(await fourth, 3);
  });

  test('a failed read fails its own callers only; those waiting get the next read', async () => {
    let calls = 0;
    let fail: (error: Error) => void = () => {};
    const shared = sharedFreshRead(() => {
      calls++;
      return calls === 1 ? new Promise<number>((_, reject) => { fail = reject; }) : Promise.resolve(calls);
    });
    const failing = shared();
    const waiting = shared();
    fail(new Error('connection lost'));
    await assert.rejects(failing, /connection lost/);
    assert.equal(await waiting, 2);
  });
});
