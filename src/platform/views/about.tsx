import type { App } from '../http/app.ts';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { paths } from '../paths.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';
import { nb } from '../i18n/nb.ts';

function AboutPage() {
  const m = nb.about;
  return (
    <Layout title={m.title}>
      <div className="stack detail">
        <Heading level={1} data-size="lg">{m.title}</Heading>
        {m.paragraphs.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
        <Heading level={2} data-size="sm">{m.dataHeading}</Heading>
        {m.data.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
      </div>
    </Layout>
  );
}

export async function aboutRoutes(app: App) {
  app.get(paths.about, async (_request, reply) => sendPage(reply, AboutPage()));
}
