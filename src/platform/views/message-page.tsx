import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Layout } from './layout.tsx';

export function MessagePage({ title, message, links = [] }: { title: string; message: string; links?: { href: string; text: string }[] }) {
  return (
    <Layout title={title}>
      <div className="stack detail">
        <Heading level={1} data-size="lg">{title}</Heading>
        <Paragraph>{message}</Paragraph>
        {links.length > 0 && <ul>{links.map((l) => <li key={l.href}><Link href={l.href}>{l.text}</Link></li>)}</ul>}
      </div>
    </Layout>
  );
}
