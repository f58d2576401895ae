// Citing library entries from other pages (handbook sections, the about page): a source line that is
// "@key" (or "[@key]") becomes the entry's citation, linked to its page. Any other line stays text.
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { CitedSource } from '../../platform/views/source-list.tsx';
import { citationText } from './csl.ts';
import { findEntries } from './queries.ts';

const CITE = /^\[?@([a-z0-9][a-z0-9-]{0,99})\]?$/;

export const citedKey = (line: string): string | null => line.trim().match(CITE)?.[1] ?? null;

export async function resolveCitations(db: Tx, lines: string[]): Promise<CitedSource[]> {
  const keys = [...new Set(lines.map(citedKey).filter((key): key is string => key !== null))];
  const entries = new Map((await findEntries(db, keys)).map((entry) => [entry.key, entry]));
  return lines.map((line) => {
    const key = citedKey(line);
    const entry = key ? entries.get(key) : undefined;
    if (!entry) return { text: line };
    return { text: citationText(entry), href: paths.network.evidence.entry(entry.key), tag: entry.checked_at ? undefined : msg.networkEvidence.unchecked };
  });
}
