import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { Layout } from './layout.tsx';

/**
 * The frame of an ordinary page: the layout with its title, one column of stacked blocks and the
 * page's one h1 (`heading`, when it differs from the title, e.g. "Feil: …" in the title only).
 */
export function PageFrame({ title, heading = title, className = 'stack', children }: {
  title: string; heading?: ReactNode; className?: string; children?: ReactNode;
}) {
  return (
    <Layout title={title}>
      <div className={className}>
        <Heading level={1} data-size="lg">{heading}</Heading>
        {children}
      </div>
    </Layout>
  );
}
