import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../../../platform/forms/index.ts';
import { msg } from '../../../../platform/i18n/index.ts';
import { paths } from '../../../../platform/paths.ts';
import { PageFrame } from '../../../../platform/views/page-frame.tsx';

const m = msg.selfService.start;

export interface StartValues { orgnr: string; orgName: string; website: string; orgEmail: string; note: string }

/** Step one of "Registrer et tilbud": find the organisation by number, claim it, or register it. */
export function StartPage({ values, errors, csrfToken, existing, notice }: {
  values: StartValues; errors: Errors; csrfToken: string; existing: { id: string; name: string } | null; notice?: string | undefined;
}) {
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={m.title} failed={failed} className="stack detail">
      {notice && <Paragraph>{notice}</Paragraph>}
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={msg.selfService.errors.summary} />
      {existing ? (
        <section aria-labelledby="claim-heading" className="stack">
          <Heading level={2} data-size="sm" id="claim-heading">{m.claimHeading}</Heading>
          <Paragraph>{m.exists(existing.name)}</Paragraph>
          <form method="post" action={paths.selfService.claimOrganization} className="stack" noValidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="organizationId" value={existing.id} />
            <TextInput id="note" label={m.claimNoteLabel} value={values.note} error={errors.note} maxLength={500} />
            <div className="actions"><Button type="submit">{m.claimSubmit}</Button></div>
          </form>
        </section>
      ) : (
        <section aria-labelledby="create-heading" className="stack">
          <Heading level={2} data-size="sm" id="create-heading">{m.createHeading}</Heading>
          <form method="post" action={paths.selfService.createOrganization} className="stack" noValidate>
            <CsrfField token={csrfToken} />
            <TextInput id="orgnr" label={m.numberLabel} hint={m.numberHint} value={values.orgnr} error={errors.orgnr} inputMode="numeric" maxLength={11} />
            <TextInput id="orgName" label={m.nameLabel} value={values.orgName} error={errors.orgName} autoComplete="organization" maxLength={200} />
            <TextInput id="website" label={m.websiteLabel} type="url" value={values.website} error={errors.website} maxLength={500} />
            <TextInput id="orgEmail" label={m.emailLabel} type="email" value={values.orgEmail} error={errors.orgEmail} maxLength={254} />
            <div className="actions"><Button type="submit">{m.createSubmit}</Button></div>
          </form>
        </section>
      )}
    </PageFrame>
  );
}
