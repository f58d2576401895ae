// Parts of a page rendered to HTML once and kept (with the data they show), then put into each
// page at a placeholder: the per-reader parts (the layout: sign-in, language links) are rendered
// for every request, the costly shared ones (the atlas's map and tables) once per data and query.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { FastifyReply } from 'fastify';

/** HTML rendered by renderPart: only that, so nothing else is put into a page unescaped. */
export interface RenderedPart {
  readonly name: string;
  readonly html: string;
}

/**
 * Renders a part on its own. Ids from useId get the part's name as prefix, so they cannot clash
 * with those of the page around it. The part must not depend on the reader beyond the language.
 */
export function renderPart(name: string, element: ReactElement): RenderedPart {
  return { name, html: renderToString(element, { identifierPrefix: `${name}-` }) };
}

const placeholder = (name: string) => `<template data-part="${name}"></template>`;

/** Where a rendered part goes in the page. */
export function PartSlot({ part }: { part: RenderedPart }) {
  return <template data-part={part.name} />;
}

/** sendPage (platform/views/render.ts) with the parts the page holds slots for put in. */
export function sendPageWithParts(reply: FastifyReply, page: ReactElement, parts: readonly RenderedPart[], status = 200) {
  let html = renderToString(page);
  for (const part of parts) {
    const at = html.indexOf(placeholder(part.name));
    if (at < 0) throw new Error(`the page has no slot for the part ${part.name}`);
    html = html.slice(0, at) + part.html + html.slice(at + placeholder(part.name).length);
  }
  return reply.status(status).type('text/html; charset=utf-8').send(`<!doctype html>${html}`);
}
