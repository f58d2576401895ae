import type { App } from '../http/app.ts';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { paths } from '../paths.ts';
import { sendPage } from './render.ts';
import { nb } from '../i18n/nb.ts';
import { PageFrame } from './page-frame.tsx';

function AboutPage() {
  const m = nb.about;
  return (
    <PageFrame title={m.title} className="stack detail">
      {m.paragraphs.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
      <Heading level={2} data-size="sm">{m.dataHeading}</Heading>
      {m.data.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
    </PageFrame>
  );
}

export async function aboutRoutes(app: App) {
  app.get(paths.about, async (_request, reply) => sendPage(reply, AboutPage()));
}
