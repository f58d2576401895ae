import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Db } from '../../src/platform/db/index.ts';
import { keptAnswers, sharedFreshRead } from '../../src/platform/kept-answers.ts';

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

describe('kept answers', () => {
  // a handle is only a key here: the store never reads through it
  const db = {} as Db;
  const stamp = { key: '1', order: 1 };

  test('a missing answer is computed once for all who ask meanwhile, then kept', async () => {
    const store = keptAnswers('finder_page', 1024);
    let computed = 0;
    let finish: (value: string) => void = () => {};
    const compute = () => { computed++; return new Promise<string>((resolve) => { finish = resolve; }); };
    const asked = [1, 2, 3].map(() => store.answer(db, stamp, 'k', compute, () => 10));
    assert.equal(computed, 1);
    finish('page');
    assert.deepEqual(await Promise.all(asked), ['page', 'page', 'page']);
    assert.equal(await store.answer(db, stamp, 'k', compute, () => 10), 'page');
    assert.equal(computed, 1);
  });

  test('an outcome sized null (a page with errors) reaches those waiting but is not kept', async () => {
    const store = keptAnswers('finder_page', 1024);
    let computed = 0;
    const compute = async () => `errors ${++computed}`;
    const [first, second] = [store.answer(db, stamp, 'k', compute, () => null), store.answer(db, stamp, 'k', compute, () => null)];
    assert.deepEqual([await first, await second], ['errors 1', 'errors 1']);
    assert.equal(await store.answer(db, stamp, 'k', compute, () => null), 'errors 2', 'not kept: the next asking computes it again');
  });

  test('a failed computation fails those waiting for it and leaves nothing kept', async () => {
    const store = keptAnswers('finder_page', 1024);
    let calls = 0;
    const compute = () => (++calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve('page'));
    const [first, second] = [store.answer(db, stamp, 'k', compute, () => 10), store.answer(db, stamp, 'k', compute, () => 10)];
    await assert.rejects(first, /database gone/);
    await assert.rejects(second, /database gone/);
    assert.equal(await store.answer(db, stamp, 'k', compute, () => 10), 'page');
  });

  test('a request that read an older stamp than the kept one computes without keeping', async () => {
    const store = keptAnswers('finder_page', 1024);
    await store.answer(db, { key: '2', order: 2 }, 'k', async () => 'new', () => 10);
    assert.equal(await store.answer(db, stamp, 'k', async () => 'old', () => 10), 'old');
    assert.equal(await store.answer(db, { key: '2', order: 2 }, 'k', async () => 'computed again', () => 10), 'new', 'the newer answer is still kept');
  });
});
