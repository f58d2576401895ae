import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { FastifyReply } from 'fastify';

/** Sends a server-rendered page. Pages never need client-side React: scripts only enhance. */
export function sendPage(reply: FastifyReply, page: ReactElement, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(`<!doctype html>${renderToString(page)}`);
}
