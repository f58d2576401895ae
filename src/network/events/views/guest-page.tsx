import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { CsrfField } from '../../../platform/forms/index.ts';

/**
 * The page a guest's link opens: it asks before it acts (a POST), so a mail program that opens
 * links to check them confirms or cancels nothing.
 */
export function GuestActionPage(props: { title: string; text: string; action: string; button: string; back: { href: string; text: string }; csrfToken: string }) {
  return (
    <PageFrame title={props.title} className="stack detail">
      <Paragraph>{props.text}</Paragraph>
      <form method="post" action={props.action} noValidate>
        <CsrfField token={props.csrfToken} />
        <Button type="submit">{props.button}</Button>
      </form>
      <Paragraph data-size="sm"><Link href={props.back.href}>{props.back.text}</Link></Paragraph>
    </PageFrame>
  );
}
