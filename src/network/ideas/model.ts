// The fixed lists of the ideas part (themes, action statuses) and the rules for the internal links an
// action may carry. Pure: no I/O.
import type { ActionStatus, IdeaTheme } from '../../platform/db/schema/index.ts';

export const THEMES = ['tilgang', 'kompetanse', 'okonomi', 'brukermedvirkning', 'forskning', 'etablering'] as const satisfies readonly IdeaTheme[];
export const ACTION_STATUSES = ['planlagt', 'i_gang', 'ferdig', 'lagt_bort'] as const satisfies readonly ActionStatus[];

/** The site's sections an action may link to: the atlas, the finder, the handbook, the planner, open data, the network. */
export const LINK_PREFIXES = ['/dekning', '/tilbud', '/veileder', '/planlegger', '/apne-data', '/nettverket'] as const;
export const MAX_LINKS = 20;

/** Whether a path is one of this site's own pages: starts with "/" and a known section, no scheme, host or odd characters. */
export function isInternalPath(path: string): boolean {
  if (path.length > 300 || !/^\/[A-Za-z0-9\-._~%/?=&+]*$/.test(path) || path.startsWith('//')) return false;
  return LINK_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

export interface ActionLink {
  path: string;
  label: string;
}

/**
 * The links field: one link per line, "path label". Returns the links, or the 1-based number of the
 * first bad line (0: too many links).
 */
export function parseLinks(text: string): { links: ActionLink[] } | { badLine: number } {
  const links: ActionLink[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\S+)\s+(.{1,200})$/.exec(line);
    if (!match || !isInternalPath(match[1]!)) return { badLine: index + 1 };
    links.push({ path: match[1]!, label: match[2]!.trim() });
  }
  return links.length > MAX_LINKS ? { badLine: 0 } : { links };
}

export const linksText = (links: readonly ActionLink[]) => links.map((l) => `${l.path} ${l.label}`).join('\n');

/** A whole percent 0–100 written as text; null for blank; undefined when it is not one. */
export function parsePercent(value: string): number | null | undefined {
  const trimmed = value.trim().replace(/\s*%$/, '');
  if (trimmed === '') return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n <= 100 ? n : undefined;
}
