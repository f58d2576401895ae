import { hasControlCharacter } from '../platform/text.ts';

/**
 * Where to send a person after signing in (`neste`): only a path on this site. The value is read
 * the way a browser reads a Location header: browsers strip tabs and newlines, treat `\` as `/`,
 * and take `//host` as another site, so any of those, raw or percent-encoded, is refused.
 */
const HOME = 'http://samklang.invalid';
// whitespace of any kind (a full-width space included) and backslashes
const SUSPECT = /[\s\\]/u;

export type NextTarget = { ok: true; path: string } | { ok: false };

/** A same-site path to follow, '' for none or a foreign one, or not ok for a malformed value (answer 400). */
export function readNext(value: unknown): NextTarget {
  if (value === undefined || value === null || value === '') return { ok: true, path: '' };
  if (typeof value !== 'string') return { ok: false };
  if (hasControlCharacter(value)) return { ok: false };
  return { ok: true, path: sameSitePath(value) ?? '' };
}

function decodedPath(value: string): string | null {
  let path = value.split(/[?#]/, 1)[0]!;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (next === path) return path;
    path = next;
  }
  return null;
}

function sameSitePath(value: string): string | null {
  if (!value.startsWith('/') || SUSPECT.test(value)) return null;
  const decoded = decodedPath(value);
  if (decoded === null || hasControlCharacter(decoded) || SUSPECT.test(decoded) || decoded.includes('//')) return null;
  let url: URL;
  try {
    url = new URL(value, HOME);
  } catch {
    return null;
  }
  if (url.origin !== HOME) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}
