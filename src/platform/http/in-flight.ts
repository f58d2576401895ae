import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** requests whose work has not ended; the drain waits for them before closing the database */
    requestsInFlight: InFlight;
  }
}

export interface InFlight {
  /** how many requests are being worked on now */
  count(): number;
  /** resolves once no request is being worked on */
  idle(): Promise<void>;
}

interface Tracker {
  /** the route's handler has been called and has not yet returned (or settled) */
  handling: boolean;
  end(): void;
}

/**
 * Counts requests from their first hook to the end of their work: the response closed (sent, or its
 * client gone) and the route's handler returned. A client that left (a proxy's timeout, a closed
 * tab) does not stop a handler that is already running, and Fastify does not even send what it
 * returns; the server can then close while the handler still works, and the database must outlive
 * it. Routes are wrapped as they are added; what a handler returns is passed on as is.
 */
export function trackRequestsInFlight(app: FastifyInstance): void {
  let open = 0;
  let waiters: Array<() => void> = [];
  const trackers = new WeakMap<FastifyRequest, Tracker>();

  app.addHook('onRequest', (request, reply, done) => {
    open++;
    let ended = false;
    let closed = false;
    const tracker: Tracker = {
      handling: false,
      end() {
        if (ended || tracker.handling || !closed) return;
        ended = true;
        open--;
        if (open === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      },
    };
    trackers.set(request, tracker);
    reply.raw.once('close', () => {
      closed = true;
      tracker.end();
    });
    done();
  });

  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      const tracker = trackers.get(request);
      const returned = () => {
        if (!tracker) return;
        tracker.handling = false;
        tracker.end();
      };
      if (tracker) tracker.handling = true;
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (error) {
        returned();
        throw error;
      }
      if (result !== null && typeof result === 'object' && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(returned, returned);
      } else {
        returned();
      }
      return result;
    } as typeof handler;
  });

  app.decorate('requestsInFlight', {
    count: () => open,
    idle: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  });
}
