import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { HandbookHit } from '../search.ts';
import { HandbookSearchForm } from './components.tsx';

export function HandbookSearchPage({ query, hits, error }: { query: string; hits: HandbookHit[] | null; error?: string | undefined }) {
  const m = msg.handbook;
  return (
    <Layout title={query ? m.searchResultsTitle(query) : m.searchTitle}>
      <Paragraph data-size="sm"><Link href={paths.handbook.index}>{m.backToHandbook}</Link></Paragraph>
      <Heading level={1} data-size="lg">{m.searchTitle}</Heading>
      <HandbookSearchForm value={query} error={error} />
      {hits && (
        <section aria-labelledby="hits-heading">
          <Heading level={2} data-size="sm" id="hits-heading">{m.hitCount(hits.length)}</Heading>
          {hits.length === 0 ? <Paragraph>{m.noHits}</Paragraph> : (
            <ol className="hits">
              {hits.map((hit) => (
                <li key={hit.slug} className="hit">
                  <h3><Link href={paths.handbook.section(hit.slug)}>{hit.title}</Link></h3>
                  <p className="meta">{hit.part}</p>
                  <p className="snippet">{hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Layout>
  );
}
