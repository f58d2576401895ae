import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { FormPage, TextInput, type Errors } from '../../platform/forms/index.ts';

const m = msg.accounts;

export interface LoginValues { email: string; next: string }

export function LoginPage({ values, errors, csrfToken, notice, oidc }: { values: LoginValues; errors: Errors; csrfToken: string; notice?: string | undefined; oidc: boolean }) {
  return (
    <FormPage title={m.login.title} intro={m.login.intro} errors={errors} action={paths.accounts.login} csrfToken={csrfToken} submit={m.login.submit} notice={notice}
      after={(
        <ul>
          <li><Link href={paths.accounts.forgot}>{m.login.forgot}</Link></li>
          <li><Link href={paths.accounts.register}>{m.login.register}</Link></li>
          {oidc && <li><Link href={`${paths.accounts.oidcStart}${values.next ? `?neste=${encodeURIComponent(values.next)}` : ''}`}>{m.login.oidc}</Link></li>}
        </ul>
      )}>
      <input type="hidden" name="neste" value={values.next} />
      <TextInput id="email" label={m.fields.email} type="email" autoComplete="username" value={values.email} error={errors.email} maxLength={254} />
      <TextInput id="password" label={m.fields.password} type="password" autoComplete="current-password" error={errors.password} maxLength={1024} />
    </FormPage>
  );
}

export function RegisterPage({ values, errors, csrfToken }: { values: { email: string; name: string }; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={m.register.title} intro={m.register.intro} errors={errors} action={paths.accounts.register} csrfToken={csrfToken} submit={m.register.submit}
      after={<Paragraph data-size="sm"><Link href={paths.accounts.privacy}>{m.register.privacy}</Link></Paragraph>}>
      <TextInput id="name" label={m.fields.name} hint={m.fields.nameHint} autoComplete="name" value={values.name} error={errors.name} maxLength={200} />
      <TextInput id="email" label={m.fields.email} type="email" autoComplete="email" value={values.email} error={errors.email} maxLength={254} />
      <TextInput id="password" label={m.fields.password} hint={m.fields.passwordHint} type="password" autoComplete="new-password" error={errors.password} maxLength={1024} />
    </FormPage>
  );
}

export function ForgotPage({ values, errors, csrfToken }: { values: { email: string }; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={m.forgot.title} intro={m.forgot.intro} errors={errors} action={paths.accounts.forgot} csrfToken={csrfToken} submit={m.forgot.submit}>
      <TextInput id="email" label={m.fields.email} type="email" autoComplete="email" value={values.email} error={errors.email} maxLength={254} />
    </FormPage>
  );
}

export function ResetPage({ token, errors, csrfToken }: { token: string; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={m.reset.title} errors={errors} action={paths.accounts.reset(token)} csrfToken={csrfToken} submit={m.reset.submit}>
      <TextInput id="password" label={m.fields.newPassword} hint={m.fields.passwordHint} type="password" autoComplete="new-password" error={errors.password} maxLength={1024} />
    </FormPage>
  );
}

/**
 * Proving the address is not enough to keep the password chosen at registration: whoever
 * registered may not own the inbox. The person confirms with that password, or chooses a new one
 * through "Glemt passord" (a mail to the same inbox), which replaces it.
 */
export function VerifyPage({ token, errors, csrfToken }: { token: string; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={m.verify.title} intro={m.verify.intro} errors={errors} action={paths.accounts.verify(token)} csrfToken={csrfToken} submit={m.verify.submit}
      after={<Paragraph>{m.verify.notYou} <Link href={paths.accounts.forgot}>{m.verify.chooseNew}</Link></Paragraph>}>
      <TextInput id="password" label={m.fields.password} type="password" autoComplete="current-password" error={errors.password} maxLength={1024} />
    </FormPage>
  );
}
