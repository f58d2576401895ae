import { Link, Paragraph } from '@digdir/designsystemet-react';
import { PageFrame } from './page-frame.tsx';

export function MessagePage({ title, message, links = [] }: { title: string; message: string; links?: { href: string; text: string }[] }) {
  return (
    <PageFrame title={title} className="stack detail">
      <Paragraph>{message}</Paragraph>
      {links.length > 0 && <ul>{links.map((l) => <li key={l.href}><Link href={l.href}>{l.text}</Link></li>)}</ul>}
    </PageFrame>
  );
}
