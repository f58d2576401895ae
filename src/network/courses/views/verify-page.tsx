import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ErrorSummary, TextInput } from '../../../platform/forms/index.ts';
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { CertificateFacts } from '../certificate.ts';
import { runDates } from './format.ts';

/** The code form (a GET form: nothing is written) and, after a look-up, what was found. */
export function VerifyPage({ code, error, result }: { code: string; error?: string | undefined; result: CertificateFacts | 'notFound' | null }) {
  const m = msg.networkCourses.verify;
  const title = result === null ? m.title : result === 'notFound' ? m.notFoundTitle : m.genuineTitle;
  return (
    <PageFrame title={error ? msg.networkCourses.errorTitle(m.title) : title} heading={title} className="stack detail course-page">
      <ErrorSummary errors={{ kode: error }} />
      {result === 'notFound' && <Alert data-color="danger">{m.notFound}</Alert>}
      {result && result !== 'notFound' && (
        <>
          <Alert data-color="success">{m.genuine}</Alert>
          <dl className="facts">
            <dt>{m.facts.name}</dt><dd>{result.participant_name}</dd>
            <dt>{m.facts.course}</dt><dd>{result.course_title}{result.is_demo && ` ${msg.networkCourses.demo}`}</dd>
            <dt>{m.facts.dates}</dt><dd>{runDates(result.starts_at, result.ends_at)}</dd>
            <dt>{m.facts.organization}</dt><dd>{result.organization_name}</dd>
            <dt>{m.facts.issued}</dt><dd>{formatDate(result.issued_at)}</dd>
          </dl>
        </>
      )}
      {result !== null && <Heading level={2} data-size="sm">{m.another}</Heading>}
      <Paragraph>{m.intro}</Paragraph>
      <form method="get" action={paths.network.courses.verifyForm} className="stack narrow-form" noValidate>
        <TextInput id="kode" label={m.code} hint={m.codeHint} value={code} error={error} maxLength={40} autoComplete="off" />
        <div className="actions"><Button type="submit">{m.submit}</Button></div>
      </form>
      <Paragraph><Link href={paths.network.courses.index}>{msg.networkCourses.title}</Link></Paragraph>
    </PageFrame>
  );
}
