import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';

export interface SnippetPart {
  text: string;
  match: boolean;
}
export interface HandbookHit {
  slug: string;
  title: string;
  part: string;
  snippet: SnippetPart[];
}

// Markers no content contains, so the highlighted words can be rendered as elements, never as HTML.
const START = '\u0001';
const STOP = '\u0002';

/** Splits ts_headline output at the markers into plain and highlighted parts. */
export function snippetParts(headline: string): SnippetPart[] {
  return headline.split(START).flatMap((chunk, index) => {
    if (index === 0) return chunk ? [{ text: chunk, match: false }] : [];
    const [matched = '', rest = ''] = chunk.split(STOP);
    return [{ text: matched, match: true }, ...(rest ? [{ text: rest, match: false }] : [])];
  });
}

/**
 * Full-text search in the handbook with the finder's Norwegian snowball stemmer: "stillingen"
 * finds "stilling", "instrumentene" finds "instrumenter". Words are ANDed; titles weigh most.
 */
export async function searchHandbook(db: Db, text: string, limit = 20): Promise<HandbookHit[]> {
  if (text.trim() === '') return [];
  const options = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const { rows } = await sql<{ slug: string; title: string; part: string; headline: string }>`
    with q as (select plainto_tsquery('norwegian', ${text}) as query)
    select s.slug, s.title, s.part, ts_headline('norwegian', s.body_text, q.query, ${options}) as headline
    from handbook_section s, q
    where s.document @@ q.query
    order by ts_rank(s.document, q.query) desc, s.sort_order
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ slug: row.slug, title: row.title, part: row.part, snippet: snippetParts(row.headline) }));
}
