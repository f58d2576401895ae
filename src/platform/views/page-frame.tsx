import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { Layout } from './layout.tsx';

/**
 * The frame of an ordinary page: the layout with its title, one column of stacked blocks and the
 * page's one h1 (`heading`, when it differs from the title). `failed` marks the title of a page
 * answering a failed request (a form with errors), not the heading.
 */
export function PageFrame({ title, failed = false, heading = title, className = 'stack', children }: {
  title: string; failed?: boolean; heading?: ReactNode; className?: string; children?: ReactNode;
}) {
  return (
    <Layout title={title} failed={failed}>
      <div className={className}>
        <Heading level={1} data-size="lg">{heading}</Heading>
        {children}
      </div>
    </Layout>
  );
}
