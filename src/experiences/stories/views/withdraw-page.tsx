import { FormPage, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { storyPaths } from '../paths.ts';

const w = msg.experienceStories.withdraw;

/** The withdrawal form: only the code from the receipt, no account. */
export function WithdrawPage({ code, errors, csrfToken }: { code: string; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={w.title} intro={w.intro} errors={errors} action={storyPaths.withdraw} csrfToken={csrfToken} submit={w.submit}>
      <TextInput id="kode" label={w.code} hint={w.codeHint} value={code} error={errors.kode} maxLength={40} autoComplete="off" />
    </FormPage>
  );
}
