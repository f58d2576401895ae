import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../i18n/index.ts';
import { paths } from '../paths.ts';
import { Layout } from './layout.tsx';

export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <Heading level={1} data-size="lg">{title}</Heading>
      <Paragraph>{message}</Paragraph>
      <Paragraph><Link href={paths.finder}>{msg.errors.backToFinder}</Link></Paragraph>
    </Layout>
  );
}
