import { Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Tx } from '../db/index.ts';

/** One source as a page lists it: plain text, or a citation of a library entry with its link. */
export interface CitedSource {
  text: string;
  href?: string | undefined;
  /** a tag beside it, e.g. "Ikke kontrollert" for an entry nobody has checked yet */
  tag?: string | undefined;
}

/**
 * Resolves source lines ("@key" cites a library entry): the network's resolveCitations, handed in by
 * src/app.ts, since platform imports no domain and the network imports the handbook.
 */
export type CiteSources = (db: Tx, lines: string[]) => Promise<CitedSource[]>;

/**
 * The one source list: handbook sections and the about page show their sources with it. Entries of
 * the evidence library come resolved by the network domain (network/evidence/citations.ts).
 */
export function SourceList({ heading, empty, sources, id = 'sources-heading' }: { heading: string; empty: string; sources: CitedSource[]; id?: string }) {
  return (
    <section aria-labelledby={id} className="sources">
      <h2 id={id} className="ds-heading" data-size="xs">{heading}</h2>
      {sources.length > 0
        ? <ul>{sources.map((source, index) => (
          <li key={index}>
            {source.href ? <Link href={source.href}>{source.text}</Link> : source.text}
            {source.tag && <> <Tag data-color="warning" data-size="sm">{source.tag}</Tag></>}
          </li>
        ))}</ul>
        : <Paragraph data-size="sm">{empty}</Paragraph>}
    </section>
  );
}
