import { Link, Paragraph } from '@digdir/designsystemet-react';
import { FormPage, TextArea, TextInput, type Errors } from '../../../../platform/forms/index.ts';
import { MessagePage } from '../../../../platform/views/message-page.tsx';
import { msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';

const m = msg.moderation.report;

/**
 * "Meld fra om feil": no account needed. Spam protection without JavaScript: a honeypot field that
 * people never see (the hidden attribute: not rendered, not in the accessibility tree), which form-
 * filling bots fill in, and a rate limit per address.
 */
export function ReportPage({ serviceId, serviceName, values, errors, csrfToken }: { serviceId: string; serviceName: string; values: { message: string; email: string }; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={m.title(serviceName)} intro={m.intro} errors={errors} action={paths.selfService.reportError(serviceId)} csrfToken={csrfToken} submit={m.submit}
      after={<Paragraph><Link href={paths.service(serviceId)}>{m.back}</Link></Paragraph>}>
      <TextArea id="message" label={m.message} value={values.message} error={errors.message} maxLength={2000} />
      <TextInput id="email" label={m.email} type="email" autoComplete="email" value={values.email} error={errors.email} maxLength={254} />
      <div hidden>
        <label htmlFor="nettsted">{m.website}</label>
        <input id="nettsted" name="nettsted" type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </FormPage>
  );
}

export function ReportThanks({ serviceId }: { serviceId: string }) {
  return <MessagePage title={m.thanksTitle} message={m.thanks} links={[{ href: paths.service(serviceId), text: m.back }]} />;
}
