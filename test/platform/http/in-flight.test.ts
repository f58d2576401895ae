import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { trackRequestsInFlight } from '../../../src/platform/http/in-flight.ts';

describe('requests in flight', () => {
  let app: FastifyInstance;
  let port: number;
  let release: () => void = () => {};
  let entered: () => void = () => {};
  let enteredNow: Promise<void>;

  before(async () => {
    app = Fastify();
    trackRequestsInFlight(app);
    app.get('/slow', async () => {
      entered();
      await new Promise<void>((resolve) => { release = resolve; });
      return { ok: true };
    });
    app.get('/quick', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(() => app.close());

  const nextSlow = () => { enteredNow = new Promise<void>((resolve) => { entered = resolve; }); };

  test('a finished request is no longer counted', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/quick`);
    assert.equal(answer.status, 200);
    await answer.text();
    await app.requestsInFlight.idle();
    assert.equal(app.requestsInFlight.count(), 0);
  });

  test('a request whose client left is counted until its handler has answered', async () => {
    nextSlow();
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await enteredNow;
    socket.destroy();
    // the server notices the client is gone; the handler is still at work
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(app.requestsInFlight.count(), 1);
    let idle = false;
    const waiting = app.requestsInFlight.idle().then(() => { idle = true; });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(idle, false);
    release();
    await waiting;
    assert.equal(app.requestsInFlight.count(), 0);
  });

  test('a request in progress is counted while it runs and released when answered', async () => {
    nextSlow();
    const answer = fetch(`http://127.0.0.1:${port}/slow`);
    await enteredNow;
    assert.equal(app.requestsInFlight.count(), 1);
    release();
    assert.equal((await answer).status, 200);
    await app.requestsInFlight.idle();
    assert.equal(app.requestsInFlight.count(), 0);
  });
});
