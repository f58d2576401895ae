import type { App } from '../http/app.ts';
import type { Db } from '../db/index.ts';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { paths } from '../paths.ts';
import { sendPage } from './render.ts';
import { msg } from '../i18n/index.ts';
import { PageFrame } from './page-frame.tsx';
import { SourceList, type CitedSource, type CiteSources } from './source-list.tsx';

/**
 * The sources the about page rests on, as citation keys of the network's evidence library: the
 * three national guidelines and the Cochrane reviews. Shown through the one source list.
 */
export const ABOUT_SOURCES = [
  '@hdir2013-is1957-psykose',
  '@hdir2016-rus-behandling-rehabilitering',
  '@hdir2016-is2211-avrusning',
  '@geretsegger2017-cochrane-schizophrenia',
  '@aalbers2017-cochrane-depression',
  '@ghetti2022-cochrane-sud',
];

function AboutPage({ sources }: { sources: CitedSource[] }) {
  const m = msg.about;
  return (
    <PageFrame title={m.title} className="stack detail">
      {m.paragraphs.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
      <Heading level={2} data-size="sm">{m.dataHeading}</Heading>
      {m.data.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
      <SourceList heading={m.sourcesHeading} empty={m.noSources} sources={sources} />
    </PageFrame>
  );
}

export async function aboutRoutes(app: App, { db, cite }: { db: Db; cite?: CiteSources }) {
  app.get(paths.about, async (_request, reply) => {
    const sources = cite ? await cite(db, ABOUT_SOURCES) : [];
    return sendPage(reply, AboutPage({ sources }));
  });
}
