import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { SearchFields } from './finder-form.tsx';

const m = msg.home;

export function HomePage({ hasDemoData }: { hasDemoData: boolean }) {
  return (
    <Layout title={m.title} description={m.metaDescription} showsDemoData={hasDemoData}>
      <div className="stack">
        <Heading level={1} data-size="xl">{m.title}</Heading>
        <Paragraph className="lead">{m.lead}</Paragraph>
        <Paragraph>{m.guidelines}</Paragraph>
        <Paragraph className="source">{m.guidelinesSource}</Paragraph>
        <section aria-labelledby="search-heading">
          <Heading level={2} data-size="md" id="search-heading">{m.searchHeading}</Heading>
          <form method="get" action={paths.finder} role="search" aria-labelledby="search-heading">
            <SearchFields values={{ q: '', sted: '', innen: '', alder: '', sortering: 'relevans' }} errors={{}} />
          </form>
        </section>
        <section aria-labelledby="ways-heading">
          <Heading level={2} data-size="md" id="ways-heading">{m.waysInHeading}</Heading>
          <ul className="ways">
            {m.ways.map((way) => (
              <li key={way.query}>
                <Heading level={3} data-size="xs"><Link href={`${paths.finder}?${way.query}`}>{way.title}</Link></Heading>
                <Paragraph data-size="sm">{way.text}</Paragraph>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
