import { Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDateTime, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { SessionSummary } from '../sessions.ts';
import { CsrfField, FormPage, TextInput, type Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { PageFrame } from '../../platform/views/page-frame.tsx';

const s = msg.accounts.settings;
const back = <Paragraph><Link href={paths.accounts.account}>{s.back}</Link></Paragraph>;

export function ChangeNamePage({ values, errors, csrfToken }: { values: { navn: string }; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={s.name.title} errors={errors} action={paths.accounts.changeName} csrfToken={csrfToken} submit={s.name.submit} after={back}>
      <TextInput id="navn" label={s.name.label} hint={s.name.hint} autoComplete="name" value={values.navn} error={errors.navn} maxLength={200} />
    </FormPage>
  );
}

export function ChangePasswordPage({ errors, csrfToken, hasPassword }: { errors: Errors; csrfToken: string; hasPassword: boolean }) {
  if (!hasPassword) return <MessageWithBack title={s.password.title} message={s.password.noPassword} />;
  return (
    <FormPage title={s.password.title} intro={s.password.intro} errors={errors} action={paths.accounts.changePassword} csrfToken={csrfToken} submit={s.password.submit} after={back}>
      <TextInput id="gjeldende" label={s.password.current} type="password" autoComplete="current-password" error={errors.gjeldende} maxLength={1024} />
      <TextInput id="passord" label={s.password.next} hint={msg.accounts.fields.passwordHint} type="password" autoComplete="new-password" error={errors.passord} maxLength={1024} />
    </FormPage>
  );
}

export function ChangeEmailPage({ values, errors, csrfToken, hasPassword, currentEmail }: { values: { epost: string }; errors: Errors; csrfToken: string; hasPassword: boolean; currentEmail: string }) {
  return (
    <FormPage title={s.email.title} intro={s.email.intro} errors={errors} action={paths.accounts.changeEmail} csrfToken={csrfToken} submit={s.email.submit} after={back}>
      <Paragraph>{msg.accounts.account.email}: {currentEmail}</Paragraph>
      <TextInput id="epost" label={s.email.newEmail} type="email" autoComplete="email" value={values.epost} error={errors.epost} maxLength={254} />
      {hasPassword && <TextInput id="gjeldende" label={s.email.current} hint={s.email.currentHint} type="password" autoComplete="current-password" error={errors.gjeldende} maxLength={1024} />}
    </FormPage>
  );
}

export function ConfirmEmailPage({ token, newEmail, csrfToken }: { token: string; newEmail: string; csrfToken: string }) {
  return <FormPage title={s.email.confirmTitle} intro={s.email.confirmIntro(newEmail)} action={paths.accounts.confirmEmail(token)} csrfToken={csrfToken} submit={s.email.confirmSubmit} />;
}

function MessageWithBack({ title, message }: { title: string; message: string }) {
  return (
    <PageFrame title={title} className="stack detail">
      <Paragraph>{message}</Paragraph>
      {back}
    </PageFrame>
  );
}

function device(summary: string | null): string {
  const [browser = '', system = ''] = (summary ?? '').split('/');
  return browser || system ? s.sessions.deviceText(browser, system) : s.sessions.unknownDevice;
}

export function SessionsPage({ sessions, csrfToken, notice }: { sessions: SessionSummary[]; csrfToken: string; notice: string | null }) {
  const t = s.sessions;
  return (
    <PageFrame title={t.title}>
      {notice && <Paragraph role="status">{notice}</Paragraph>}
      <Paragraph>{t.intro}</Paragraph>
      <DataTable caption={t.caption} rows={sessions} rowKey={(_, i) => i} rowProps={(session) => ({ 'data-current': session.current ? 'true' : undefined })} columns={[
        { header: t.device, cell: (session) => <>{device(session.device)}{session.current && <> <Tag data-color="info">{t.thisOne}</Tag></>}</> },
        { header: t.started, cell: (session) => formatDateTime(session.createdAt) },
        { header: t.lastActive, cell: (session) => formatDateTime(session.lastSeenAt) },
      ]} />
      <div className="actions">
        <form method="post" action={paths.accounts.endOtherSessions}>
          <CsrfField token={csrfToken} />
          <Button type="submit" variant="secondary">{t.endOthers}</Button>
        </form>
        <form method="post" action={paths.accounts.endAllSessions}>
          <CsrfField token={csrfToken} />
          <Button type="submit" data-color="danger" variant="secondary">{t.endAll}</Button>
        </form>
      </div>
      {back}
    </PageFrame>
  );
}
