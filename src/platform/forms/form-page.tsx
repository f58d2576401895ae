import type { ReactNode } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { CsrfField } from './fields.tsx';
import { ErrorSummary, type Errors } from './error-summary.tsx';
import { PageFrame } from '../views/page-frame.tsx';

/** A page with one form: errors on top, "Feil:" in the title when something must be fixed. */
export function FormPage({ title, intro, errors = {}, action, csrfToken, submit, notice, children, after }: {
  title: string; intro?: string | undefined; errors?: Errors; action: string; csrfToken: string; submit: string;
  notice?: string | undefined; children?: ReactNode; after?: ReactNode;
}) {
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={title} failed={failed} className="stack detail">
      {notice && <Alert data-color="info">{notice}</Alert>}
      {intro && <Paragraph>{intro}</Paragraph>}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} noValidate className="stack">
        <CsrfField token={csrfToken} />
        {children}
        <div className="actions"><Button type="submit">{submit}</Button></div>
      </form>
      {after}
    </PageFrame>
  );
}
